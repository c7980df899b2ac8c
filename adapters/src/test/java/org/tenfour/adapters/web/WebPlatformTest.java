package org.tenfour.adapters.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tenfour.adapters.Address;
import org.tenfour.adapters.Button;
import org.tenfour.adapters.ChatPlatformException;
import org.tenfour.adapters.Delivery;
import org.tenfour.adapters.Message;
import org.tenfour.adapters.Platform;

class WebPlatformTest {
    private static final WebSandbox.Workspace W =
            new WebSandbox.Workspace("riverside", "Riverside");
    private static final WebSandbox.Person ALEX =
            new WebSandbox.Person(
                    "UALEX", "riverside", "Alex Kim", "alex", "America/Chicago", false, "member");
    private static final WebSandbox.Person DANA =
            new WebSandbox.Person(
                    "UDANA",
                    "riverside",
                    "Dana Reyes",
                    "dana",
                    "America/Chicago",
                    true,
                    "coordinator");
    private static final WebSandbox.Channel COORD =
            new WebSandbox.Channel("CCOORD", "riverside", "peer-coordinators", List.of("UDANA"));

    private final SandboxPeople directory =
            new SandboxPeople(List.of(W), List.of(ALEX, DANA), List.of(COORD));
    private final List<String> changed = new ArrayList<>();
    private final Inboxes inboxes = new Inboxes(p -> changed.add(p.conversationId()), null);
    private final WebPlatform platform =
            new WebPlatform(
                    directory,
                    inboxes,
                    new Forms(),
                    new Live(),
                    Clock.fixed(Instant.parse("2026-01-05T15:00:00Z"), ZoneOffset.UTC));

    @Test
    void a_sent_message_lands_in_the_persons_inbox_and_can_be_replaced() {
        Message checkIn =
                new Message(
                        "How are you?",
                        List.of(),
                        List.of(Button.of("checkin.ok", "I'm OK", "c1")));
        Delivery d = platform.send(Address.user(Platform.WEB, "riverside", "UALEX"), checkIn);
        assertThat(d.conversationId()).isEqualTo("dm-UALEX");
        assertThat(inboxes.messages("dm-UALEX"))
                .singleElement()
                .satisfies(p -> assertThat(p.message()).isEqualTo(checkIn));

        platform.update(
                Address.user(Platform.WEB, "riverside", "UALEX"),
                d,
                checkIn.resolved("You answered: I'm OK"));
        assertThat(inboxes.messages("dm-UALEX"))
                .singleElement()
                .satisfies(
                        p -> {
                            assertThat(p.edited()).isTrue();
                            assertThat(p.message().buttons()).isEmpty();
                        });
        assertThat(changed).containsExactly("dm-UALEX", "dm-UALEX");
    }

    @Test
    void unknown_people_are_unreachable_and_other_platforms_rejected() {
        assertThatThrownBy(
                        () ->
                                platform.send(
                                        Address.user(Platform.WEB, "riverside", "UNOBODY"),
                                        Message.text("hi")))
                .isInstanceOf(ChatPlatformException.Unreachable.class);
        assertThatThrownBy(
                        () ->
                                platform.send(
                                        Address.user(Platform.WEB, "lakeview", "UALEX"),
                                        Message.text("hi")))
                .as("right id, wrong workspace")
                .isInstanceOf(ChatPlatformException.Unreachable.class);
        assertThatThrownBy(
                        () ->
                                platform.send(
                                        Address.user(Platform.SLACK, "T1", "U1"),
                                        Message.text("hi")))
                .isInstanceOf(ChatPlatformException.Rejected.class);
        assertThatThrownBy(
                        () ->
                                platform.update(
                                        Address.user(Platform.WEB, "riverside", "UALEX"),
                                        new Delivery("dm-UALEX", "gone"),
                                        Message.text("hi")))
                .isInstanceOf(ChatPlatformException.Rejected.class);
    }

    @Test
    void profiles_and_channel_members_come_from_the_seeded_directory() {
        assertThat(platform.profile(Address.user(Platform.WEB, "riverside", "UDANA")))
                .hasValueSatisfying(
                        p -> {
                            assertThat(p.displayName()).isEqualTo("Dana Reyes");
                            assertThat(p.timeZone()).isEqualTo("America/Chicago");
                            assertThat(p.admin()).isTrue();
                        });
        assertThat(platform.groupMembers(Address.channel(Platform.WEB, "riverside", "CCOORD")))
                .containsExactly("UDANA");
        assertThat(
                        platform.send(
                                        Address.channel(Platform.WEB, "riverside", "CCOORD"),
                                        Message.text("Cadence changed"))
                                .conversationId())
                .isEqualTo("ch-CCOORD");
        assertThat(directory.audience("ch-CCOORD")).containsExactly("UDANA");
    }

    @Test
    void typed_at_names_and_channel_names_become_neutral_mentions() {
        assertThat(
                        Mentions.normalise(
                                "roster add @alex @Dana @nobody to #peer-coordinators, #nowhere",
                                "riverside",
                                directory))
                .isEqualTo("roster add <@UALEX> <@UDANA> @nobody to <#CCOORD>, #nowhere");
        assertThat(Mentions.normalise("mail me at a@alex.org", "riverside", directory))
                .as("an @ inside a word is not a mention")
                .isEqualTo("mail me at a@alex.org");
        assertThat(Mentions.normalise("@alex", "lakeview", directory))
                .as("other workspace")
                .isEqualTo("@alex");
    }

    @Test
    void the_directory_refuses_inconsistent_demo_data() {
        assertThatThrownBy(
                        () ->
                                new SandboxPeople(
                                        List.of(W),
                                        List.of(
                                                ALEX,
                                                new WebSandbox.Person(
                                                        "UALEX",
                                                        "riverside",
                                                        "Alex Two",
                                                        "alex2",
                                                        "UTC",
                                                        false,
                                                        "member")),
                                        List.of()))
                .hasMessageContaining("used twice: UALEX");
        assertThatThrownBy(
                        () ->
                                new SandboxPeople(
                                        List.of(W),
                                        List.of(
                                                ALEX,
                                                new WebSandbox.Person(
                                                        "UALEX2",
                                                        "riverside",
                                                        "Alex Two",
                                                        "Alex",
                                                        "UTC",
                                                        false,
                                                        "member")),
                                        List.of()))
                .hasMessageContaining("handle used twice");
        assertThatThrownBy(() -> new SandboxPeople(List.of(W), List.of(ALEX), List.of(COORD)))
                .hasMessageContaining("unknown member: UDANA");
    }
}
