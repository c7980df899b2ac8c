package org.tenfour.bot.survey;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.quartz.JobKey;
import org.tenfour.adapters.Button;
import org.tenfour.adapters.Form;
import org.tenfour.adapters.InboundEvent;
import org.tenfour.adapters.Message;
import org.tenfour.adapters.Reply;
import org.tenfour.bot.agency.AddressBook;
import org.tenfour.bot.agency.AgencySettings;
import org.tenfour.bot.checkin.Windows;
import org.tenfour.bot.inbound.Args;
import org.tenfour.bot.inbound.Audit;
import org.tenfour.bot.inbound.Caller;
import org.tenfour.bot.inbound.Feature;
import org.tenfour.bot.inbound.Subcommand;
import org.tenfour.bot.inbound.UsageException;
import org.tenfour.bot.outbox.OutboxKey;
import org.tenfour.bot.outbox.Outgoing;
import org.tenfour.bot.schedule.Scheduling;
import org.tenfour.bot.words.Words;
import org.tenfour.storage.Agencies;
import org.tenfour.storage.Agency;
import org.tenfour.storage.Member;
import org.tenfour.storage.Members;
import org.tenfour.storage.OutboxKind;
import org.tenfour.storage.Store;
import org.tenfour.storage.Survey;
import org.tenfour.storage.Surveys;

/**
 * {@code /tenfour survey start|list|close|results} for coordinators, and the member's side: the
 * private message with its button, the form, the answer. An answer is one transaction that adds one
 * to totals and leaves the keyed "already answered" mark, and touches no row that names a person:
 * nothing ties it to the member, to their message, or to a time of day.
 */
public final class SurveyCommands implements Feature {
    static final String ANSWER = "survey.answer";
    static final String FORM = "survey.form";

    /** Days a survey stays open by default, and at most. */
    static final int DEFAULT_DAYS = 14;

    static final int MAX_DAYS = 60;

    /** The keyed hash's purpose: one per member and survey, meaningless without the key. */
    private static final String MARK = "survey-answered";

    private final Store store;
    private final Clock clock;

