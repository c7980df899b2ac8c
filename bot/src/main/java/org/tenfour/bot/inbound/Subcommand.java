package org.tenfour.bot.inbound;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.tenfour.adapters.Reply;
import org.tenfour.adapters.Vocabulary;
import org.tenfour.bot.words.Language;
import org.tenfour.bot.words.Words;

/**
 * Every {@code /tenfour} subcommand, in the order help shows them: its word, who may use it and
 * where, its usage and what it does. This is the one place a command word is written: help, the
 * router, the Slack manifest's usage hints, the Teams app's command menus and chat parsing, and the
 * sandbox's suggestions are all made from it ({@link #vocabulary()}). A feature attaches the action
 * ({@link Feature#subcommands()}).
 */
public enum Subcommand {
    HELP(
            "help",
            Role.MEMBER,
            false,
            Details.forMembers("help.details.help"),
            Use.forMembers(Task.HELP, "help [command]", "help.use.help")),
    LANGUAGE(
            "language",
            Role.MEMBER,
            false,
            Details.forMembers("help.details.language"),
            Use.forMembers(Task.HELP, "language es|en", "help.use.language")),

    TALK(
            "talk",
            Role.MEMBER,
            false,
            Details.forMembers("help.details.talk"),
            Use.forMembers(Task.TALK, "talk [now|today|week]", "help.use.talk")),
    PEERS(
            "peers",
            Role.MEMBER,
            false,
            Details.forMembers("help.details.peers"),
            Use.forMembers(Task.TALK, "peers", "help.use.peers"),
            Use.forMembers(Task.PEOPLE, "peers add|remove @user …", "help.use.peers.change")),
    RESOURCES(
            "resources",
            Role.MEMBER,
            false,
            Details.forMembers("help.details.resources"),
            Use.forMembers(Task.TALK, "resources [category]", "help.use.resources"),
            Use.forMembers(
                    Task.SETUP,
                    "resources add \"Name\" \"how to reach\""
                            // the codes of resources.Category (ResourceDirectoryTest checks)
                            + " category:eap|clinician|chaplain|medical|legal|financial|family|substance|other"
                            + " [shared] | resources remove N | resources share|unshare N",
                    "help.use.resources.change")),
    SETTINGS(
            "settings",
            Role.MEMBER,
            false,
            Details.forMembers("help.details.settings"),
            Use.forMembers(Task.CHECK_INS, "settings", "help.use.settings")),
    OPTOUT(
            "optout",
            Role.MEMBER,
            false,
            Details.forMembers("help.details.optout"),
            Use.forMembers(Task.CHECK_INS, "optout", "help.use.optout")),
    OPTIN(
            "optin",
            Role.MEMBER,
            false,
            Details.forMembers("help.details.optin"),
            Use.forMembers(Task.CHECK_INS, "optin", "help.use.optin")),
    SNOOZE(
            "snooze",
            Role.MEMBER,
            false,
            Details.forMembers("help.details.snooze"),
            Use.forMembers(Task.CHECK_INS, "snooze 2w", "help.use.snooze")),
    TIMES(
            "times",
            Role.MEMBER,
            false,
            Details.forMembers("help.details.times"),
            Use.forMembers(
                    Task.CHECK_INS, "times 07:00-09:00 sat-sun | times clear", "help.use.times")),
    END(
            "end",
            Role.MEMBER,
            false,
            Details.forMembers("help.details.end"),
            Use.forMembers(Task.CONVERSATION, "end", "help.use.end")),
    REVEAL(
            "reveal",
            Role.MEMBER,
            false,
            Details.forMembers("help.details.reveal"),
            Use.forMembers(Task.CONVERSATION, "reveal", "help.use.reveal")),
    MYDATA(
            "mydata",
            Role.MEMBER,
            false,
            Details.forMembers("help.details.mydata"),
            Use.forMembers(Task.DATA, "mydata", "help.use.mydata")),
    FORGETME(
            "forgetme",
            Role.MEMBER,
            false,
            Details.forMembers("help.details.forgetme"),
            Use.forMembers(Task.DATA, "forgetme", "help.use.forgetme")),

