package org.tenfour.bot.connect;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.tenfour.adapters.Actor;
import org.tenfour.adapters.Address;
import org.tenfour.adapters.Delivery;
import org.tenfour.adapters.InboundEvent;
import org.tenfour.adapters.Platform;
import org.tenfour.adapters.Reply;
import org.tenfour.adapters.testing.MutableClock;
import org.tenfour.bot.Program;
import org.tenfour.bot.agency.Platforms;
import org.tenfour.bot.inbound.Inbound;
import org.tenfour.bot.limits.CommandRate;
import org.tenfour.bot.log.RetentionPolicy;
import org.tenfour.bot.outbox.Concurrency;
import org.tenfour.bot.outbox.OutboxSender;
import org.tenfour.bot.testing.PayloadChecks;
import org.tenfour.bot.testing.TestProgram;
import org.tenfour.storage.Agencies;
import org.tenfour.storage.Agency;
import org.tenfour.storage.ConnectionRequest;
import org.tenfour.storage.ConnectionRequests;
import org.tenfour.storage.Member;
import org.tenfour.storage.Members;
import org.tenfour.storage.Peers;
import org.tenfour.storage.Store;

/**
 * The product wired by its own {@link Program} — real Inbound, features, outbox and sender on a
 * real PostgreSQL — with a recording Slack and Teams at the port, a hand-moved clock, and relayed
 * messages sent on the calling thread.
 */
final class World {
    static final Instant START = Instant.parse("2026-06-01T14:00:00Z");

    final Jdbi jdbi;
    final MutableClock clock = new MutableClock(START);
    final GroupDmPlatform slack = new GroupDmPlatform(Platform.SLACK, true);
    final GroupDmPlatform teams = new GroupDmPlatform(Platform.TEAMS, false);
    final Inbound inbound;
    final OutboxSender sender;
    final ConnectJobs jobs;

    World(Jdbi jdbi) {
        this.jdbi = jdbi;
        Platforms platforms = new Platforms(Map.of(Platform.SLACK, slack, Platform.TEAMS, teams));
        Program program =
                new Program(
                        Store.of(jdbi),
                        new Program.Options(
                                clock,
                                platforms,
                                TestProgram.KEYS,
                                RetentionPolicy.fixed(RetentionPolicy.DEFAULT),
                                3,
                                Runnable::run,
                                () -> false,
                                "test-" + UUID.randomUUID(),
                                false,
                                CommandRate.off(),
                                Concurrency.ONE_AT_A_TIME),
                        a -> {});
        this.inbound = program.inbound();
        this.sender = program.sender();
        this.jobs = program.connections();
    }

    /** A new agency on a platform, named, with a coordinator channel. */
    Agency agency(Platform platform, String name) {
        String workspace =
                (platform == Platform.SLACK ? "T" : "tenant-")
                        + UUID.randomUUID().toString().substring(0, 8);
        Agency a = jdbi.onDemand(Agencies.class).upsert(platform.id(), workspace, name);
        jdbi.onDemand(Agencies.class).setCoordinatorChannel(a.id(), "CCOORD" + name.length());
        return jdbi.onDemand(Agencies.class).find(a.id()).orElseThrow();
    }

    Member member(Agency agency, String name) {
        String user =
                "U"
                        + name.toUpperCase(Locale.ROOT).replace(" ", "")
                        + UUID.randomUUID().toString().substring(0, 4);
        return jdbi.onDemand(Members.class).upsert(agency.id(), user, name, "America/Chicago");
    }

    Member peer(Agency agency, String name, boolean partnerRequests) {
        Member m = member(agency, name);
        jdbi.onDemand(Peers.class).add(agency.id(), m.id());
        jdbi.onDemand(Peers.class)
                .setProfile(agency.id(), m.id(), null, List.of("en"), partnerRequests, 5);
        return m;
    }

    Member coordinator(Agency agency, String name) {
        Member m = member(agency, name);
        jdbi.onDemand(Members.class).setCoordinator(agency.id(), m.id(), true);
        return m;
    }

    static Actor actor(Agency agency, Member m) {
        return new Actor(
                Address.user(
                        Platform.fromId(agency.platform()),
                        agency.workspaceId(),
                        m.platformUserId()),
                false);
    }

    static Address dm(Agency agency, Member m) {
        return Address.channel(
                Platform.fromId(agency.platform()),
                agency.workspaceId(),
                "D-" + m.platformUserId());
    }

    Reply command(Agency agency, Member m, String name, String text) {
        return PayloadChecks.checked(
                inbound.handle(
                        new InboundEvent.Command(
                                actor(agency, m), name, text, dm(agency, m), "trigger")));
    }

    Reply inCoordinatorChannel(Agency agency, Member m, String text) {
        return PayloadChecks.checked(
                inbound.handle(
                        new InboundEvent.Command(
                                actor(agency, m),
                                "tenfour",
                                text,
                                Address.channel(
                                        Platform.fromId(agency.platform()),
                                        agency.workspaceId(),
                                        agency.coordinatorChannelId()),
                                "trigger")));
    }

    Reply ask(Agency agency, Member m, Map<String, List<String>> values) {
        return PayloadChecks.checked(
                inbound.handle(
                        new InboundEvent.FormSubmitted(
                                actor(agency, m), AskForPeer.FORM, values, "")));
    }

    Reply press(Agency agency, Member m, String actionId, UUID requestId, Delivery message) {
        return PayloadChecks.checked(
                inbound.handle(
                        new InboundEvent.ButtonPressed(
                                actor(agency, m),
                                actionId,
                                requestId.toString(),
                                message == null ? null : dm(agency, m),
                                message,
                                null)));
    }

    Reply write(Agency agency, Member m, String text) {
        return PayloadChecks.checked(
                inbound.handle(
                        new InboundEvent.DirectMessage(actor(agency, m), text, dm(agency, m))));
    }

    /** Delivers everything due now. */
    void deliver() {
        while (sender.runOnce() > 0) {
            // until the outbox has nothing due
        }
    }

    ConnectionRequest request(Agency agency, UUID id) {
        return jdbi.onDemand(ConnectionRequests.class).find(agency.id(), id).orElseThrow();
    }

    ConnectionRequest only(Agency agency) {
        return jdbi
                .withHandle(
                        h ->
                                h.createQuery(
                                                "select id from connection_request where agency_id = :a")
                                        .bind("a", agency.id())
                                        .mapTo(UUID.class)
                                        .list())
                .stream()
                .map(id -> request(agency, id))
                .reduce(
                        (a, b) -> {
                            throw new AssertionError("more than one request");
                        })
                .orElseThrow();
    }

    /** The last message with buttons that reached a user (an offer or a page). */
    GroupDmPlatform.Sent lastOffer(GroupDmPlatform platform, Member m) {
        List<GroupDmPlatform.Sent> withButtons =
                platform.to(m.platformUserId()).stream()
                        .filter(s -> !s.message().buttons().isEmpty())
                        .toList();
        if (withButtons.isEmpty()) {
            throw new AssertionError("no offer reached " + m.displayName());
        }
        return withButtons.get(withButtons.size() - 1);
    }

    static Map<String, List<String>> form(String... pairs) {
        Map<String, List<String>> values = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            values.put(pairs[i], List.of(pairs[i + 1]));
        }
        return values;
    }
}
