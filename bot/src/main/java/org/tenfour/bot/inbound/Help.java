package org.tenfour.bot.inbound;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import org.tenfour.adapters.Message;
import org.tenfour.adapters.Platform;
import org.tenfour.adapters.Reply;
import org.tenfour.bot.agency.AgencySettings;

/** {@code /tenfour help}: what the caller may do, by role, and the crisis lines. */
public final class Help {
    private final List<Subcommand> all;

    Help(Collection<Subcommand> subcommands) {
        this.all =
                subcommands.stream()
                        .sorted(
                                Comparator.comparing(Subcommand::role)
                                        .thenComparing(Subcommand::name))
                        .toList();
    }

    Reply forCaller(Caller caller) {
        StringBuilder text =
                new StringBuilder(
                        "*TenFour — your peer support program.* Type `/peer` to talk to a peer.\n");
        for (Role role : Role.values()) {
            if (!caller.is(role)) {
                continue;
            }
            text.append("\n*").append(title(role)).append("*\n");
            all.stream()
                    .filter(s -> s.role() == role)
                    .forEach(
                            s ->
                                    text.append("• `")
                                            .append(s.usage())
                                            .append("` — ")
                                            .append(s.summary())
                                            .append('\n'));
        }
        AgencySettings settings = AgencySettings.fromJson(caller.agency().settingsJson());
        text.append('\n').append(settings.confidentialityPolicy());
        return new Reply.Private(new Message(text.toString(), settings.crisisLines(), List.of()));
    }

    /** The answer to a direct message outside a relay: nothing is read, here is how to get help. */
    public static Reply notReading(Caller caller) {
        AgencySettings settings = AgencySettings.fromJson(caller.agency().settingsJson());
        boolean teams = caller.actor().address().platform() == Platform.TEAMS;
        return new Reply.Private(
                new Message(
                        "I don't read messages, and nothing you write here is stored. Type "
                                + (teams ? "`help`" : "`/tenfour help`")
                                + " to see what I can do, or "
                                + (teams ? "`talk`" : "`/peer`")
                                + " to reach a trained peer.",
                        settings.crisisLines(),
                        List.of()));
    }

    String shortList(Caller caller) {
        return "Try `/tenfour help` for what you can do.";
    }

    private static String title(Role role) {
        return switch (role) {
            case MEMBER -> "For everyone";
            case PEER -> "For peer supporters";
            case COORDINATOR -> "For coordinators (in the coordinator channel)";
        };
    }
}