    LOG(
            "log",
            Role.PEER,
            false,
            "Opens the contact log: codes only, no names, no text. `log list` shows your recent logs;"
                    + " you can correct each for 24 hours, then it is sealed.",
            new Use(
                    Task.PEER_WORK,
                    "log | log list",
                    "log a contact (codes only, no names, no text)")),
    AWAY(
            "away",
            Role.PEER,
            false,
            "A break: no new requests or check-ins on your behalf until the day you give.",
            new Use(
                    Task.PEER_WORK,
                    "away until 2026-12-10",
                    "take a break from new requests and check-ins")),
    BACK(
            "back",
            Role.PEER,
            false,
            "Ends your break now.",
            new Use(Task.PEER_WORK, "back", "end your break")),
    PROFILE(
            "profile",
            Role.PEER,
            false,
            "Your entry in the peer directory: short bio, languages, whether partner agencies may"
                    + " reach you, your weekly cap.",
            new Use(
                    Task.PEER_WORK,
                    "profile",
                    "edit your peer profile: bio, languages, partner requests, weekly cap")),

    SETUP(
            "setup",
            Role.MEMBER,
            false,
            Details.forMembers("help.details.setup"),
            Use.forMembers(Task.SETUP, "setup", "help.use.setup")),
    GRANTS(
            "grants",
            Role.COORDINATOR,
            true,
            "Who installed TenFour and what that allowed them (the first setup, for 7 days): used,"
                    + " void, revoked or expired. `grants revoke` ends every open grant, `grants"
                    + " revoke 3` one.",
            new Use(
                    Task.SETUP,
                    "grants [revoke [N]]",
                    "who may still run the first setup after installing TenFour")),
    CADENCE(
            "cadence",
            Role.COORDINATOR,
            true,
            "The longest any member goes without hearing from the peer team.",
            new Use(
                    Task.SETUP,
                    "cadence every 30 days|weekly|every 2 weeks|monthly|off",
                    "how often every member hears from the peer team")),
    HOURS(
            "hours",
            Role.COORDINATOR,
            true,
            "When check-ins may go out, in each member's own time zone.",
            new Use(
                    Task.SETUP,
                    "hours 08:00-18:00",
                    "working hours for check-ins (member's zone)")),
    DAYS(
            "days",
            Role.COORDINATOR,
            true,
            "The days check-ins may go out.",
            new Use(Task.SETUP, "days mon-fri", "working days for check-ins")),
    TIMEZONE(
            "timezone",
            Role.COORDINATOR,
            true,
            "The zone for members whose platform gives none.",
            new Use(Task.SETUP, "timezone America/Chicago", "the agency's default time zone")),
    CRISIS_LINES(
            "crisis-lines",
            Role.COORDINATOR,
            true,
            "Shown under every check-in and every urgent request; each line in quotes.",
            new Use(
                    Task.SETUP,
                    "crisis-lines \"988 Suicide & Crisis Lifeline: call or text 988\" \"…\"",
                    "crisis lines shown in every check-in")),
    TIMEOUTS(
            "timeouts",
            Role.COORDINATOR,
            true,
            "How long a peer has to answer an offer before the next peer is asked.",
            new Use(
                    Task.SETUP,
                    "timeouts now 10m today 2h week 24h",
                    "how long a peer has to answer a request before the next is asked")),
    RETENTION(
            "retention",
            Role.COORDINATOR,
            true,
            "How long a closed request keeps who was involved.",
            new Use(Task.SETUP, "retention 90d", "how long closed requests keep who was involved")),
    NAME(
            "name",
            Role.COORDINATOR,
            true,
            "The agency's name as partner agencies and members read it. Until a coordinator names it,"
                    + " the workspace's own name from Slack, or \"a partner agency\"; never a platform"
                    + " id.",
            new Use(
                    Task.SETUP,
                    "name \"Riverside Fire & EMS\"",
                    "the agency's name partners and members read")),
    ROSTER(
            "roster",
            Role.COORDINATOR,
            true,
            "Who is enrolled in check-ins; a group or channel is followed and kept in sync. Tags keep"
                    + " peers of the same crew or chain of command away from a member.",
            new Use(
                    Task.PEOPLE,
                    "roster add|remove @user … | roster from @group|#channel | roster tag @user"
                            + " unit:Engine-7 supervisor:@x",
                    "who is enrolled in check-ins")),
    TRAINING(
            "training",
            Role.COORDINATOR,
            true,
            "Each peer's training: `training add @peer \"CISM individual\" 2026-03-01 expires"
                    + " 2028-03-01` (add `optional` for a course the rotation does not need),"
                    + " `training list`, `training remove N`. A required course past its last day"
                    + " takes the peer out of rotation; they are reminded 30 days before. The list"
                    + " also names peers who have not yet acknowledged the policy (new peers get it"
                    + " first, and are out of rotation until they confirm).",
            new Use(
                    Task.PEOPLE,
                    "training add @peer \"Course\" 2026-03-01 [expires 2028-03-01] [optional] |"
                            + " training list | training remove N",
                    "peers' training records and who is out of rotation")),
    COORDINATORS(
            "coordinators",
            Role.COORDINATOR,
            true,
            "Who runs the program.",
            new Use(Task.PEOPLE, "coordinators add|remove @user …", "who runs the program")),
    REFER(
            "refer",
            Role.MEMBER,
            false,
            Details.forMembers("help.details.refer"),
            Use.forMembers(Task.PEOPLE, "refer @member", "help.use.refer")),
    CHECKIN(
            "checkin",
            Role.COORDINATOR,
            true,
            "Which check-in members get: `checkin style simple` (I'm OK, I'd like to talk, Not now)"
                    + " or `checkin style continuum` — where they are on the stress continuum: Ready"
                    + " (green), Reacting (yellow), Injured (orange), Ill (red), each with a one-line"
                    + " description. Orange and red offer a peer now and show the crisis lines at"
                    + " once. The colour is only counted per agency and week, never kept with the"
                    + " member or the check-in; reports show the distribution, small counts"
                    + " suppressed.",
            new Use(
                    Task.SETUP,
                    "checkin style continuum|simple",
                    "the check-in question: three answers, or the stress continuum")),
    ONCALL(
            "oncall",
            Role.MEMBER,
            false,
            Details.forMembers("help.details.oncall"),
            Use.forMembers(Task.TALK, "oncall now", "help.use.oncall"),
            Use.forMembers(
                    Task.ON_CALL,
                    "oncall | oncall add|remove @peer … | oncall swap @a @b | oncall handoff mon"
                            + " 08:00 | oncall last-resort @person|none",
                    "help.use.oncall.rota")),
    INCIDENT(
            "incident",
            Role.COORDINATOR,
            true,
            "Follow-up check-ins at +24 h, +72 h, +7 days and the 1-year anniversary (or the"
                    + " agency's own `incident schedule`), and a call-out:"
                    + " the on-call peer (then the next) is paged with the label and how many people"
                    + " were involved, never who; the first \"I'm on it\" leads the peer follow-up and"
                    + " alone is told who. The label is for coordinators only.",
            new Use(
                    Task.INCIDENTS,
                    "incident \"Structure fire, Main St\" @a @b | incident list | incident cancel 1",
                    "follow-up check-ins after a critical incident"),
            new Use(
                    Task.INCIDENTS,
                    "incident schedule 24h 72h 7d 30d 1y",
                    "when incident follow-ups go out (hours, days, weeks; 1y is the anniversary)")),
    HOLIDAYS(
            "holidays",
            Role.COORDINATOR,
            true,
            "The agency's holidays: no proactive check-in (cadence, incident follow-up, anniversary)"
                    + " goes out on them; one that falls on a holiday moves to the next day of the"
                    + " member's contact window, on every replica. Requests for a peer are not"
                    + " affected.",
            new Use(
                    Task.SETUP,
                    "holidays add|remove 2026-12-25 … | holidays list",
                    "days on which no check-in goes out")),
    STATUS(
            "status",
            Role.COORDINATOR,
            true,
            "The program's settings, the roster's size and how many on it TenFour cannot reach now;"
                    + " no live count of anyone's choices (opt-outs and answers are in the closed-period"
                    + " report).",
            new Use(
                    Task.NUMBERS,
                    "status",
                    "settings, roster size, who cannot be reached (a count, no names)")),
    REPORT(
            "report",
            Role.COORDINATOR,
            true,
            "The report of the last complete month, quarter or year, published once, with small"
                    + " counts suppressed, and charts.",
            new Use(
                    Task.NUMBERS,
                    "report [month|quarter|year]",
                    "the last complete month, quarter or year, small counts suppressed")),
    EXPORT(
            "export",
            Role.COORDINATOR,
            true,
            "The report's suppressed tables as a CSV file, sent to you privately.",
            new Use(
                    Task.NUMBERS,
                    "export [month|quarter|year]",
                    "the same suppressed tables as a CSV file, sent to you")),
    SURVEY(
            "survey",
            Role.COORDINATOR,
            true,
            "An anonymous program survey: `needs` (does everyone know the program, could they reach"
                    + " it, would they use it, how, what holds them back) or `feedback` (was it"
                    + " helpful, would they use it again). Every enrolled member who has not opted out"
                    + " gets it once, privately, in their own hours; only totals are kept, never who"
                    + " answered. Results only after it closes (after the days given, default 14, or"
                    + " `survey close N`) and only if at least k answered, small counts suppressed.",
            new Use(
                    Task.NUMBERS,
                    "survey start needs|feedback [days] | survey list | survey close N | survey"
                            + " results N",
                    "an anonymous needs or feedback survey of every member")),
    PARTNER(
            "partner",
            Role.COORDINATOR,
            true,
            "Partner agencies share peers who opted in, across Slack and Teams; either side can end"
                    + " it.",
            new Use(
                    Task.PARTNERS,
                    "partner invite | accept CODE | list | end N",
                    "share peers with another agency (either side can end it)"));

