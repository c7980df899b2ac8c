package org.tenfour.bot.home;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.tenfour.adapters.Message;
import org.tenfour.bot.agency.AgencySettings;
import org.tenfour.bot.checkin.Windows;
import org.tenfour.bot.inbound.Caller;
import org.tenfour.bot.inbound.Role;
import org.tenfour.bot.log.ReminderTags;
import org.tenfour.bot.report.ProgramCounts;
import org.tenfour.bot.report.Suppression;
import org.tenfour.storage.CheckIn;
import org.tenfour.storage.CheckInState;
import org.tenfour.storage.CheckIns;
import org.tenfour.storage.FollowUpReminders;
import org.tenfour.storage.Member;
import org.tenfour.storage.PeerWork;
import org.tenfour.storage.ReportQueries;
import org.tenfour.storage.Store;

/**
 * Builds the home view: for a member, how to reach a peer, their check-in settings and what is
 * stored about them; for a peer, their open requests and follow-ups; for a coordinator, program
 * counts. Counts and the person's own items only — never anyone else's name.
 */
public final class HomeView {
    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);
    private final Store store;
    private final Clock clock;

    public HomeView(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** The home of this caller. */
    public Message render(Caller caller) {
        Member m = caller.member();
        ZoneId zone = Windows.zone(caller.agency(), m);
        AgencySettings settings = caller.settings();
        List<String> lines = new ArrayList<>();
        lines.add(
                "*TenFour — your peer support program.* Type `/peer` to talk to a trained peer, any time.");
        String next =
                store.repo(CheckIns.class).forMember(caller.agency().id(), m.id()).stream()
                        .filter(c -> c.state() == CheckInState.SCHEDULED)
                        .map(CheckIn::dueAt)
                        .findFirst()
                        .map(t -> DAY.format(t.atZone(zone)))
                        .orElse("none planned");
        lines.add(
                "*Your check-ins:* "
                        + (m.optedOut() ? "off (`/tenfour optin` to turn them on)" : "on")
                        + (m.windowStart() == null
                                ? ", agency hours"
                                : ", " + m.windowStart() + "-" + m.windowEnd())
                        + "; next: "
                        + next
                        + ". Change them with `/tenfour settings`.");
        lines.add(
                "*What is stored about you:* `/tenfour mydata` shows it all; `/tenfour forgetme` deletes it.");
        if (caller.is(Role.PEER)) {
            PeerWork work = store.repo(PeerWork.class);
            int open = work.openRequests(caller.agency().id(), m.id());
            List<String> followUps =
                    store.withConnection(
                            h ->
                                    h
                                            .attach(FollowUpReminders.class)
                                            .ofPeer(
                                                    caller.agency().id(),
                                                    ReminderTags.peer(
                                                            h, caller.agency().id(), m.id()),
                                                    m.id())
                                            .stream()
                                            .limit(5)
                                            .map(r -> r.dueDate().toString())
                                            .toList());
            int nudges =
                    work.unansweredToFollowUp(
                            caller.agency().id(),
                            m.id(),
                            clock.instant().minus(Duration.ofDays(14)));
            lines.add(
                    "*As a peer:* open requests: "
                            + open
                            + " · follow-ups due: "
                            + (followUps.isEmpty() ? "none" : String.join(", ", followUps))
                            + " · unanswered check-ins to follow up personally: "
                            + nudges
                            + ". Log a contact with `/tenfour log`.");
        }
        if (caller.is(Role.COORDINATOR)) {
            int k = settings.suppressionK();
            int roster = store.repo(ReportQueries.class).rosterSize(caller.agency().id());
            lines.add(
                    "*Program:* cadence "
                            + settings.cadenceText()
                            + " · on the roster "
                            + new Suppression(k).single(roster).text(k)
                            + ". `/tenfour status` and `/tenfour report` in the coordinator channel. "
                            + ProgramCounts.NOT_COUNTED_HERE);
        }
        return new Message(String.join("\n\n", lines), settings.crisisLines(), List.of());
    }
}
