package org.tenfour.bot.sandbox;

import java.util.List;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tenfour.adapters.Actor;
import org.tenfour.adapters.Address;
import org.tenfour.adapters.InboundEvent;
import org.tenfour.adapters.InboundHandler;
import org.tenfour.adapters.Platform;
import org.tenfour.adapters.Reply;
import org.tenfour.adapters.web.WebSandbox.Person;
import org.tenfour.bot.TenFourException;
import org.tenfour.storage.Agencies;
import org.tenfour.storage.Members;
import org.tenfour.storage.Peers;

/**
 * Sets the demo agencies up the way a coordinator would: {@code /tenfour setup} in the coordinator
 * channel, then time zone, roster, peers and co-coordinators, all through the product's own inbound
 * handler (so roles, audit entries and welcome messages are the real ones). An agency that already
 * has its roster and peers is left alone, so restarts add nothing.
 */
public final class DemoSeed {
    private static final Logger log = LoggerFactory.getLogger(DemoSeed.class);

    private DemoSeed() {
    }

    /** Seeds every demo agency that is not set up yet; returns how many were seeded. */
    public static int seed(Jdbi jdbi, InboundHandler inbound) {
        int seeded = 0;
        for (DemoData.Agency a : DemoData.AGENCIES) {
            if (alreadySeeded(jdbi, a)) {
                continue;
            }
            jdbi.onDemand(Agencies.class).upsert(Platform.WEB.id(), a.workspace().workspaceId(), a.workspace().name());
            run(inbound, a, "setup");
            run(inbound, a, "timezone " + DemoData.ZONE);
            run(inbound, a, "roster add " + mentions(a.roster()));
            run(inbound, a, "peers add " + mentions(a.peers()));
            if (!a.moreCoordinators().isEmpty()) {
                run(inbound, a, "coordinators add " + mentions(a.moreCoordinators()));
            }
            if (!alreadySeeded(jdbi, a)) {
                throw new TenFourException("sandbox demo agency " + a.workspace().workspaceId() + " did not set up");
            }
            log.info("sandbox demo agency {} seeded", a.workspace().workspaceId());
            seeded++;
        }
        return seeded;
    }

    private static boolean alreadySeeded(Jdbi jdbi, DemoData.Agency a) {
        return jdbi.onDemand(Agencies.class).findByWorkspace(Platform.WEB.id(), a.workspace().workspaceId())
                .filter(agency -> agency.coordinatorChannelId() != null)
                .filter(agency -> !jdbi.onDemand(Members.class).roster(agency.id()).isEmpty())
                .filter(agency -> !jdbi.onDemand(Peers.class).active(agency.id()).isEmpty())
                .isPresent();
    }

    private static void run(InboundHandler inbound, DemoData.Agency a, String text) {
        Person c = a.coordinator();
        Actor actor = new Actor(Address.user(Platform.WEB, c.workspaceId(), c.userId()), c.admin());
        Address channel = Address.channel(Platform.WEB, c.workspaceId(), a.coordinatorChannel().channelId());
        Reply reply = inbound.handle(new InboundEvent.Command(actor, "tenfour", text, channel, null));
        if (reply instanceof Reply.Private p && p.message().text().startsWith("Sorry")) {
            throw new TenFourException("sandbox seeding of " + a.workspace().workspaceId() + " failed at '"
                    + text.split(" ")[0] + "': " + p.message().text());
        }
    }

    private static String mentions(List<Person> people) {
        return people.stream().map(p -> "<@" + p.userId() + ">").collect(Collectors.joining(" "));
    }
}
