package org.tenfour.bot.report;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.tenfour.adapters.FileUpload;
import org.tenfour.adapters.Message;
import org.tenfour.adapters.Reply;
import org.tenfour.bot.agency.AddressBook;
import org.tenfour.bot.agency.AgencySettings;
import org.tenfour.bot.inbound.Args;
import org.tenfour.bot.inbound.Caller;
import org.tenfour.bot.inbound.Feature;
import org.tenfour.bot.inbound.Role;
import org.tenfour.bot.inbound.Subcommand;
import org.tenfour.bot.inbound.UsageException;
import org.tenfour.bot.log.PseudonymKeys;
import org.tenfour.bot.outbox.OutboxKey;
import org.tenfour.bot.outbox.Outgoing;
import org.tenfour.storage.Agencies;
import org.tenfour.storage.Agency;
import org.tenfour.storage.AuditLog;
import org.tenfour.storage.OutboxKind;
import org.tenfour.storage.Store;
import org.tenfour.storage.Tx;

/**
 * {@code /tenfour report [month|quarter|year]} posts the suppressed report and its chart in the
 * coordinator channel; {@code /tenfour export [period]} sends the same tables as CSV to the
 * coordinator who asked.
 */
public final class ReportCommands implements Feature {
    private final Store store;
    private final Clock clock;
    private final ReportService reports;

    public ReportCommands(Store store, Clock clock, PseudonymKeys keys) {
        this.store = store;
        this.clock = clock;
        this.reports = new ReportService(store, clock, keys);
    }

    @Override
    public Map<Subcommand, Subcommand.Action> subcommands() {
        return Map.ofEntries(
                Map.entry(Subcommand.REPORT, this::report),
                Map.entry(Subcommand.EXPORT, (c, a, t) -> export(c, period(a))));
    }

    @Override
    public Map<String, ButtonAction> buttons() {
        return Map.of(
                ReportText.EXPORT_ACTION,
                (c, e) ->
                        c.is(Role.COORDINATOR)
                                ? export(c, parse(e.value()))
                                : Reply.text("Only the program's coordinators can export reports."),
                ReportText.REPORT_ACTION,
                (c, e) ->
                        c.is(Role.COORDINATOR)
                                ? post(c, parse(e.value()))
                                : Reply.text("Only the program's coordinators can run reports."));
    }

    private static Period period(Args args) {
        return parse(args.joined());
    }

    private static Period parse(String text) {
        try {
            return Period.parse(text);
        } catch (IllegalArgumentException e) {
            throw new UsageException("Choose month, quarter or year.");
        }
    }

    /** The published report of the last closed period, in the agency's zone; audited. */
    private ProgramReport build(Caller caller, Period period, String action) {
        Agency agency = store.repo(Agencies.class).find(caller.agency().id()).orElseThrow();
        int k = AgencySettings.fromJson(agency.settingsJson()).suppressionK();
        LocalDate today = clock.instant().atZone(ZoneId.of(agency.timeZone())).toLocalDate();
        ProgramReport report = reports.report(agency.id(), period, today, k);
        store.repo(AuditLog.class)
                .record(
                        agency.id(),
                        caller.member().platformUserId(),
                        action,
                        null,
                        period.word() + " " + report.current().from(),
                        clock.instant());
        return report;
    }

    private Reply report(Caller caller, Args args, String trigger) {
        return post(caller, period(args));
    }

    private Reply post(Caller caller, Period period) {
        ProgramReport report = build(caller, period, "report run");
        String id = UUID.randomUUID().toString();
        store.useTransaction(
                h -> {
                    Agency agency =
                            h.attach(Agencies.class).find(caller.agency().id()).orElseThrow();
                    var channel = AddressBook.channel(h, agency, agency.coordinatorChannelId());
                    Outgoing out = Outgoing.on(h, agency.id());
                    out.send(
                            OutboxKey.of(OutboxKind.REPORT, null, id),
                            channel,
                            withSurveys(h, report),
                            clock.instant());
                    out.upload(
                            OutboxKey.of(OutboxKind.REPORT, null, id, "chart"),
                            channel,
                            FileUpload.of(
                                    "tenfour-report-"
                                            + period.name().toLowerCase(Locale.ROOT)
                                            + ".png",
                                    "image/png",
                                    ReportChart.png(report),
                                    "Program report charts, " + report.current().label()),
                            clock.instant());
                });
        return Reply.text(
                "The report for "
                        + report.current().label()
                        + " (the last complete "
                        + period.word()
                        + ") is being posted here; counts under the agency's threshold are"
                        + " suppressed.");
    }

    /** The report's message with the surveys that closed in its period beneath. */
    private static Message withSurveys(Tx h, ProgramReport report) {
        Message message = ReportText.message(report);
        List<String> surveys =
                SurveyLines.of(
                        h,
                        report.agencyId(),
                        report.current().from(),
                        report.current().to(),
                        report.k());
        if (surveys.isEmpty()) {
            return message;
        }
        List<String> notes = new ArrayList<>(message.notes());
        notes.addAll(surveys);
        return new Message(message.text(), notes, message.buttons());
    }

    private Reply export(Caller caller, Period period) {
        ProgramReport report = build(caller, period, "report export");
        store.useTransaction(
                h -> {
                    Agency agency =
                            h.attach(Agencies.class).find(caller.agency().id()).orElseThrow();
                    Outgoing.on(h, agency.id())
                            .upload(
                                    OutboxKey.unique(OutboxKind.EXPORT, null),
                                    AddressBook.member(h, agency, caller.member()),
                                    FileUpload.of(
                                            "tenfour-report-"
                                                    + period.name().toLowerCase(Locale.ROOT)
                                                    + ".csv",
                                            "text/csv",
                                            ReportCsv.write(report)
                                                    .getBytes(StandardCharsets.UTF_8),
                                            "Program report ("
                                                    + period.name().toLowerCase(Locale.ROOT)
                                                    + "), suppressed"),
                                    clock.instant());
                });
        return Reply.text("The CSV is on its way to you in a direct message.");
    }
}
