package org.tenfour.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class SlackInstallationRepositoryTest {
    private static final String TOKEN = "xoxb-1111-2222-secretsecret";

    private final Jdbi jdbi;
    private final SlackInstallationRepository repo;
    private final Agency mine;
    private final Agency theirs;

    SlackInstallationRepositoryTest(TestDatabase db) {
        this.jdbi = db.jdbi();
        this.repo =
                new SlackInstallationRepository(
                        jdbi, SecretCipher.fromBase64(SecretCipher.newKey()));
        this.mine = TestData.agency(jdbi);
        this.theirs = TestData.agency(jdbi);
    }

    private static SlackInstallationRecord install(Agency agency, String token) {
        return new SlackInstallationRecord(
                agency.id(),
                agency.workspaceId(),
                "Fire District 7",
                "UBOT",
                token,
                "commands,chat:write",
                "UINSTALLER",
                null);
    }

    @Test
    void a_saved_installation_is_found_by_its_workspace_with_its_token_decrypted() {
        assertThat(repo.save(install(mine, TOKEN))).isTrue();

        SlackInstallationRecord found = repo.findByTeam(mine.workspaceId()).orElseThrow();
        assertThat(found.botToken()).isEqualTo(TOKEN);
        assertThat(found.teamName()).isEqualTo("Fire District 7");
        assertThat(found.botUserId()).isEqualTo("UBOT");
        assertThat(found.installerUserId()).isEqualTo("UINSTALLER");
        assertThat(found.scopes()).isEqualTo("commands,chat:write");
        assertThat(found.installedAt()).isNotNull();
        assertThat(found.toString()).doesNotContain(TOKEN);
    }

    @Test
    void the_token_column_holds_ciphertext_not_the_token() {
        repo.save(install(mine, TOKEN));
        byte[] stored =
                jdbi.withHandle(
                        h ->
                                h.createQuery(
                                                "select bot_token_enc from platform_installation where workspace_id = :t")
                                        .bind("t", mine.workspaceId())
                                        .mapTo(byte[].class)
                                        .one());
        assertThat(stored).isNotEmpty();
        assertThat(new String(stored, StandardCharsets.ISO_8859_1))
                .doesNotContain("xoxb")
                .doesNotContain("secret");
        String asText =
                jdbi.withHandle(
                        h ->
                                h.createQuery(
                                                "select encode(bot_token_enc, 'escape') from platform_installation where workspace_id = :t")
                                        .bind("t", mine.workspaceId())
                                        .mapTo(String.class)
                                        .one());
        assertThat(asText).doesNotContain(TOKEN);
    }

    @Test
    void a_reinstall_replaces_the_token() {
        repo.save(install(mine, TOKEN));
        repo.save(install(mine, "xoxb-new-token"));
        assertThat(repo.findByTeam(mine.workspaceId()))
                .map(SlackInstallationRecord::botToken)
                .contains("xoxb-new-token");
    }

    @Test
    void one_agency_cannot_read_or_delete_another_agencys_installation() {
        repo.save(install(theirs, TOKEN));

        assertThat(repo.find(mine.id(), theirs.workspaceId())).isEmpty();
        assertThat(repo.delete(mine.id(), theirs.workspaceId())).isZero();
        assertThat(repo.find(theirs.id(), theirs.workspaceId())).isPresent();
        assertThat(repo.findByTeam(mine.workspaceId())).isEmpty();
    }

    @Test
    void an_agency_cannot_take_over_a_workspace_installed_for_another() {
        repo.save(install(theirs, TOKEN));
        SlackInstallationRecord hijack =
                new SlackInstallationRecord(
                        mine.id(),
                        theirs.workspaceId(),
                        "X",
                        "UEVIL",
                        "xoxb-evil",
                        "commands",
                        "UEVIL",
                        null);

        assertThat(repo.save(hijack)).isFalse();
        assertThat(repo.findByTeam(theirs.workspaceId()))
                .map(SlackInstallationRecord::botToken)
                .contains(TOKEN);
    }

    @Test
    void a_token_copied_into_another_workspaces_row_does_not_decrypt() {
        repo.save(install(mine, TOKEN));
        repo.save(install(theirs, "xoxb-theirs"));
        jdbi.useHandle(
                h ->
                        h.createUpdate(
                                        """
                        update platform_installation set bot_token_enc =
                            (select bot_token_enc from platform_installation where workspace_id = :from)
                        where workspace_id = :to""")
                                .bind("from", theirs.workspaceId())
                                .bind("to", mine.workspaceId())
                                .execute());

        assertThatThrownBy(() -> repo.findByTeam(mine.workspaceId()))
                .isInstanceOf(StorageException.class);
    }

    @Test
    void uninstalling_removes_only_that_workspace() {
        repo.save(install(mine, TOKEN));
        repo.save(install(theirs, TOKEN));
        assertThat(repo.deleteByTeam(mine.workspaceId())).isEqualTo(1);
        assertThat(repo.findByTeam(mine.workspaceId())).isEmpty();
        assertThat(repo.findByTeam(theirs.workspaceId())).isPresent();
    }

    @Test
    void an_oauth_state_is_accepted_once() {
        Instant now = Instant.parse("2030-01-01T00:00:00Z");
        repo.issueState("state-once", now.plus(Duration.ofMinutes(10)), now);

        assertThat(repo.consumeState("state-once", now.plusSeconds(5))).isTrue();
        assertThat(repo.consumeState("state-once", now.plusSeconds(6))).isFalse();
        assertThat(repo.consumeState("never-issued", now)).isFalse();
        assertThat(repo.consumeState(null, now)).isFalse();
    }

    @Test
    void an_expired_oauth_state_is_refused() {
        Instant now = Instant.parse("2030-01-01T00:00:00Z");
        repo.issueState("state-late", now.plus(Duration.ofMinutes(10)), now);
        assertThat(repo.consumeState("state-late", now.plus(Duration.ofMinutes(11)))).isFalse();
    }

    @Test
    void oauth_states_are_stored_hashed() {
        Instant now = Instant.now();
        repo.issueState("plain-state-value", now.plusSeconds(600), now);
        long plain =
                jdbi.withHandle(
                        h ->
                                h.createQuery(
                                                "select count(*) from slack_oauth_state where state_hash = 'plain-state-value'")
                                        .mapTo(Long.class)
                                        .one());
        assertThat(plain).isZero();
    }
}
