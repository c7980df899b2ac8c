package org.tenfour.bot.checkin;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.tenfour.adapters.Reply;
import org.tenfour.bot.agency.AgencyNames;
import org.tenfour.bot.agency.Platforms;
import org.tenfour.bot.inbound.Args;
import org.tenfour.bot.inbound.Caller;
import org.tenfour.bot.inbound.Feature;
import org.tenfour.bot.inbound.Subcommand;
import org.tenfour.bot.inbound.UsageException;
import org.tenfour.storage.Agencies;
import org.tenfour.storage.AuditLog;
import org.tenfour.storage.Store;

/**
 * {@code /tenfour name "Riverside Fire & EMS"}: the agency's name, as partners and members read it.
 */
public final class AgencyNaming implements Feature {
    private final Store store;
    private final Clock clock;
    private final Platforms platforms;

    public AgencyNaming(Store store, Clock clock, Platforms platforms) {
        this.store = store;
        this.clock = clock;
        this.platforms = platforms;
    }

    @Override
    public Map<Subcommand, Subcommand.Action> subcommands() {
        return Map.of(Subcommand.NAME, this::name);
    }

    @Override
    public InstallAction installs() {
        return (caller, event) -> AgencyNames.fromPlatform(store, platforms, caller.agency());
    }

    private Reply name(Caller caller, Args args, String trigger) {
        if (args.isEmpty()) {
            return Reply.text(
                    AgencyNames.named(caller.agency())
                            ? "Partner agencies and your members read your agency's name as *"
                                    + caller.agency().name()
                                    + "*. `/tenfour name \"New name\"` changes it."
                            : "Your agency has no name yet: partners read \"a partner agency\". "
                                    + "Give it one with `/tenfour name \"Riverside Fire & EMS\"`.");
        }
        String name = String.join(" ", args.words()).strip();
        AgencyNames.problem(name)
                .ifPresent(
                        p -> {
                            throw new UsageException(p);
                        });
        Instant now = clock.instant();
        String before = AgencyNames.named(caller.agency()) ? caller.agency().name() : null;
        store.useTransaction(
                h -> {
                    h.attach(Agencies.class).rename(caller.agency().id(), name);
                    h.attach(AuditLog.class)
                            .record(
                                    caller.agency().id(),
                                    caller.member().platformUserId(),
                                    "agency name",
                                    before,
                                    name,
                                    now);
                });
        return Reply.text(
                "Your agency is now *" + name + "* for partner agencies and your members.");
    }
}