    public SurveyCommands(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Forgets the "already answered" marks of every survey that has closed, hourly. */
    public List<Scheduling.Task> tasks() {
        return List.of(
                new Scheduling.Task(
                        JobKey.jobKey("survey-marks", "survey"),
                        Scheduling.every(Duration.ofHours(1)),
                        this::forgetClosedMarks));
    }

    /** Runs the task once; returns how many marks went. */
    public int forgetClosedMarks() {
        int forgotten = 0;
        for (Agency agency : store.repo(Agencies.class).all()) {
            LocalDate today = today(agency);
            for (Survey s : store.repo(Surveys.class).all(agency.id())) {
                if (s.closed(today)) {
                    forgotten += store.repo(Surveys.class).forgetMarks(agency.id(), s.id());
                }
            }
        }
        return forgotten;
    }

    @Override
    public Map<Subcommand, Subcommand.Action> subcommands() {
        return Map.of(Subcommand.SURVEY, this::survey);
    }

    @Override
    public Map<String, ButtonAction> buttons() {
        return Map.of(ANSWER, this::open);
    }

    @Override
    public Map<String, FormAction> forms() {
        return Map.of(FORM, this::answered);
    }

    private Reply survey(Caller caller, Args args, String trigger) {
        return switch (args.word(0)) {
            case "start" -> start(caller, args.from(1));
            case "list", "" -> list(caller);
            case "close" -> close(caller, numbered(caller, args.word(1)));
            case "results" -> results(caller, numbered(caller, args.word(1)));
            default ->
                    throw new UsageException(
                            "Say `survey start needs|feedback [days]`, `survey list`, `survey close"
                                    + " N` or `survey results N`.");
        };
    }

    private Reply start(Caller caller, Args args) {
        QuestionSet set =
                QuestionSet.of(args.word(0))
                        .orElseThrow(
                                () ->
                                        new UsageException(
                                                "Choose the questions: `survey start needs` (before"
                                                        + " or during the program) or `survey start"
                                                        + " feedback` (after contacts)."));
        int days = DEFAULT_DAYS;
        if (!args.word(1).isEmpty()) {
            try {
                days = Integer.parseInt(args.word(1).replaceFirst("d$", ""));
            } catch (NumberFormatException e) {
                throw new UsageException("Give the days it stays open as a number, e.g. `14`.");
            }
            if (days < 1 || days > MAX_DAYS) {
                throw new UsageException(
                        "A survey stays open from 1 to " + MAX_DAYS + " days (" + days + "?).");
            }
        }
        Agency agency = caller.agency();
        LocalDate today = today(agency);
        boolean running =
                store.repo(Surveys.class).all(agency.id()).stream()
                        .anyMatch(s -> s.questionSet().equals(set.code()) && !s.closed(today));
        if (running) {
            throw new UsageException(
                    "A "
                            + set.code()
                            + " survey is still open; close it first (`/tenfour survey list`).");
        }
        AgencySettings settings = AgencySettings.fromJson(agency.settingsJson());
        LocalDate closes = today.plusDays(days - 1L);
        Survey survey =
                store.inTransaction(
                        h -> {
                            Surveys surveys = h.attach(Surveys.class);
                            Survey s = surveys.create(agency.id(), set.code(), today, closes);
                            List<String> questions = new ArrayList<>();
                            List<String> choices = new ArrayList<>();
                            for (Question q : set.questions()) {
                                for (String choice : q.choices()) {
                                    questions.add(q.id());
                                    choices.add(choice);
                                }
                                questions.add(q.id());
                                choices.add(Question.NO_ANSWER);
                            }
                            surveys.prepare(agency.id(), s.id(), questions, choices);
                            Outgoing out = Outgoing.on(h, agency.id());
                            for (Member m : h.attach(Members.class).roster(agency.id())) {
                                if (m.optedOut()) {
                                    continue;
                                }
                                out.send(
                                        OutboxKey.of(
                                                OutboxKind.OTHER, null, "survey", s.id(), m.id()),
                                        AddressBook.member(h, agency, m),
                                        invitation(s, set, settings, Words.of(m)),
                                        Windows.of(agency, settings, m).next(clock.instant()));
                            }
                            Audit.change(
                                    h,
                                    caller,
                                    "survey",
                                    null,
                                    "survey "
                                            + s.number()
                                            + " ("
                                            + set.code()
                                            + ") until "
                                            + closes,
                                    clock.instant());
                            return s;
                        });
        return Reply.text(
                "Survey "
                        + survey.number()
                        + " ("
                        + set.description()
                        + ") goes to every enrolled member who has not opted out, once, privately,"
                        + " in their own hours. It is anonymous: only totals are kept. It closes at"
                        + " the end of "
                        + closes
                        + "; then `/tenfour survey results "
                        + survey.number()
                        + "` shows the results, if at least "
                        + settings.suppressionK()
                        + " people answered.");
    }

    /** The private invitation, in the member's language, with the button that opens the form. */
    static Message invitation(Survey s, QuestionSet set, AgencySettings settings, Words words) {
        return new Message(
                words.get(
                        "survey.invitation",
                        set.questions().size(),
                        settings.suppressionK(),
                        s.closesOn()),
                List.of(),
                List.of(
                        new Button(
                                ANSWER,
                                words.get("survey.answer"),
                                Long.toString(s.id()),
                                Button.Style.PRIMARY)));
    }

    private Reply open(Caller caller, InboundEvent.ButtonPressed event) {
        Optional<Survey> survey = find(caller, event.value());
        Words w = caller.words();
        if (survey.isEmpty() || !caller.member().onRoster()) {
            return Reply.text(w.get("survey.notFound"));
        }
        Survey s = survey.get();
        if (s.closed(today(caller.agency()))) {
            return Reply.text(w.get("survey.closed"));
        }
        if (store.repo(Surveys.class).marked(caller.agency().id(), s.id(), mark(caller, s))) {
            return Reply.text(w.get("survey.already"));
        }
        return new Reply.ShowForm(form(s, w));
    }

    private static Form form(Survey s, Words w) {
        QuestionSet set = QuestionSet.of(s.questionSet()).orElseThrow();
        return new Form(
                FORM,
                w.get("survey.form.title"),
                w.get("survey.form.submit"),
                set.questions().stream().map(q -> q.field(w)).toList(),
                Long.toString(s.id()));
    }

    private Reply answered(Caller caller, InboundEvent.FormSubmitted f) {
        Optional<Survey> survey = find(caller, f.context());
        Words w = caller.words();
        if (survey.isEmpty() || !caller.member().onRoster()) {
            return Reply.text(w.get("survey.notFound"));
        }
        Survey s = survey.get();
        QuestionSet set = QuestionSet.of(s.questionSet()).orElseThrow();
        List<String> questions = new ArrayList<>();
        List<String> choices = new ArrayList<>();
        Map<String, String> errors = new HashMap<>();
        for (Question q : set.questions()) {
            List<String> chosen =
                    f.values().getOrDefault(q.id(), List.of()).stream()
                            .filter(v -> !v.isBlank())
                            .distinct()
                            .toList();
            if (chosen.stream().anyMatch(c -> !q.offers(c))) {
                errors.put(q.id(), w.get("survey.error.list"));
            } else if (!q.multi() && chosen.size() > 1) {
                errors.put(q.id(), w.get("survey.error.one"));
            }
            if (chosen.isEmpty()) {
                chosen = List.of(Question.NO_ANSWER);
            }
            for (String c : chosen) {
                questions.add(q.id());
                choices.add(c);
            }
        }
        if (!errors.isEmpty()) {
            return new Reply.FormErrors(form(s, w), errors);
        }
        String mark = mark(caller, s);
        LocalDate today = today(caller.agency());
        Outcome outcome;
        try {
            outcome =
                    store.inTransaction(
                            h -> {
                                Surveys surveys = h.attach(Surveys.class);
                                if (!surveys.mark(caller.agency().id(), s.id(), mark)) {
                                    return Outcome.ALREADY;
                                }
                                if (!surveys.respond(caller.agency().id(), s.id(), today)) {
                                    throw new Closed();
                                }
                                surveys.count(
                                        caller.agency().id(),
                                        s.id(),
                                        questions.toArray(String[]::new),
                                        choices.toArray(String[]::new));
                                return Outcome.COUNTED;
                            });
        } catch (Closed e) {
            outcome = Outcome.CLOSED;
        }
        return new Reply.FormAccepted(
                Message.text(
                        w.get(
                                switch (outcome) {
                                    case COUNTED -> "survey.thanks";
                                    case ALREADY -> "survey.already";
                                    case CLOSED -> "survey.closed";
                                })));
    }

    private enum Outcome {
        COUNTED,
        ALREADY,
        CLOSED
    }

    /** Rolls the answer back when the survey closed in between. */
    private static final class Closed extends RuntimeException {
        Closed() {
            super("survey closed", null, false, false);
        }
    }

    private String mark(Caller caller, Survey s) {
        return store.keyedHashes()
                .of(MARK, caller.agency().id(), s.id() + ":" + caller.member().platformUserId());
    }

    private Optional<Survey> find(Caller caller, String id) {
        try {
            return store.repo(Surveys.class).find(caller.agency().id(), Long.parseLong(id));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private Reply list(Caller caller) {
        LocalDate today = today(caller.agency());
        int k = AgencySettings.fromJson(caller.agency().settingsJson()).suppressionK();
        List<Survey> all = store.repo(Surveys.class).all(caller.agency().id());
        if (all.isEmpty()) {
            return Reply.text(
                    "No surveys yet. `/tenfour survey start needs` asks every enrolled member,"
                            + " anonymously, what they need from the program.");
        }
        List<String> lines = new ArrayList<>();
        for (Survey s : all) {
            forgetMarksIfClosed(s, today);
            lines.add(
                    s.number()
                            + ". "
                            + s.questionSet()
                            + ", "
                            + s.openedOn()
                            + " – "
                            + (s.closedOn() != null ? s.closedOn() : s.closesOn())
                            + (s.closed(today)
                                    ? ": closed, " + respondents(s, k)
                                    : ": open (no counts until it closes)"));
        }
        return Reply.text("Surveys:\n" + String.join("\n", lines));
    }

    private Reply close(Caller caller, Survey s) {
        LocalDate today = today(caller.agency());
        if (s.closed(today)) {
            return Reply.text("Survey " + s.number() + " is closed already.");
        }
        store.useTransaction(
                h -> {
                    h.attach(Surveys.class).close(caller.agency().id(), s.id(), today);
                    h.attach(Surveys.class).forgetMarks(caller.agency().id(), s.id());
                    Audit.change(
                            h,
                            caller,
                            "survey",
                            "survey " + s.number() + " open",
                            "closed",
                            clock.instant());
                });
        return Reply.text(
                "Survey "
                        + s.number()
                        + " is closed; no more answers are taken. `/tenfour survey results "
                        + s.number()
                        + "` shows what it found.");
    }

    private Reply results(Caller caller, Survey s) {
        LocalDate today = today(caller.agency());
        if (!s.closed(today)) {
            return Reply.text(
                    "Survey "
                            + s.number()
                            + " is open until the end of "
                            + s.closesOn()
                            + ". Results come when it closes, so that no answer can be told from a"
                            + " change in the totals (`/tenfour survey close "
                            + s.number()
                            + "` closes it now).");
        }
        forgetMarksIfClosed(s, today);
        int k = AgencySettings.fromJson(caller.agency().settingsJson()).suppressionK();
        return Reply.text(
                SurveyResults.text(
                        s, store.repo(Surveys.class).tallies(caller.agency().id(), s.id()), k));
    }

    private static String respondents(Survey s, int k) {
        return s.respondents() < k
                ? "fewer than " + k + " answered (no results)"
                : s.respondents() + " answered";
    }

    /** The marks only stop a second answer; once no answer is taken they go. */
    private void forgetMarksIfClosed(Survey s, LocalDate today) {
        if (s.closed(today)) {
            store.repo(Surveys.class).forgetMarks(s.agencyId(), s.id());
        }
    }

    private Survey numbered(Caller caller, String number) {
        int n;
        try {
            n = Integer.parseInt(number);
        } catch (NumberFormatException e) {
            throw new UsageException("Give the survey's number from `/tenfour survey list`.");
        }
        return store.repo(Surveys.class)
                .byNumber(caller.agency().id(), n)
                .orElseThrow(() -> new UsageException("There is no survey number " + n + "."));
    }

    private LocalDate today(Agency agency) {
        return LocalDate.now(clock.withZone(ZoneId.of(agency.timeZone())));
    }
}
