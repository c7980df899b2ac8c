package org.tenfour.storage;

import java.util.Locale;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/** Test-data builders for agencies and members. */
public final class TestData {
    private TestData() {}

    /** A new Slack agency with a unique workspace id. */
    public static Agency agency(Jdbi jdbi) {
        String workspace =
                "T" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        return jdbi.onDemand(Agencies.class).upsert("slack", workspace, "Agency " + workspace);
    }

    /** A new member of the agency with a unique user id. */
    public static Member member(Jdbi jdbi, Agency agency) {
        String user = "U" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        return jdbi.onDemand(Members.class)
                .upsert(agency.id(), user, "Member " + user, "America/Chicago");
    }
}
