package org.tenfour.bot;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.tenfour.bot.agency.Platforms;
import org.tenfour.bot.checkin.AgencyNaming;
import org.tenfour.bot.checkin.CheckInAnswers;
import org.tenfour.bot.checkin.CheckInJobs;
import org.tenfour.bot.checkin.CheckInPlanner;
import org.tenfour.bot.checkin.CheckInStyleCommand;
import org.tenfour.bot.checkin.HolidayCommands;
import org.tenfour.bot.checkin.IncidentCommands;
import org.tenfour.bot.checkin.MemberCommands;
import org.tenfour.bot.checkin.ProgramCommands;
import org.tenfour.bot.checkin.RosterCommands;
import org.tenfour.bot.connect.Connect;
import org.tenfour.bot.connect.ConnectJobs;
import org.tenfour.bot.home.Home;
import org.tenfour.bot.inbound.Feature;
import org.tenfour.bot.inbound.Inbound;
import org.tenfour.bot.install.InstallGrants;
import org.tenfour.bot.limits.CommandRate;
import org.tenfour.bot.log.LogCommands;
import org.tenfour.bot.log.LogJobs;
import org.tenfour.bot.log.PseudonymKeys;
import org.tenfour.bot.log.RetentionPolicy;
import org.tenfour.bot.onboarding.Onboarding;
import org.tenfour.bot.onboarding.PeerTraining;
import org.tenfour.bot.oncall.IncidentCallOut;
import org.tenfour.bot.oncall.IncidentLogs;
import org.tenfour.bot.oncall.OnCallCommands;
import org.tenfour.bot.oncall.OnCallJobs;
import org.tenfour.bot.outbox.Concurrency;
import org.tenfour.bot.outbox.OutboxSender;
import org.tenfour.bot.privacy.MemberData;
import org.tenfour.bot.privacy.PrivacyRetention;
import org.tenfour.bot.report.ReportCommands;
import org.tenfour.bot.resources.ResourceCommands;
import org.tenfour.bot.schedule.Scheduling;
import org.tenfour.bot.survey.SurveyCommands;
import org.tenfour.storage.Agency;
import org.tenfour.storage.Store;

/**
 * The product's features and the services they share, wired in this one place: {@link Application}
 * runs it behind the platforms, the scheduler and the HTTP server; tests drive the same wiring with
 * neutral events.
 *
 * <pre>{@code
 * Program program = new Program(store, options, planNow);
 * program.inbound().handle(event);   // what every adapter calls
 * program.sender().runOnce();        // delivers the outbox
 * }</pre>
 */
public final class Program {

    /**
     * What differs between a production process and a test.
     *
     * @param clock the time every service reads
     * @param platforms the chat platforms messages go to
     * @param keys the per-agency pseudonym keys
     * @param retention how long coded logs are kept
     * @param wellnessThreshold contacts in a week after which a peer is offered a debrief
     * @param relaySender where relayed messages are handed to the platforms (off the inbound
     *     thread)
     * @param directoryWatched whether the database's directory notifications are heard (the router
     *     then remembers who is who)
     * @param worker this process's name on the outbox leases
     * @param paced whether deliveries to one conversation are spaced by the platform's rate
     * @param commandRate how many commands a person may send a minute
     * @param sending how many platform calls the outbox sender may have in flight
     */
    public record Options(
            Clock clock,
            Platforms platforms,
            PseudonymKeys keys,
            RetentionPolicy retention,
            int wellnessThreshold,
            Executor relaySender,
            BooleanSupplier directoryWatched,
            String worker,
            boolean paced,
            CommandRate commandRate,
            Concurrency sending) {
        public Options {
            Objects.requireNonNull(clock, "null clock");
            Objects.requireNonNull(platforms, "null platforms");
            Objects.requireNonNull(keys, "null keys");
            Objects.requireNonNull(retention, "null retention");
            Objects.requireNonNull(relaySender, "null relaySender");
            Objects.requireNonNull(directoryWatched, "null directoryWatched");
            Objects.requireNonNull(worker, "null worker");
            Objects.requireNonNull(commandRate, "null commandRate");
            Objects.requireNonNull(sending, "null sending");
            if (wellnessThreshold < 1) {
                throw new IllegalArgumentException(
                        "wellnessThreshold must be positive: " + wellnessThreshold);
            }
        }
    }

