package org.tenfour.bot.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Array;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tenfour.adapters.testing.MutableClock;
import org.tenfour.storage.Agencies;
import org.tenfour.storage.Agency;
import org.tenfour.storage.Member;
import org.tenfour.storage.Members;
import org.tenfour.storage.PeerTestData;
import org.tenfour.storage.PostgresExtension;
import org.tenfour.storage.Store;
import org.tenfour.storage.TestDatabase;

/** After a realistic morning of logging, nothing in the log tables names or points to a person. */
@ExtendWith(PostgresExtension.class)
class DeidentificationTest {
    private final Jdbi jdbi;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-05-04T14:00:00Z"));
    private final InteractionLogService service;
    private final List<String> identifying = new ArrayList<>();

    DeidentificationTest(TestDatabase db) {
        this.jdbi = db.jdbi();
        this.service =
                new InteractionLogService(Store.of(jdbi), clock, InteractionLogServiceTest.KEYS);
    }

    @Test
    void no_column_of_any_log_row_holds_an_id_or_a_name() {
        Agency north =
                jdbi.onDemand(Agencies.class).upsert("slack", "T0NORTH", "North County Sheriff");
        Agency south =
                jdbi.onDemand(Agencies.class)
                        .upsert("teams", "tenant-south", "South Fire District");
        Member ana = peer(north, "U0MEMBER1", "Ana Alvarez");
        Member ben = peer(north, "U0MEMBER2", "Ben Brooks");
        Member cho = peer(south, "29:1cHoTeAmSiD", "Cho Chen");
        Member dee = member(north, "U0MEMBER3", "Dee Dawson");
        Member eli = member(south, "29:1eLiTeAmSiD", "Eli Evans");
        identifying.addAll(
                List.of(
                        "North County Sheriff",
                        "South Fire District",
                        "T0NORTH",
                        "tenant-south",
                        dee.id().toString(),
                        eli.id().toString()));

        submit(
                north,
                ana,
                LogForm.valid().with("follow_up", "true").with("follow_up_date", "2026-05-06"));
        submit(
                north,
                ana,
                LogForm.valid()
                        .with("contact_type", "critical_incident_follow_up")
                        .with("topics", "critical_incident", "sleep")
                        .with("referrals", "clinician", "eap")
                        .with("safety_concern", "true"));
        submit(
                north,
                ben,
                LogForm.valid().with("contact_type", "group_debrief").with("duration", "gt_60"));
        submit(
                south,
                cho,
                LogForm.valid().with("follow_up", "true").with("follow_up_date", "2026-05-10"));

        List<Map<String, Object>> rows =
                jdbi.withHandle(
                        h -> h.createQuery("select * from interaction_log").mapToMap().list());
        assertThat(rows).hasSize(4);
        for (Map<String, Object> row : rows) {
            for (Object value : row.values()) {
                String text = String.valueOf(value instanceof Array a ? arrayText(a) : value);
                for (String bad : identifying) {
                    assertThat(text).as("a log column").doesNotContainIgnoringCase(bad);
                }
            }
        }
        assertThat(rows.get(0).keySet())
                .containsExactlyInAnyOrder(
                        "id",
                        "agency_id",
                        "log_date",
                        "contact_type",
                        "topic_codes",
                        "duration_band",
                        "referral_codes",
                        "follow_up",
                        "safety_concern",
                        "peer_pseudonym",
                        "created_at",
                        "sealed_at");
    }

    @Test
    void the_reminder_table_holds_only_keyed_tags_and_the_day() {
        List<String> columns =
                jdbi.withHandle(
                        h ->
                                h.createQuery(
                                                "select column_name from "
                                                        + "information_schema.columns where table_name = 'follow_up_reminder'")
                                        .mapTo(String.class)
                                        .list());
        assertThat(columns)
                .as("peer_member_id is only for rows written before V20, never written now")
                .containsExactlyInAnyOrder(
                        "id", "agency_id", "peer_tag", "log_ref", "peer_member_id", "due_date");
    }

    @Test
    void the_same_peer_id_gets_a_different_pseudonym_in_each_agency() {
        Pseudonyms pseudonyms = new Pseudonyms(InteractionLogServiceTest.KEYS);
        UUID peer = UUID.randomUUID();
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();

        assertThat(pseudonyms.of(a, peer))
                .isEqualTo(pseudonyms.of(a, peer))
                .isNotEqualTo(pseudonyms.of(b, peer));
    }

    private Member peer(Agency agency, String platformId, String name) {
        Member m = PeerTestData.peer(jdbi, agency, platformId, name);
        identifying.addAll(
                List.of(
                        platformId,
                        name,
                        name.split(" ")[0],
                        name.split(" ")[1],
                        m.id().toString(),
                        m.id().toString().replace("-", "")));
        return m;
    }

    private Member member(Agency agency, String platformId, String name) {
        Member m =
                jdbi.onDemand(Members.class)
                        .upsert(agency.id(), platformId, name, "America/Denver");
        identifying.addAll(List.of(platformId, name));
        return m;
    }

    private void submit(Agency agency, Member peer, LogForm form) {
        service.submit(agency.id(), peer.id(), ZoneId.of("America/Denver"), form.values());
    }

    private static String arrayText(Array a) {
        try {
            return Arrays.toString((Object[]) a.getArray());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
