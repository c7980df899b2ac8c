package org.tenfour.storage;

import java.util.Locale;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * Test-data builders for peers, check-ins and connection requests (kept apart from {@link
 * TestData}).
 */
public final class PeerTestData {
    private PeerTestData() {}

    /** A new member of the agency with the given platform id and name, made an active peer. */
    public static Member peer(Jdbi jdbi, Agency agency, String platformUserId, String name) {
        Member m =
                jdbi.onDemand(Members.class)
                        .upsert(agency.id(), platformUserId, name, "America/Chicago");
        jdbi.useHandle(
                h ->
                        h.createUpdate("insert into peer (member_id, agency_id) values (:m, :a)")
                                .bind("m", m.id())
                                .bind("a", agency.id())
                                .execute());
        return m;
    }

    /** A new active peer with a unique platform id. */
    public static Member peer(Jdbi jdbi, Agency agency) {
        String user = "U" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        return peer(jdbi, agency, user, "Peer " + user);
    }
}
