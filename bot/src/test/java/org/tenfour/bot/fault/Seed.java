package org.tenfour.bot.fault;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.tenfour.bot.agency.AgencySettings;

/**
 * Test data written straight to the database: an agency whose whole roster is due for a check-in
 * now.
 */
final class Seed {
    private Seed() {}

    /** A weekly cadence, contactable around the clock, every day. */
    static String alwaysOpenWeekly() {
        return AgencySettings.DEFAULTS
                .withCadenceDays(7)
                .withHours(LocalTime.MIN, LocalTime.MAX)
                .withDays(EnumSet.allOf(DayOfWeek.class))
                .toJson();
    }

    /**
     * Slack agency {@code workspace} with {@code members} roster members U000001…; returns its id.
     */
    static UUID slackAgency(Jdbi jdbi, String workspace, int members) {
        return jdbi.inTransaction(
                h -> {
                    UUID agency =
                            h.createQuery(
                                            """
                    insert into agency (platform, workspace_id, name, time_zone, coordinator_channel_id, settings)
                    values ('slack', :ws, 'Fire District 7', 'UTC', 'CCOORD', cast(:settings as jsonb)) returning id""")
                                    .bind("ws", workspace)
                                    .bind("settings", alwaysOpenWeekly())
                                    .mapTo(UUID.class)
                                    .one();
                    h.createUpdate(
                                    """
                    insert into member (agency_id, platform_user_id, display_name, time_zone)
                    select :agency, 'U' || lpad(n::text, 6, '0'), 'Member ' || n, 'UTC'
                    from generate_series(1, :n) n""")
                            .bind("agency", agency)
                            .bind("n", members)
                            .execute();
                    return agency;
                });
    }

    static int count(Jdbi jdbi, String sql) {
        return jdbi.withHandle(h -> h.createQuery(sql).mapTo(Integer.class).one());
    }
}
