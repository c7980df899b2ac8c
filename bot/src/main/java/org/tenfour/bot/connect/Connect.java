package org.tenfour.bot.connect;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executor;
import org.tenfour.bot.agency.Platforms;
import org.tenfour.bot.checkin.CheckInPlanner;
import org.tenfour.bot.checkin.CheckInTalk;
import org.tenfour.bot.inbound.Feature;
import org.tenfour.bot.inbound.Subcommand;
import org.tenfour.storage.Store;

/**
 * The connection-request features, assembled once for {@code Program}:
 *
 * <pre>{@code
 * Connect connect = new Connect(store, clock, platforms, relayExecutor, planner);
 * features.addAll(connect.features());
 * new CheckInAnswers(store, clock, connect.checkInTalk());
 * new RosterCommands(store, clock, planNow, connect.directory());
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
            Store store,
            Clock clock,
            Platforms platforms,
            Executor relaySender,
            CheckInPlanner planner) {
        this.ask = new AskForPeer(store, clock);
        this.directory = new PeerDirectory(store, clock);
        this.features =
                List.of(
                        ask,
                        directory,
                        new OfferButtons(store, clock, new Introductions(platforms)),
                        new Relaying(store, clock, platforms, relaySender),
                        new Referrals(store, planner),
                        new Partners(store, clock));
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
