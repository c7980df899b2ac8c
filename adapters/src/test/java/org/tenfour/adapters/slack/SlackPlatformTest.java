package org.tenfour.adapters.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executors;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tenfour.adapters.Address;
import org.tenfour.adapters.Button;
import org.tenfour.adapters.ChatPlatform;
import org.tenfour.adapters.ChatPlatformException;
import org.tenfour.adapters.Delivery;
import org.tenfour.adapters.FileUpload;
import org.tenfour.adapters.Message;
import org.tenfour.adapters.Platform;
import org.tenfour.adapters.Reply;
import org.tenfour.adapters.UserProfile;
import org.tenfour.adapters.testing.TestVocabulary;

/** The outbound platform against the fake Web API: calls made, answers read, failures mapped. */
class SlackPlatformTest {
    private static final Address PAT = Address.user(Platform.SLACK, FakeSlackApi.TEAM, "U0PAT");

    private FakeSlackApi slack;
    private SlackAdapter adapter;
    private ChatPlatform platform;

    @BeforeEach
    void start() {
        slack = new FakeSlackApi();
        adapter =
                new SlackAdapter(
                        SlackSettings.singleWorkspace(SlackRequests.SECRET, "xoxb-single-token")
                                .withApiUrl(slack.apiUrl()),
                        e -> Reply.none(),
                        new InMemoryInstallations(),
                        id -> true,
                        Executors.newSingleThreadExecutor(),
                        Clock.systemUTC());
        platform = adapter.platform();
    }

    @AfterEach
    void stop() {
        adapter.close();
        slack.close();
    }

