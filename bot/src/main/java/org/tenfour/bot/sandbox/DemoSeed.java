package org.tenfour.bot.sandbox;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tenfour.adapters.Actor;
import org.tenfour.adapters.Address;
import org.tenfour.adapters.Field;
import org.tenfour.adapters.Form;
import org.tenfour.adapters.InboundEvent;
import org.tenfour.adapters.InboundHandler;
import org.tenfour.adapters.Platform;
import org.tenfour.adapters.Reply;
import org.tenfour.adapters.web.WebSandbox.Person;
import org.tenfour.bot.TenFourException;
import org.tenfour.bot.onboarding.Onboarding;
import org.tenfour.storage.Agencies;
import org.tenfour.storage.Agency;
import org.tenfour.storage.Member;
import org.tenfour.storage.Members;
import org.tenfour.storage.Partnerships;
import org.tenfour.storage.Peers;
import org.tenfour.storage.Store;

/**
 * Sets the demo agencies up the way a coordinator would: {@code /tenfour setup} in the coordinator
 * channel, then time zone, roster, peers, the on-call rota and co-coordinators, all through the
 * product's own inbound handler (so roles, audit entries and welcome messages are the real ones).
 * An agency that already has its roster and peers is left alone, so restarts add nothing.
 *
 * <p>Then the two agencies become partners the way their coordinators would do it: {@code /tenfour
 * partner invite} in Riverside's coordinator channel, and the code it gives accepted with {@code
 * /tenfour partner accept CODE} in Lakeview's. Lakeview's peer opts in to partner requests through
 * {@code /tenfour profile} — the form it opens is submitted with its own values and the box ticked,
 * as the peer would. Each step is skipped when its result is already there.
 */
public final class DemoSeed {
    private static final Logger log = LoggerFactory.getLogger(DemoSeed.class);
    private static final Pattern INVITE_CODE =
            Pattern.compile("\\*([A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4})\\*");

    /** The profile form's "Take requests from partner agencies" box. */
    private static final String PARTNER_REQUESTS = "partner_requests";

    private DemoSeed() {}

    /**
     * Seeds every demo agency that is not set up yet, then the partnership; returns how many
     * agencies were seeded.
     */
    public static int seed(Store store, InboundHandler inbound) {
        int seeded = 0;
        for (DemoData.Agency a : DemoData.AGENCIES) {
            if (alreadySeeded(store, a)) {
                continue;
            }
            store.repo(Agencies.class)
                    .upsert(Platform.WEB.id(), a.workspace().workspaceId(), a.workspace().name());
            run(inbound, a, "setup");
            run(inbound, a, "timezone " + DemoData.ZONE);
            run(inbound, a, "roster add " + mentions(a.roster()));
            run(inbound, a, "peers add " + mentions(a.peers()));
            for (Person peer : a.peers()) {
                acknowledge(inbound, peer);
            }
            run(inbound, a, "oncall add " + mentions(a.peers()));
            if (!a.moreCoordinators().isEmpty()) {
                run(inbound, a, "coordinators add " + mentions(a.moreCoordinators()));
            }
            for (String resource : a.resources()) {
                run(inbound, a, resource);
            }
            if (!alreadySeeded(store, a)) {
                throw new TenFourException(
                        "sandbox demo agency " + a.workspace().workspaceId() + " did not set up");
            }
            log.info("sandbox demo agency {} seeded", a.workspace().workspaceId());
            seeded++;
        }
        partner(store, inbound, DemoData.AGENCIES.get(0), DemoData.AGENCIES.get(1));
        takePartnerRequests(store, inbound, DemoData.AGENCIES.get(1), DemoData.TAYLOR);
        return seeded;
    }

    /**
     * {@code inviting}'s coordinator invites, {@code accepting}'s accepts the code — unless they
     * are partners already.
     */
    private static void partner(
            Store store,
            InboundHandler inbound,
            DemoData.Agency inviting,
            DemoData.Agency accepting) {
        Agency a = agency(store, inviting);
        Agency b = agency(store, accepting);
        if (store.repo(Partnerships.class).partnerIds(a.id()).contains(b.id())) {
            return;
        }
        Reply invite =
                handle(
                        inbound,
                        inviting.coordinator(),
                        coordinatorChannel(inviting),
                        "partner invite");
        Matcher code =
                INVITE_CODE.matcher(invite instanceof Reply.Private p ? p.message().text() : "");
        if (!code.find()) {
            throw new TenFourException(
                    "sandbox seeding: no partner code in the reply to 'partner invite': " + invite);
        }
        Reply accepted =
                handle(
                        inbound,
                        accepting.coordinator(),
                        coordinatorChannel(accepting),
                        "partner accept " + code.group(1));
        if (!store.repo(Partnerships.class).partnerIds(a.id()).contains(b.id())) {
            throw new TenFourException(
                    "sandbox seeding: 'partner accept' did not make partners: " + accepted);
        }
        log.info(
                "sandbox demo agencies {} and {} are partners",
                inviting.workspace().workspaceId(),
                accepting.workspace().workspaceId());
    }