    /** What a subcommand does with its arguments. */
    @FunctionalInterface
    public interface Action {
        Reply run(Caller caller, Args args, String triggerId);
    }

    /** A group of subcommands in help: one task, for one role. */
    public enum Task {
        HELP(Role.MEMBER, "Help"),
        TALK(Role.MEMBER, "Talk to a peer"),
        CHECK_INS(Role.MEMBER, "Your check-ins"),
        CONVERSATION(Role.MEMBER, "In a conversation with a peer"),
        DATA(Role.MEMBER, "Your data"),
        PEER_WORK(Role.PEER, "Your work as a peer supporter"),
        SETUP(Role.COORDINATOR, "Set the program up"),
        PEOPLE(Role.COORDINATOR, "Who is in the program"),
        ON_CALL(Role.COORDINATOR, "On call, around the clock"),
        INCIDENTS(Role.COORDINATOR, "After a critical incident"),
        NUMBERS(Role.COORDINATOR, "Counts and reports"),
        PARTNERS(Role.COORDINATOR, "Partner agencies");

        private final Role audience;
        private final String title;

        Task(Role audience, String title) {
            this.audience = audience;
            this.title = title;
        }

        /** Whose section of help the task is in. */
        public Role audience() {
            return audience;
        }

        public String title() {
            return title;
        }
    }