    private final CheckInPlanner planner;
    private final CheckInJobs checkIns;
    private final LogJobs logs;
    private final ConnectJobs connections;
    private final PrivacyRetention privacy;
    private final OnCallJobs onCall;
    private final IncidentCallOut callOuts;
    private final SurveyCommands surveys;
    private final PeerTraining training;
    private final Inbound inbound;
    private final OutboxSender sender;

    /**
     * @param planNow asks for a planning pass soon (after a change of cadence or roster)
     */
    public Program(Store store, Options options, Consumer<Agency> planNow) {
        Clock clock = options.clock();
        Platforms platforms = options.platforms();
        this.planner = new CheckInPlanner(store, clock);
        this.checkIns = new CheckInJobs(store, clock, platforms, planner);
        this.logs = new LogJobs(store, clock, options.keys(), options.retention());
        this.connections = new ConnectJobs(store, clock);
        this.privacy = new PrivacyRetention(store, clock);
        this.onCall = new OnCallJobs(store, clock);
        this.callOuts = new IncidentCallOut(store, clock);
        this.surveys = new SurveyCommands(store, clock);
        this.training = new PeerTraining(store, clock);
        Connect connect = new Connect(store, clock, platforms, options.relaySender(), planner);
        List<Feature> features =
                new ArrayList<>(
                        List.of(
                                new ProgramCommands(store, clock, platforms, planNow),
                                new RosterCommands(store, clock, planNow, connect.directory()),
                                new MemberCommands(store, clock),
                                new IncidentCommands(store, clock, platforms, planner),
                                new CheckInAnswers(store, clock, connect.checkInTalk()),
                                new LogCommands(
                                        store, clock, options.keys(), options.wellnessThreshold()),
                                new ReportCommands(store, clock, options.keys()),
                                new MemberData(store, clock),
                                new AgencyNaming(store, clock, platforms),
                                new InstallGrants(store, clock),
                                new OnCallCommands(store, clock),
                                new CheckInStyleCommand(store, clock),
                                new HolidayCommands(store, clock),
                                callOuts,
                                new IncidentLogs(store, clock, options.keys()),
                                new Home(store, clock),
                                new ResourceCommands(store, clock),
                                new Onboarding(store, clock),
                                training,
                                surveys));
        features.addAll(connect.features());
        this.inbound =
                new Inbound(store, features, options.directoryWatched(), options.commandRate());
        this.sender =
                new OutboxSender(
                        store,
                        platforms.all(),
                        List.of(CheckInPlanner::onDelivered),
                        List.of(CheckInPlanner::stillWanted, IncidentCallOut::stillWanted),
                        clock,
                        options.worker(),
                        options.paced(),
                        options.sending());
    }

    /** The router every adapter hands its events to. */
    public Inbound inbound() {
        return inbound;
    }

    /** The outbox sender (not started: {@link OutboxSender#start} runs it in the background). */
    public OutboxSender sender() {
        return sender;
    }

    /** The check-in jobs: planning, roster sync and nudges. */
    public CheckInJobs checkIns() {
        return checkIns;
    }

    /** The connection-request jobs: offer timeouts and retention. */
    public ConnectJobs connections() {
        return connections;
    }

    /** The on-call rota's jobs: hand-offs. */
    public OnCallJobs onCall() {
        return onCall;
    }

    /** Incident call-outs: paging the next peer when nobody has taken one. */
    public IncidentCallOut callOuts() {
        return callOuts;
    }

    /** The one check-in planner every feature plans with. */
    public CheckInPlanner planner() {
        return planner;
    }

    /** Every scheduled job of the product. */
    public List<Scheduling.Task> tasks() {
        List<Scheduling.Task> tasks = new ArrayList<>(checkIns.tasks());
        tasks.addAll(logs.tasks());
        tasks.addAll(connections.tasks());
        tasks.addAll(privacy.tasks());
        tasks.addAll(onCall.tasks());
        tasks.addAll(callOuts.tasks());
        tasks.addAll(surveys.tasks());
        tasks.addAll(training.tasks());
        return List.copyOf(tasks);
    }
}
