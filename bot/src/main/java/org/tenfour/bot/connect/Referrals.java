package org.tenfour.bot.connect;

import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tenfour.adapters.Reply;
import org.tenfour.bot.checkin.CheckInPlanner;
import org.tenfour.bot.inbound.Args;
import org.tenfour.bot.inbound.Caller;
import org.tenfour.bot.inbound.Feature;
import org.tenfour.bot.inbound.Role;
import org.tenfour.bot.inbound.Subcommand;
import org.tenfour.bot.inbound.UsageException;
import org.tenfour.storage.Member;
import org.tenfour.storage.Members;
import org.tenfour.storage.Store;

/**
 * {@code /tenfour refer @member}: a coordinator, or the member's supervisor as tagged on the roster
 * ({@code roster tag @member supervisor:@you}), asks the peer team to check on someone. The member
 * gets an ordinary check-in; nobody stores or is told who asked, and the referrer hears the same
 * answer whatever the member's settings, so the reply reveals nothing either.
 */
final class Referrals implements Feature {
    private static final Logger log = LoggerFactory.getLogger(Referrals.class);

    private final Store store;
    private final CheckInPlanner planner;

    Referrals(Store store, CheckInPlanner planner) {
        this.store = store;
        this.planner = planner;
    }

    @Override
    public Map<Subcommand, Subcommand.Action> subcommands() {
        return Map.ofEntries(Map.entry(Subcommand.REFER, this::refer));
    }

    private Reply refer(Caller caller, Args args, String trigger) {
        List<String> users = args.userMentions();
        if (users.size() != 1) {
            throw UsageException.said("refer.whom");
        }
        if (users.get(0).equals(caller.member().platformUserId())) {
            return Reply.text(caller.words().get("refer.yourself"));
        }
        Member member =
                store.repo(Members.class).upsert(caller.agency().id(), users.get(0), null, null);
        if (!caller.is(Role.COORDINATOR) && !supervises(caller.member(), member)) {
            return Reply.text(caller.words().get("refer.notAllowed"));
        }
        boolean scheduled = planner.refer(caller.agency(), member);
        log.info(
                "connect: referral in agency {} {}",
                caller.agency().id(),
                scheduled ? "scheduled" : "not scheduled");
        return Reply.text(caller.words().get("refer.thanks"));
    }

    private static boolean supervises(Member supervisor, Member member) {
        return member.tags().getOrDefault("supervisor", "").equals(supervisor.platformUserId());
    }
}
