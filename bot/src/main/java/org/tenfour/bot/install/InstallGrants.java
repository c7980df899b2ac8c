package org.tenfour.bot.install;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tenfour.adapters.Address;
import org.tenfour.adapters.InboundEvent;
import org.tenfour.adapters.Platform;
import org.tenfour.adapters.Reply;
import org.tenfour.bot.inbound.Args;
import org.tenfour.bot.inbound.Caller;
import org.tenfour.bot.inbound.Feature;
import org.tenfour.bot.inbound.Subcommand;
import org.tenfour.bot.inbound.UsageException;
import org.tenfour.storage.AuditLog;
import org.tenfour.storage.SetupGrant;
import org.tenfour.storage.SetupGrants;
import org.tenfour.storage.Store;

/**
 * Installing is not authority. The person who installs TenFour in a team (Teams: not a personal or
 * org-wide install) or through Slack's OAuth flow gets a {@link SetupGrant}: the right to run the
 * first {@code setup}, for {@link #VALIDITY}, once, and only while the agency has no coordinator (a
 * Slack grant also needs its holder to be a workspace admin when used). An install into an agency
 * that has coordinators is recorded the same way, so they see it, but grants nothing. Coordinators
 * see recent grants and revoke open ones with {@code /tenfour grants}; every grant, use and
 * revocation is in the audit log.
 */
public final class InstallGrants implements Feature {
    private static final Logger log = LoggerFactory.getLogger(InstallGrants.class);

    /** How long an installer may wait before running the first setup. */
    public static final Duration VALIDITY = Duration.ofDays(7);

    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("d MMM yyyy HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final Store store;
    private final Clock clock;

    public InstallGrants(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public InstallAction installs() {
        return this::installed;
    }

    @Override
    public Map<Subcommand, Subcommand.Action> subcommands() {
        return Map.of(Subcommand.GRANTS, this::grants);
    }

    private void installed(Caller installer, InboundEvent.MembershipChanged event) {
        Address where = event.conversation();
        SetupGrant.Source source;
        if (where.platform() == Platform.TEAMS && where.kind() == Address.Kind.CHANNEL) {
            source = SetupGrant.Source.TEAMS_TEAM_INSTALL;
        } else if (where.platform() == Platform.SLACK) {
            source = SetupGrant.Source.SLACK_OAUTH_INSTALL;
        } else {
            // a personal install (including every one an org-wide policy makes) grants nothing
            return;
        }
        // recorded even when coordinators exist: it then grants nothing, but they see the install
        Instant now = clock.instant();
        Instant until = now.plus(VALIDITY);
        store.useTransaction(
                h -> {
                    long id =
                            h.attach(SetupGrants.class)
                                    .grant(
                                            installer.agency().id(),
                                            installer.member().id(),
                                            source,
                                            now,
                                            until);
                    h.attach(AuditLog.class)
                            .record(
                                    installer.agency().id(),
                                    installer.member().platformUserId(),
                                    "setup grant",
                                    null,
                                    "#"
                                            + id
                                            + " "
                                            + describe(source)
                                            + ", until "
                                            + DAY.format(until),
                                    now);
                });
        log.info("setup grant recorded for the installer in agency {}", installer.agency().id());
    }

    private Reply grants(Caller caller, Args args, String trigger) {
        Instant now = clock.instant();
        SetupGrants grants = store.repo(SetupGrants.class);
        if (args.isEmpty()) {
            List<SetupGrant> recent =
                    grants.since(caller.agency().id(), now.minus(Duration.ofDays(30)));
            if (recent.isEmpty()) {
                return Reply.text(
                        "No setup grants in the last 30 days. Installing TenFour gives nobody any power over the program.");
            }
            StringBuilder text = new StringBuilder("*Setup grants, last 30 days*\n");
            for (SetupGrant g : recent) {
                text.append("• #")
                        .append(g.id())
                        .append(" <@")
                        .append(g.platformUserId())
                        .append("> — ")
                        .append(describe(g.source()))
                        .append(", ")
                        .append(DAY.format(g.grantedAt()))
                        .append(": ")
                        .append(state(g, now))
                        .append('\n');
            }
            return Reply.text(
                    text.append("`/tenfour grants revoke` ends every open one.").toString());
        }
        if (!args.word(0).equals("revoke")) {
            throw new UsageException("Say `grants` or `grants revoke`.");
        }
        int revoked =
                store.inTransaction(
                        h -> {
                            SetupGrants tx = h.attach(SetupGrants.class);
                            int n;
                            if (args.size() > 1) {
                                long id = number(args.word(1));
                                n =
                                        tx.close(
                                                        caller.agency().id(),
                                                        id,
                                                        SetupGrant.Outcome.REVOKED,
                                                        now)
                                                ? 1
                                                : 0;
                            } else {
                                n =
                                        tx.closeAll(
                                                caller.agency().id(),
                                                SetupGrant.Outcome.REVOKED,
                                                now);
                            }
                            if (n > 0) {
                                h.attach(AuditLog.class)
                                        .record(
                                                caller.agency().id(),
                                                caller.member().platformUserId(),
                                                "setup grant",
                                                "open",
                                                "revoked (" + n + ")",
                                                now);
                            }
                            return n;
                        });
        return Reply.text(
                revoked == 0
                        ? "There was no open grant to revoke."
                        : "Revoked " + revoked + (revoked == 1 ? " grant." : " grants."));
    }

    private static long number(String word) {
        try {
            return Long.parseLong(word.startsWith("#") ? word.substring(1) : word);
        } catch (NumberFormatException e) {
            throw new UsageException("Give the grant's number, like `grants revoke 3`.");
        }
    }

    private static String state(SetupGrant g, Instant now) {
        if (g.outcome() != null) {
            return switch (g.outcome()) {
                case USED -> "used to set up the coordinator channel";
                case REVOKED -> "revoked";
                case SUPERSEDED -> "void (someone else ran the first setup)";
            };
        }
        return g.pendingAt(now) ? "open until " + DAY.format(g.expiresAt()) : "expired unused";
    }

    static String describe(SetupGrant.Source source) {
        return switch (source) {
            case TEAMS_TEAM_INSTALL -> "installed in a Teams team";
            case SLACK_OAUTH_INSTALL -> "installed through Slack OAuth";
        };
    }
}