    /**
     * One way to use a subcommand, shown in help under its task.
     *
     * @param usage the words after {@code /tenfour} ({@code cadence weekly|off})
     * @param wordsKey the key of its summary in the members' bundle, for a use members read (else
     *     null: English only)
     */
    public record Use(Task task, String usage, String summary, String wordsKey) {
        public Use {
            Objects.requireNonNull(task, "null task");
            Objects.requireNonNull(usage, "null usage");
            Objects.requireNonNull(summary, "null summary");
        }

        /** A use for peers or coordinators, who read English. */
        public Use(Task task, String usage, String summary) {
            this(task, usage, summary, null);
        }

        /**
         * A use members read, in their language (or the coordinators' part of a command members
         * use): its summary is {@code key} in the members' bundle (English here, for the platforms'
         * menus).
         */
        static Use forMembers(Task task, String usage, String key) {
            return new Use(task, usage, Words.in(Language.EN).get(key), key);
        }

        /** What it does, in the reader's words. */
        public String summary(Words words) {
            return wordsKey == null ? summary : words.get(wordsKey);
        }
    }

    /**
     * The sentences of {@code help <command>}: English, or for a command members use, the key of
     * its text in the members' bundle.
     */
    record Details(String english, String wordsKey) {
        Details {
            Objects.requireNonNull(english, "null english");
        }