    /**
     * The peer opens {@code /tenfour profile} and saves it with "Take requests from partner
     * agencies" ticked.
     */
    private static void takePartnerRequests(
            Store store, InboundHandler inbound, DemoData.Agency agency, Person peer) {
        Agency a = agency(store, agency);
        Member member =
                store.repo(Members.class)
                        .findByPlatformUser(a.id(), peer.userId())
                        .orElseThrow(
                                () ->
                                        new TenFourException(
                                                "sandbox seeding: "
                                                        + peer.userId()
                                                        + " is not a member of "
                                                        + a.name()));
        if (store.repo(Peers.class).takingPartnerRequests(a.id()).stream()
                .anyMatch(p -> p.memberId().equals(member.id()))) {
            return;
        }
        Address dm = Address.user(Platform.WEB, peer.workspaceId(), peer.userId());
        Reply opened = handle(inbound, peer, dm, "profile");
        if (!(opened instanceof Reply.ShowForm show)) {
            throw new TenFourException(
                    "sandbox seeding: '/tenfour profile' opened no form: " + opened);
        }
        Form form = show.form();
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (Field f : form.fields()) {
            if (!f.initial().isEmpty()) {
                values.put(f.id(), f.initial());
            }
        }
        values.put(PARTNER_REQUESTS, List.of("true"));
        values.putIfAbsent("languages", List.of("en"));
        values.putIfAbsent(
                "bio",
                List.of(
                        "Patrol sergeant, 14 years on the job. Happy to talk shift work, "
                                + "critical incidents, or anything else."));
        Reply saved =
                inbound.handle(
                        new InboundEvent.FormSubmitted(
                                actor(peer), form.formId(), values, form.context()));
        if (!(saved instanceof Reply.FormAccepted)) {
            throw new TenFourException(
                    "sandbox seeding: the profile form was not accepted: " + saved);
        }
        log.info("sandbox demo peer {} takes partner requests", peer.userId());
    }

    /** The demo peers have read the program's policy: they press its button, as a peer would. */
    private static void acknowledge(InboundHandler inbound, Person peer) {
        Address dm = Address.user(Platform.WEB, peer.workspaceId(), peer.userId());
        Reply r =
                inbound.handle(
                        new InboundEvent.ButtonPressed(
                                actor(peer), Onboarding.ACKNOWLEDGE, "", dm, null, null));
        if (!(r instanceof Reply.Private p) || !p.message().text().startsWith("Thank you")) {
            throw new TenFourException(
                    "sandbox seeding: "
                            + peer.userId()
                            + " could not acknowledge the policy: "
                            + r);
        }
    }

    private static Agency agency(Store store, DemoData.Agency a) {
        return store.repo(Agencies.class)
                .findByWorkspace(Platform.WEB.id(), a.workspace().workspaceId())
                .orElseThrow();
    }

    private static Address coordinatorChannel(DemoData.Agency a) {
        return Address.channel(
                Platform.WEB, a.workspace().workspaceId(), a.coordinatorChannel().channelId());
    }

    private static Actor actor(Person p) {
        return new Actor(Address.user(Platform.WEB, p.workspaceId(), p.userId()), p.admin());
    }

    private static Reply handle(InboundHandler inbound, Person who, Address where, String text) {
        return inbound.handle(new InboundEvent.Command(actor(who), "tenfour", text, where, null));
    }

    private static boolean alreadySeeded(Store store, DemoData.Agency a) {
        return store.repo(Agencies.class)
                .findByWorkspace(Platform.WEB.id(), a.workspace().workspaceId())
                .filter(agency -> agency.coordinatorChannelId() != null)
                .filter(agency -> !store.repo(Members.class).roster(agency.id()).isEmpty())
                .filter(agency -> !store.repo(Peers.class).active(agency.id()).isEmpty())
                .isPresent();
    }

    private static void run(InboundHandler inbound, DemoData.Agency a, String text) {
        Reply reply = handle(inbound, a.coordinator(), coordinatorChannel(a), text);
        if (reply instanceof Reply.Private p && p.message().text().startsWith("Sorry")) {
            throw new TenFourException(
                    "sandbox seeding of "
                            + a.workspace().workspaceId()
                            + " failed at '"
                            + text.split(" ")[0]
                            + "': "
                            + p.message().text());
        }
    }

    private static String mentions(List<Person> people) {
        return people.stream().map(p -> "<@" + p.userId() + ">").collect(Collectors.joining(" "));
    }
}