    @Test
    void a_file_for_a_person_opens_their_dm_uploads_the_bytes_and_completes_into_that_channel() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3};
        Delivery d =
                platform.upload(
                        PAT, FileUpload.of("chart.png", "image/png", png, "Monthly report"));

        assertThat(slack.calls("conversations.open").get(0).params())
                .containsEntry("users", "U0PAT");
        assertThat(slack.calls("files.getUploadURLExternal").get(0).params())
                .containsEntry("filename", "chart.png")
                .containsEntry("length", "7");
        assertThat(slack.uploads().get("F0FILE1")).isEqualTo(png);
        FakeSlackApi.Call complete = slack.calls("files.completeUploadExternal").get(0);
        assertThat(complete.params()).containsEntry("channel_id", "DU0PAT");
        assertThat(complete.params().get("files")).contains("F0FILE1").contains("Monthly report");
        assertThat(d).isEqualTo(new Delivery("DU0PAT", "F0FILE1"));
    }

    @Test
    void a_file_upload_that_slack_rate_limits_reports_the_wait() {
        slack.rateLimit("files.getUploadURLExternal", 7);
        Assertions.assertThatThrownBy(
                        () ->
                                platform.upload(
                                        Address.channel(
                                                Platform.SLACK, FakeSlackApi.TEAM, "C0COORD"),
                                        FileUpload.of(
                                                "r.csv", "text/csv", new byte[] {1}, "Report")))
                .isInstanceOfSatisfying(
                        ChatPlatformException.RateLimited.class,
                        e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(7)));
        assertThat(slack.uploads()).isEmpty();
    }

    @Test
    void a_message_to_a_user_is_posted_to_the_user_id_and_answers_the_dm_channel_and_ts() {
        Message message =
                new Message(
                        "How are you doing?",
                        List.of("Crisis line: 988"),
                        List.of(
                                new Button(
                                        "checkin.answer",
                                        "I'm fine",
                                        "c42:ok",
                                        Button.Style.PRIMARY)));

        Delivery delivery = platform.send(PAT, message);

        assertThat(delivery).isEqualTo(new Delivery("D0DM", "1700000000.000100"));
        FakeSlackApi.Call call = slack.calls("chat.postMessage").get(0);
        assertThat(call.params())
                .containsEntry("channel", "U0PAT")
                .containsEntry("text", "How are you doing?");
        assertThat(call.params().get("blocks"))
                .contains("checkin.answer")
                .contains("c42:ok")
                .contains("988");
        assertThat(call.token()).isEqualTo("xoxb-single-token");
    }

    @Test
    void update_replaces_the_message_by_channel_and_ts() {
        platform.update(
                PAT,
                new Delivery("D0DM", "1700000000.000100"),
                Message.text("Thanks").resolved("You chose: fine"));

        assertThat(slack.calls("chat.update"))
                .singleElement()
                .satisfies(
                        c -> {
                            assertThat(c.params())
                                    .containsEntry("channel", "D0DM")
                                    .containsEntry("ts", "1700000000.000100");
                            assertThat(c.params().get("blocks"))
                                    .contains("You chose: fine")
                                    .doesNotContain("actions");
                        });
    }

    @Test
    void a_429_becomes_rate_limited_with_the_retry_after_duration() {
        slack.rateLimit("chat.postMessage", 17);

        assertThatThrownBy(() -> platform.send(PAT, Message.text("hi")))
                .isInstanceOfSatisfying(
                        ChatPlatformException.RateLimited.class,
                        e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(17)));
        assertThat(slack.calls("chat.postMessage")).as("no retry inside the adapter").hasSize(1);
    }

    @Test
    void a_500_becomes_transient() {
        slack.serverError("chat.postMessage");

        assertThatThrownBy(() -> platform.send(PAT, Message.text("hi")))
                .isInstanceOf(ChatPlatformException.Transient.class);
        assertThat(slack.calls("chat.postMessage")).hasSize(1);
    }

    @Test
    void an_unreachable_target_becomes_unreachable() {
        for (String error :
                List.of(
                        "user_not_found",
                        "channel_not_found",
                        "account_inactive",
                        "is_archived",
                        "not_in_channel",
                        "cannot_dm_bot")) {
            slack.error("chat.postMessage", error);
            assertThatThrownBy(() -> platform.send(PAT, Message.text("hi")))
                    .as(error)
                    .isInstanceOf(ChatPlatformException.Unreachable.class)
                    .hasMessageContaining(error);
        }
    }

    @Test
    void any_other_refusal_becomes_rejected() {
        slack.error("chat.postMessage", "invalid_blocks");

        assertThatThrownBy(() -> platform.send(PAT, Message.text("hi")))
                .isInstanceOf(ChatPlatformException.Rejected.class)
                .hasMessageContaining("invalid_blocks");
    }

    @Test
    void an_unreachable_api_becomes_transient() {
        slack.close();

        assertThatThrownBy(() -> platform.send(PAT, Message.text("hi")))
                .isInstanceOf(ChatPlatformException.Transient.class);
    }

    @Test
    void a_profile_reads_display_name_time_zone_admin_flag_and_locale() {
        assertThat(platform.profile(PAT))
                .contains(new UserProfile("Pat", "America/Chicago", true, "en-US"));
        assertThat(slack.calls("users.info").get(0).params())
                .containsEntry("user", "U0PAT")
                .containsKey("include_locale");
        slack.locale("U0PAT", "es-LA");
        assertThat(platform.profile(PAT)).map(UserProfile::locale).contains("es-LA");
    }

    @Test
    void channel_members_are_read_across_pages_and_user_groups_through_their_own_method() {
        assertThat(
                        platform.groupMembers(
                                Address.channel(Platform.SLACK, FakeSlackApi.TEAM, "C0ROSTER")))
                .containsExactly("U1", "U2", "U3");
        assertThat(slack.calls("conversations.members")).hasSize(2);
        assertThat(
                        platform.groupMembers(
                                Address.channel(Platform.SLACK, FakeSlackApi.TEAM, "S0MEDICS")))
                .containsExactly("U7", "U8");
        assertThat(slack.calls("usergroups.users.list").get(0).params())
                .containsEntry("usergroup", "S0MEDICS");
    }

    @Test
    void a_group_conversation_is_opened_with_all_the_users() {
        Address sam = Address.user(Platform.SLACK, FakeSlackApi.TEAM, "U0SAM");

        assertThat(platform.openGroupConversation(List.of(PAT, sam)))
                .contains(Address.channel(Platform.SLACK, FakeSlackApi.TEAM, "G0MPIM"));
        assertThat(slack.calls("conversations.open").get(0).params())
                .containsEntry("users", "U0PAT,U0SAM");
    }

    @Test
    void a_form_is_opened_with_the_trigger_id() {
        platform.openForm(PAT, "trigger-1", SlackEventsEndToEndTest.logForm());

        assertThat(slack.calls("views.open").get(0).params())
                .containsEntry("trigger_id", "trigger-1");
    }

    @Test
    void every_method_the_platform_calls_has_its_scope_in_the_manifest() {
        platform.send(PAT, Message.text("hi"));
        platform.update(PAT, new Delivery("D0DM", "1.2"), Message.text("hi"));
        platform.openForm(PAT, "t", SlackEventsEndToEndTest.logForm());
        platform.profile(PAT);
        platform.groupMembers(Address.channel(Platform.SLACK, FakeSlackApi.TEAM, "C1"));
        platform.groupMembers(Address.channel(Platform.SLACK, FakeSlackApi.TEAM, "S1"));
        platform.openGroupConversation(List.of(PAT));
        platform.workspaceName(FakeSlackApi.TEAM);

        assertThat(slack.calls())
                .extracting(FakeSlackApi.Call::method)
                .hasSizeGreaterThanOrEqualTo(7)
                .allSatisfy(m -> assertThat(SlackScopes.METHODS).containsKey(m));
        String manifest = SlackManifest.json("https://bot.example.org", TestVocabulary.WORDS);
        slack.calls().stream()
                .map(c -> SlackScopes.METHODS.get(c.method()))
                .filter(s -> !s.isEmpty())
                .flatMap(s -> Arrays.stream(s.split(" ")))
                .forEach(scope -> assertThat(manifest).contains("\"" + scope + "\""));
    }

    @Test
    void the_workspace_name_comes_from_team_info_or_for_an_older_install_from_auth_test() {
        slack.answerWith(
                "team.info",
                c ->
                        "{\"ok\":true,\"team\":{\"id\":\""
                                + FakeSlackApi.TEAM
                                + "\",\"name\":\"Riverside Fire\"}}");
        assertThat(platform.workspaceName(FakeSlackApi.TEAM)).contains("Riverside Fire");
        assertThat(slack.calls("team.info").get(0).token()).isEqualTo("xoxb-single-token");

        slack.answerWith("team.info", c -> "{\"ok\":false,\"error\":\"missing_scope\"}");
        assertThat(platform.workspaceName(FakeSlackApi.TEAM))
                .as("auth.test's team, which needs no scope")
                .contains("Fire District 7");
    }
}