        /** Details members read, in their language: {@code key} in the members' bundle. */
        static Details forMembers(String key) {
            return new Details(Words.in(Language.EN).get(key), key);
        }
    }

    private final String word;
    private final Role role;
    private final boolean coordinatorChannelOnly;
    private final Details details;

    @SuppressWarnings("ImmutableEnumChecker") // List.of: immutable
    private final List<Use> uses;

    Subcommand(
            String word, Role role, boolean coordinatorChannelOnly, String details, Use... uses) {
        this(word, role, coordinatorChannelOnly, new Details(details, null), uses);
    }

    Subcommand(
            String word, Role role, boolean coordinatorChannelOnly, Details details, Use... uses) {
        this.word = word;
        this.role = role;
        this.coordinatorChannelOnly = coordinatorChannelOnly;
        this.details = details;
        this.uses = List.of(uses);
    }

    /** The first word ({@code cadence}). */
    public String word() {
        return word;
    }

    /** The role needed. */
    public Role role() {
        return role;
    }

    /** Whether it only works in the coordinator channel. */
    public boolean coordinatorChannelOnly() {
        return coordinatorChannelOnly;
    }

    /** A few sentences for {@code help <command>}, in English. */
    public String details() {
        return details.english();
    }

    /** The same in the reader's words (English for a peer's or coordinator's command). */
    public String details(Words words) {
        return details.wordsKey() == null ? details.english() : words.get(details.wordsKey());
    }

    /** How it is used, one entry per task it serves. */
    public List<Use> uses() {
        return uses;
    }

    /** The right form, shown on a mistake: every use, joined. */
    public String usage() {
        return String.join(" | ", uses.stream().map(Use::usage).toList());
    }

    /** The subcommand whose word this is (any case). */
    public static Optional<Subcommand> of(String word) {
        String w = word == null ? "" : word.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(s -> s.word.equals(w)).findFirst();
    }

    /**
     * Every word with its audience, for the platforms' surfaces, the most needed first: the first
     * word of every task, then the second of every task, and so on — so that a menu with room for
     * ten offers something for each task.
     */
    public static Vocabulary vocabulary() {
        return new Vocabulary(
                TALK.word,
                Arrays.stream(values())
                        .sorted(Comparator.comparingInt(Subcommand::rankInTask))
                        .map(
                                s ->
                                        new Vocabulary.Word(
                                                s.word,
                                                s.arguments(),
                                                capitalised(s.uses.get(0).summary()),
                                                s.audience()))
                        .toList());
    }

    /** How many subcommands come before this one in its first task. */
    @SuppressWarnings("EnumOrdinal") // the declaration order is the help's order, on purpose
    private int rankInTask() {
        Task task = uses.get(0).task();
        return (int)
                Arrays.stream(values())
                        .filter(s -> s.ordinal() < ordinal() && s.uses.get(0).task() == task)
                        .count();
    }

    private Vocabulary.Audience audience() {
        if (this == HELP) {
            return Vocabulary.Audience.EVERYONE;
        }
        return switch (uses.get(0).task().audience()) {
            case MEMBER -> Vocabulary.Audience.MEMBER;
            case PEER -> Vocabulary.Audience.PEER;
            case COORDINATOR -> Vocabulary.Audience.COORDINATOR;
        };
    }

    /** What may follow the word in its first use ({@code now|today|week} for talk). */
    private String arguments() {
        String first = uses.get(0).usage();
        String rest = first.startsWith(word) ? first.substring(word.length()).strip() : "";
        int alternative = rest.indexOf(" | ");
        rest = alternative < 0 ? rest : rest.substring(0, alternative);
        return rest.startsWith("[") && rest.endsWith("]")
                ? rest.substring(1, rest.length() - 1)
                : rest;
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
