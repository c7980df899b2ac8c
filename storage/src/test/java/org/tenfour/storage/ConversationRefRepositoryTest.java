package org.tenfour.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class ConversationRefRepositoryTest {
    private static final String SERVICE = "https://smba.trafficmanager.net/amer/";
    private static final Instant AT = Instant.parse("2026-05-01T12:00:00Z");

    private final Jdbi jdbi;
    private final ConversationRefRepository refs;
    private final Agency mine;
    private final Agency theirs;

    ConversationRefRepositoryTest(TestDatabase db) {
        this.jdbi = db.jdbi();
        this.refs = jdbi.onDemand(ConversationRefRepository.class);
        this.mine = TestData.agency(jdbi);
        this.theirs = TestData.agency(jdbi);
    }

    @Test
    void a_saved_user_reference_is_found_again() {
        refs.save(mine.id(), ConversationRef.USER, "29:alice", SERVICE, "a:1on1-alice", AT);

        assertThat(refs.find(mine.id(), ConversationRef.USER, "29:alice"))
                .get()
                .satisfies(
                        r -> {
                            assertThat(r.serviceUrl()).isEqualTo(SERVICE);
                            assertThat(r.conversationId()).isEqualTo("a:1on1-alice");
                            assertThat(r.updatedAt()).isEqualTo(AT);
                        });
    }

    @Test
    void saving_again_replaces_the_conversation_and_service_url() {
        refs.save(mine.id(), ConversationRef.USER, "29:bob", SERVICE, "a:old", AT);
        refs.save(
                mine.id(),
                ConversationRef.USER,
                "29:bob",
                "https://smba.example/emea/",
                "a:new",
                AT.plus(1, ChronoUnit.DAYS));

        assertThat(refs.find(mine.id(), ConversationRef.USER, "29:bob"))
                .get()
                .extracting(ConversationRef::conversationId, ConversationRef::serviceUrl)
                .containsExactly("a:new", "https://smba.example/emea/");
        assertThat(refs.list(mine.id(), ConversationRef.USER)).hasSize(1);
    }

    @Test
    void a_user_and_a_channel_with_the_same_id_are_two_references() {
        refs.save(mine.id(), ConversationRef.USER, "same", SERVICE, "a:user", AT);
        refs.save(mine.id(), ConversationRef.CHANNEL, "same", SERVICE, "19:channel", AT);

        assertThat(refs.find(mine.id(), ConversationRef.CHANNEL, "same"))
                .map(ConversationRef::conversationId)
                .contains("19:channel");
        assertThat(refs.find(mine.id(), ConversationRef.USER, "same"))
                .map(ConversationRef::conversationId)
                .contains("a:user");
    }

    @Test
    void one_agency_never_reads_or_deletes_another_agencys_references() {
        refs.save(theirs.id(), ConversationRef.USER, "29:carol", SERVICE, "a:carol", AT);

        assertThat(refs.find(mine.id(), ConversationRef.USER, "29:carol")).isEmpty();
        assertThat(refs.list(mine.id(), ConversationRef.USER)).isEmpty();
        assertThat(refs.delete(mine.id(), ConversationRef.USER, "29:carol")).isZero();
        assertThat(refs.find(theirs.id(), ConversationRef.USER, "29:carol")).isPresent();
    }

    @Test
    void a_deleted_reference_is_gone() {
        refs.save(mine.id(), ConversationRef.CHANNEL, "19:gone", SERVICE, "19:gone", AT);
        assertThat(refs.delete(mine.id(), ConversationRef.CHANNEL, "19:gone")).isEqualTo(1);
        assertThat(refs.find(mine.id(), ConversationRef.CHANNEL, "19:gone")).isEmpty();
    }

    @Test
    void the_database_refuses_a_kind_other_than_user_or_channel() {
        assertThatThrownBy(() -> refs.save(mine.id(), "team", "x", SERVICE, "c", AT))
                .hasMessageContaining("conversation_ref_kind_check");
    }

    @Test
    void never_reached_are_the_unreachable_on_the_roster_without_a_reference_and_not_opted_out() {
        Members members = jdbi.onDemand(Members.class);
        java.util.function.Function<String, Member> unreachable =
                id -> {
                    Member m = members.upsert(mine.id(), id, null, null);
                    members.setOnRoster(mine.id(), m.id(), true);
                    members.markUnreachableByPlatformUser(mine.id(), id);
                    return m;
                };
        Member never = unreachable.apply("29:never");
        Member removed = unreachable.apply("29:removed-the-app");
        refs.save(mine.id(), ConversationRef.USER, removed.platformUserId(), SERVICE, "a:x", AT);
        Member optedOut = unreachable.apply("29:opted-out");
        members.setOptedOut(mine.id(), optedOut.id(), true);
        Member off = unreachable.apply("29:off-roster");
        members.setOnRoster(mine.id(), off.id(), false);
        members.upsert(mine.id(), "29:reachable", null, null);
        Member second = unreachable.apply("29:second");

        assertThat(members.neverReached(mine.id(), 10))
                .extracting(Member::id)
                .containsExactly(never.id(), second.id());
        assertThat(members.neverReached(mine.id(), 1))
                .extracting(Member::id)
                .containsExactly(never.id());
    }
}
