package org.tenfour.bot.sandbox;

import java.util.List;
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

    /** What {@link DemoSeed} sets up per agency: who runs it, where, and who is in the program. */
    record Agency(
            Workspace workspace,
            Person coordinator,
            Channel coordinatorChannel,
            List<Person> roster,
            List<Person> peers,
            List<Person> moreCoordinators) {}

    static final List<Agency> AGENCIES =
            List.of(
                    new Agency(
                            RIVERSIDE,
                            DANA,
                            RIVERSIDE_COORDINATORS,
                            List.of(PRIYA, SAM, ALEX, JORDAN, CASEY),
                            List.of(PRIYA, SAM),
                            List.of(PRIYA)),
                    new Agency(
                            LAKEVIEW,
                            MORGAN,
                            LAKEVIEW_COORDINATORS,
                            List.of(TAYLOR, RILEY, JAMIE),
                            List.of(TAYLOR),
                            List.of()));

    private DemoData() {}

    private static Person person(
            String id, Workspace w, String name, String handle, boolean admin, String role) {
        return new Person(id, w.workspaceId(), name, handle, ZONE, admin, role);
    }
}
