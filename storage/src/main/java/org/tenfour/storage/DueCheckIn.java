package org.tenfour.storage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * A check-in about to be sent that is its member's only one open or due, with what its contact
 * window needs: the member, the agency's time zone and settings ({@link CheckIns#dueAlone}).
 */
public record DueCheckIn(Member member, String agencyTimeZone, String agencySettingsJson) {
    public DueCheckIn {
        Objects.requireNonNull(member, "null member");
    }

    /**
     * Maps {@link Members#COLUMNS} plus the agency's two columns; public because JDBI builds it.
     */
    public static final class Mapper implements RowMapper<DueCheckIn> {
        private final MemberMapper members = new MemberMapper();

        @Override
        public DueCheckIn map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new DueCheckIn(
                    members.map(rs, ctx),
                    rs.getString("agency_time_zone"),
                    rs.getString("agency_settings"));
        }
    }
}
