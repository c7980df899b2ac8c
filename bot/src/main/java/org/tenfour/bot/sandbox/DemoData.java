package org.tenfour.bot.sandbox;

import java.util.List;
import java.util.Map;
import org.tenfour.adapters.web.WebSandbox.Channel;
import org.tenfour.adapters.web.WebSandbox.Person;
import org.tenfour.adapters.web.WebSandbox.Workspace;

/**
 * The sandbox's made-up people: a fire and EMS agency and a partner police agency, each with
 * coordinators, peer supporters, members and a coordinator channel. This is the fake platform's
 * directory; who is on the roster and who is a peer is set up by {@link DemoSeed} through the real
 * commands.
 */
public final class DemoData {
    public static final String ZONE = "America/Chicago";

    public static final Workspace RIVERSIDE = new Workspace("riverside", "Riverside Fire & EMS");
    public static final Workspace LAKEVIEW =
            new Workspace("lakeview", "Lakeview Police (partner agency)");

    public static final Person DANA =
            person("URIVDANA", RIVERSIDE, "Dana Reyes", "dana", true, "coordinator");
    public static final Person PRIYA =
            person(
                    "URIVPRIYA",
                    RIVERSIDE,
                    "Priya Nair",
                    "priya",
                    false,
                    "peer supporter & coordinator");
    public static final Person SAM =
            person("URIVSAM", RIVERSIDE, "Sam Ortiz", "sam", false, "peer supporter");
    public static final Person ALEX =
            person("URIVALEX", RIVERSIDE, "Alex Kim", "alex", false, "member (firefighter)");
    public static final Person JORDAN =
            person("URIVJORDAN", RIVERSIDE, "Jordan Lee", "jordan", false, "member (paramedic)");
    public static final Person CASEY =
            person("URIVCASEY", RIVERSIDE, "Casey Brooks", "casey", false, "member (dispatcher)");

    public static final Person MORGAN =
            person("ULAKMORGAN", LAKEVIEW, "Morgan Shaw", "morgan", true, "coordinator");
    public static final Person TAYLOR =
            person("ULAKTAYLOR", LAKEVIEW, "Taylor Grant", "taylor", false, "peer supporter");
    public static final Person RILEY =
            person("ULAKRILEY", LAKEVIEW, "Riley Chen", "riley", false, "member (patrol officer)");
    public static final Person JAMIE =
            person("ULAKJAMIE", LAKEVIEW, "Jamie Fox", "jamie", false, "member (detective)");

    public static final Channel RIVERSIDE_COORDINATORS =
            new Channel(
                    "CRIVCOORD",
                    RIVERSIDE.workspaceId(),
                    "peer-coordinators",
                    List.of(DANA.userId(), PRIYA.userId()));
    public static final Channel RIVERSIDE_STATION =
            new Channel(
                    "CRIVSTATION1",
                    RIVERSIDE.workspaceId(),
                    "station-1",
                    List.of(
                            DANA.userId(),
                            PRIYA.userId(),
                            SAM.userId(),
                            ALEX.userId(),
                            JORDAN.userId(),
                            CASEY.userId()));
    public static final Channel LAKEVIEW_COORDINATORS =
            new Channel(
                    "CLAKCOORD",
                    LAKEVIEW.workspaceId(),
                    "peer-team-leads",
                    List.of(MORGAN.userId(), TAYLOR.userId()));
    public static final Channel LAKEVIEW_PATROL =
            new Channel(
                    "CLAKPATROL",
                    LAKEVIEW.workspaceId(),
                    "patrol",
                    List.of(MORGAN.userId(), TAYLOR.userId(), RILEY.userId(), JAMIE.userId()));

    public static final List<Workspace> WORKSPACES = List.of(RIVERSIDE, LAKEVIEW);
    public static final List<Person> PEOPLE =
            List.of(DANA, PRIYA, SAM, ALEX, JORDAN, CASEY, MORGAN, TAYLOR, RILEY, JAMIE);
    public static final List<Channel> CHANNELS =
            List.of(
                    RIVERSIDE_COORDINATORS,
                    RIVERSIDE_STATION,
                    LAKEVIEW_COORDINATORS,
                    LAKEVIEW_PATROL);

