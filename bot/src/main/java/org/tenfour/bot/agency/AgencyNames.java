package org.tenfour.bot.agency;

import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tenfour.adapters.Platform;
import org.tenfour.storage.Agencies;
import org.tenfour.storage.Agency;
import org.tenfour.storage.Store;

/**
 * An agency's name as people read it. An agency is first known by its platform id (a Slack team
 * {@code T…}, a Teams tenant GUID); no person is ever shown that id. Its name comes from the
 * platform (Slack {@code team.info}) while it has none, or from a coordinator ({@code /tenfour name
 * "Riverside Fire & EMS"}), which the platform never overwrites.
 */
public final class AgencyNames {
    private static final Logger log = LoggerFactory.getLogger(AgencyNames.class);

    /** Longest name an agency may have. */
    public static final int MAX = 80;

    private AgencyNames() {}

    /** Whether the agency has a name of its own (not its platform id). */
    public static boolean named(Agency agency) {
        return !agency.name().isBlank() && !agency.name().equals(agency.workspaceId());
    }

    /**
     * The name {@code viewer}'s people read for {@code agency}: its name, or "your agency" / "a
     * partner agency" while it has none.
     */
    public static String shownTo(Agency agency, Agency viewer) {
        if (named(agency)) {
            return agency.name();
        }
        return agency.id().equals(viewer.id()) ? "your agency" : "a partner agency";
    }

    /** The agency's name for its own people. */
    public static String own(Agency agency) {
        return shownTo(agency, agency);
    }

    /** Why {@code name} cannot be an agency's name, or empty when it can. */
    public static Optional<String> problem(String name) {
        String n = name == null ? "" : name.strip();
        if (n.length() < 2 || n.length() > MAX) {
            return Optional.of("An agency's name is 2 to " + MAX + " characters.");
        }
        if (n.chars().anyMatch(c -> c < ' ' || "<>*_`~|".indexOf(c) >= 0)) {
            return Optional.of(
                    "An agency's name cannot contain line breaks or the characters < > * _ ` ~ |.");
        }
        return Optional.empty();
    }

    /**
     * Names an agency still known by its id from its platform, when the platform says; never fails
     * the caller.
     */
    public static void fromPlatform(Store store, Platforms platforms, Agency agency) {
        if (named(agency)) {
            return;
        }
        try {
            Optional<String> name =
                    platforms
                            .get(Platform.fromId(agency.platform()))
                            .flatMap(p -> p.workspaceName(agency.workspaceId()))
                            .map(String::strip)
                            .filter(n -> problem(n).isEmpty());
            if (name.isPresent()
                    && store.repo(Agencies.class).nameFromPlatform(agency.id(), name.get()) > 0) {
                log.info("agency {} named from its platform", agency.id());
            }
        } catch (RuntimeException e) {
            log.info(
                    "agency {} not named from its platform: {}",
                    agency.id(),
                    e.getClass().getSimpleName());
        }
    }
}
