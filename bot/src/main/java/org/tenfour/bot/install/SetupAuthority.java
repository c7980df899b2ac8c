package org.tenfour.bot.install;

import java.time.Instant;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.tenfour.bot.inbound.Caller;
import org.tenfour.bot.inbound.Role;
import org.tenfour.storage.AuditLog;
import org.tenfour.storage.SetupGrant;
import org.tenfour.storage.SetupGrants;
import org.tenfour.storage.Store;
import org.tenfour.storage.Tx;

/**
 * Who may run {@code setup}: a coordinator, always; before the agency has any coordinator, the
 * holder of an open {@link SetupGrant} (a Slack one only while they are a workspace admin), a demo
 * admin of the sandbox, or — where TenFour never saw an install (one Slack workspace configured
 * with a bot token) — a Slack workspace admin. Nobody else, and nobody once coordinators exist.
 */
public final class SetupAuthority {
    private SetupAuthority() {}

    /**
     * Empty when {@code caller} may run setup now; else the polite refusal.
     *
     * @param firstSetup whether the agency has no coordinator yet
     * @param workspaceAdmin asks the platform whether the caller is a workspace admin (Slack)
     */
    public static Optional<String> refusal(
            Store store,
            Caller caller,
            boolean firstSetup,
            BooleanSupplier workspaceAdmin,
            Instant now) {
        if (caller.is(Role.COORDINATOR)) {
            return Optional.empty();
        }
        if (!firstSetup) {
            return Optional.of(caller.words().get("setup.alreadyDone"));
        }
        if (caller.actor().platformAdmin()) {
            return Optional.empty();
        }
        SetupGrants grants = store.repo(SetupGrants.class);
        Optional<SetupGrant> grant =
                grants.pending(caller.agency().id(), caller.member().id(), now);
        boolean allowed =
                grant.isPresent()
                        ? grant.get().source() == SetupGrant.Source.TEAMS_TEAM_INSTALL
                                || workspaceAdmin.getAsBoolean()
                        : !grants.any(caller.agency().id()) && workspaceAdmin.getAsBoolean();
        return allowed
                ? Optional.empty()
                : Optional.of(
                        caller.words().get("setup.notAllowed", InstallGrants.VALIDITY.toDays()));
    }

    /**
     * After a first setup by {@code caller}: their grant is used, every other open one is void;
     * both recorded in the audit log.
     */
    public static void firstSetupDone(Tx h, Caller caller, Instant now) {
        SetupGrants grants = h.attach(SetupGrants.class);
        Optional<SetupGrant> own = grants.pending(caller.agency().id(), caller.member().id(), now);
        own.ifPresent(
                g -> grants.close(caller.agency().id(), g.id(), SetupGrant.Outcome.USED, now));
        int superseded = grants.closeAll(caller.agency().id(), SetupGrant.Outcome.SUPERSEDED, now);
        if (own.isPresent() || superseded > 0) {
            h.attach(AuditLog.class)
                    .record(
                            caller.agency().id(),
                            caller.member().platformUserId(),
                            "setup grant",
                            "open",
                            (own.isPresent() ? "#" + own.get().id() + " used" : "none used")
                                    + (superseded > 0 ? ", " + superseded + " void" : ""),
                            now);
        }
    }
}