    /**
     * The sandbox guide's first message to each demo person, in their DM: who they are and what to
     * try as them.
     */
    public static final Map<Person, String> FIRST_MESSAGES =
            Map.ofEntries(
                    Map.entry(
                            DANA,
                            "You are *Dana Reyes*, a coordinator at Riverside Fire & EMS. Open"
                                    + " #peer-coordinators and try `/tenfour cadence weekly`, then"
                                    + " `/tenfour incident \"Structure fire, Main St\" @alex @jordan`."
                                    + " Fast-forward a day (bottom left), then pick Alex or Jordan at the"
                                    + " top left to see their check-ins. `/tenfour oncall` shows the"
                                    + " on-call rota (`/tenfour oncall swap @sam @priya` trades a week)."
                                    + " `/tenfour status` and `/tenfour report month` show counts, never"
                                    + " names; `/tenfour resources` is the directory members see;"
                                    + " `/tenfour survey start needs` sends everyone an anonymous survey"
                                    + " (results once it closes)."),
                    Map.entry(
                            PRIYA,
                            "You are *Priya Nair*, a peer supporter and a coordinator at Riverside."
                                    + " When a member asks for a peer, the offer arrives here with Accept"
                                    + " and Decline. After a contact, `/tenfour log` records it with codes"
                                    + " only, and `/tenfour log list` lets you correct it."),
                    Map.entry(
                            SAM,
                            "You are *Sam Ortiz*, a peer supporter at Riverside. Offers from members"
                                    + " who want to talk arrive here: accept one and you talk through"
                                    + " TenFour, anonymously unless they share their name. `/tenfour away"
                                    + " until 2030-01-31` takes a break; `/tenfour log` records a contact."
                                    + " `/tenfour oncall now` says who is on call: urgent and after-hours"
                                    + " requests, and the call-out after a critical incident (\"I'm on"
                                    + " it\" / \"Can't\"), go to them first."),
                    Map.entry(
                            ALEX,
                            "You are *Alex Kim*, a firefighter at Riverside. Type `/peer` to ask for"
                                    + " a trained peer, privately. When a coordinator sets a cadence or"
                                    + " records an incident, check-ins arrive here: answer \"I'd like to"
                                    + " talk\" to reach a peer. `/tenfour resources` lists where else to"
                                    + " get help. `/tenfour mydata` shows everything stored about you."),
                    Map.entry(
                            JORDAN,
                            "You are *Jordan Lee*, a paramedic at Riverside. Check-ins from the peer"
                                    + " team arrive here; \"I'd like to talk\" reaches a peer, \"Not"
                                    + " now\" pauses them for a week. `/tenfour settings` sets your own"
                                    + " hours; `/peer` asks for a peer at any time."),
                    Map.entry(
                            CASEY,
                            "You are *Casey Brooks*, a dispatcher at Riverside. Try `/peer` to ask"
                                    + " for a peer, `/tenfour times 07:00-09:00 sat-sun` to choose when"
                                    + " check-ins reach you, or `/tenfour optout` to stop them — nobody"
                                    + " is told."),
                    Map.entry(
                            MORGAN,
                            "You are *Morgan Shaw*, the coordinator at Lakeview Police, Riverside's"
                                    + " partner agency. In #peer-team-leads try `/tenfour partner list`"
                                    + " and `/tenfour status`."),
                    Map.entry(
                            TAYLOR,
                            "You are *Taylor Grant*, a Lakeview peer who takes requests from partner"
                                    + " agencies. When a Riverside member asks for a peer from a partner"
                                    + " agency, the offer arrives here, anonymous unless they share their"
                                    + " name."),
                    Map.entry(
                            RILEY,
                            "You are *Riley Chen*, a patrol officer at Lakeview. Type `/peer` to ask"
                                    + " for a peer, or `/tenfour help` to see what you can do."),
                    Map.entry(
                            JAMIE,
                            "You are *Jamie Fox*, a detective at Lakeview. Type `/peer` to ask for a"
                                    + " peer, or `/tenfour peers` to see who they are."));

    /** What {@link DemoSeed} sets up per agency: who runs it, where, and who is in the program. */
    record Agency(
            Workspace workspace,
            Person coordinator,
            Channel coordinatorChannel,
            List<Person> roster,
            List<Person> peers,
            List<Person> moreCoordinators,
            List<String> resources) {}

    static final List<Agency> AGENCIES =
            List.of(
                    new Agency(
                            RIVERSIDE,
                            DANA,
                            RIVERSIDE_COORDINATORS,
                            List.of(PRIYA, SAM, ALEX, JORDAN, CASEY),
                            List.of(PRIYA, SAM),
                            List.of(PRIYA),
                            List.of(
                                    "resources add \"Riverside County EAP\" \"call 555-0100, 24/7,"
                                            + " free and confidential\" category:eap",
                                    "resources add \"Harbor Counseling, first-responder clinicians\""
                                            + " \"555-0142, weekdays 8-6\" category:clinician",
                                    "resources add \"Fire & Police Chaplaincy\" \"555-0133, any"
                                            + " hour\" category:chaplain shared")),
                    new Agency(
                            LAKEVIEW,
                            MORGAN,
                            LAKEVIEW_COORDINATORS,
                            List.of(TAYLOR, RILEY, JAMIE),
                            List.of(TAYLOR),
                            List.of(),
                            List.of(
                                    "resources add \"Lakeview Officers' Legal Fund\" \"555-0177\""
                                            + " category:legal shared",
                                    "resources add \"Blue Line Financial Counseling\" \"555-0188\""
                                            + " category:financial")));

    private DemoData() {}

    private static Person person(
            String id, Workspace w, String name, String handle, boolean admin, String role) {
        return new Person(id, w.workspaceId(), name, handle, ZONE, admin, role);
    }
}
