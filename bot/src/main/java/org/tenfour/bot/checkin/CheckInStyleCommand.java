package org.tenfour.bot.checkin;

import java.time.Clock;
import java.util.Map;
import org.tenfour.adapters.Reply;
import org.tenfour.bot.inbound.Args;
import org.tenfour.bot.inbound.Audit;
import org.tenfour.bot.inbound.Caller;
import org.tenfour.bot.inbound.Feature;
import org.tenfour.bot.inbound.Subcommand;
import org.tenfour.bot.inbound.UsageException;
import org.tenfour.storage.CheckInStyles;
import org.tenfour.storage.Store;

/**
 * {@code /tenfour checkin style continuum|simple}: which check-in the agency's members get from the
 * next planned one on. Check-ins already queued keep the question they were planned with.
 */
public final class CheckInStyleCommand implements Feature {
    private final Store store;
    private final Clock clock;

    public CheckInStyleCommand(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public Map<Subcommand, Subcommand.Action> subcommands() {
        return Map.of(Subcommand.CHECKIN, this::checkin);
    }

    private Reply checkin(Caller caller, Args args, String trigger) {
        if (args.isEmpty()) {
            CheckInStyle now = store.withConnection(h -> CheckInStyle.of(h, caller.agency().id()));
            return Reply.text("Check-ins ask " + describe(now) + ".");
        }
        if (!args.word(0).equals("style")) {
            throw new UsageException("Say `checkin style continuum` or `checkin style simple`.");
        }
        CheckInStyle style =
                CheckInStyle.parse(args.word(1))
                        .orElseThrow(
                                () ->
                                        new UsageException(
                                                "Choose `continuum` or `simple`, not `"
                                                        + args.raw(1)
                                                        + "`."));
        store.useTransaction(
                h -> {
                    CheckInStyle old = CheckInStyle.of(h, caller.agency().id());
                    h.attach(CheckInStyles.class).set(caller.agency().id(), style.word());
                    Audit.change(
                            h, caller, "check-in style", old.word(), style.word(), clock.instant());
                });
        return Reply.text(
                "Check-ins now ask "
                        + describe(style)
                        + ". Check-ins already planned keep their question.");
    }

    private static String describe(CheckInStyle style) {
        return style == CheckInStyle.CONTINUUM
                ? "where the member is on the stress continuum — Ready (green), Reacting (yellow),"
                        + " Injured (orange), Ill (red); the colour is only ever counted per week,"
                        + " never kept with the member"
                : "for one of three answers: I'm OK, I'd like to talk, Not now";
    }
}
