package org.tenfour.storage;

import java.lang.reflect.Type;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.generic.GenericType;
import org.jdbi.v3.core.mapper.ColumnMapper;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.qualifier.QualifiedType;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.json.Json;

/**
 * Maps {@link Members#COLUMNS} to a {@link Member} by hand, for every read of members (planning
 * reads whole rosters, the request path reads callers): JDBI's constructor mapper (reflection set
 * up per query, {@code Instant}s through {@code java.sql.Timestamp} and a {@code Calendar}) cost
 * more than the query itself. Public only because JDBI instantiates it.
 */
public final class MemberMapper implements RowMapper<Member> {
    private static final Type TAGS = new GenericType<Map<String, String>>() {}.getType();

    public MemberMapper() {}

    @Override
    public Member map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Member(
                rs.getObject("id", UUID.class),
                rs.getObject("agency_id", UUID.class),
                rs.getString("platform_user_id"),
                rs.getString("display_name"),
                rs.getString("time_zone"),
                rs.getBoolean("opted_out"),
                instant(rs, "snoozed_until"),
                rs.getBoolean("unreachable"),
                rs.getBoolean("is_coordinator"),
                rs.getBoolean("on_roster"),
                instant(rs, "created_at"),
                rs.getObject("window_start", LocalTime.class),
                rs.getObject("window_end", LocalTime.class),
                days(rs.getArray("window_days")),
                rs.getObject("assigned_peer_id", UUID.class),
                tags(rs, ctx),
                instant(rs, "welcomed_at"),
                rs.getBoolean("is_admin"),
                rs.getString("language"),
                rs.getBoolean("language_chosen"));
    }

    /** The tags column, read by JDBI's Jackson plugin. */
    private static Map<String, String> tags(ResultSet rs, StatementContext ctx)
            throws SQLException {
        ColumnMapper<?> json =
                ctx.findColumnMapperFor(QualifiedType.of(TAGS).with(Json.class))
                        .orElseThrow(() -> new IllegalStateException("no JSON column mapper"));
        @SuppressWarnings("unchecked") // the mapper was found for exactly this type
        Map<String, String> tags = (Map<String, String>) json.map(rs, "tags", ctx);
        return tags;
    }

    private static Set<DayOfWeek> days(Array array) throws SQLException {
        if (array == null) {
            return Set.of();
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (Object name : (Object[]) array.getArray()) {
            days.add(DayOfWeek.valueOf((String) name));
        }
        return days;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
