package org.tenfour.bot.connect;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executor;
import org.jdbi.v3.core.Jdbi;
import org.tenfour.bot.agency.Platforms;
import org.tenfour.bot.checkin.CheckInPlanner;
import org.tenfour.bot.checkin.CheckInTalk;
import org.tenfour.bot.inbound.Feature;
import org.tenfour.bot.inbound.Subcommand;

/**
 * The connection-request features, assembled once for {@code Program}:
 *
 * <pre>{@code
 * Connect connect = new Connect(jdbi, clock, platforms, relayExecutor, planner);
 * features.addAll(connect.features());
 * new CheckInAnswers(jdbi, clock, connect.checkInTalk());
 * new RosterCommands(jdbi, clock, planNow, connect.directory());
 * }</pre>
 */
public final class Connect {
    private final AskForPeer ask;
    private final PeerDirectory directory;
    private final List<Feature> features;

    /**
     * @param relaySender where relayed messages are handed to the platforms (off the inbound
     *     thread)
     * @param planner plans the check-in a referral asks for
     */
    public Connect(
            Jdbi jdbi,
            Clock clock,
            Platforms platforms,
            Executor relaySender,
            CheckInPlanner planner) {
        this.ask = new AskForPeer(jdbi, clock);
        this.directory = new PeerDirectory(jdbi, clock);
        this.features =
                List.of(
                        ask,
                        directory,
                        new OfferButtons(jdbi, clock, new Introductions(platforms)),
                        new Relaying(jdbi, clock, platforms, relaySender),
                        new Referrals(jdbi, planner),
                        new Partners(jdbi, clock));
    }

    /** The features to register with {@code Inbound}. */
    public List<Feature> features() {
        return features;
    }

    /** What a check-in's "I'd like to talk" does. */
    public CheckInTalk checkInTalk() {
        return ask;
    }

    /** What {@code /tenfour peers} shows anyone. */
    public Subcommand.Action directory() {
        return directory::list;
    }
}
