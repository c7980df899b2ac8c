package org.tenfour.bot.fuzz;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * Command text as people (and attackers) type it: near-valid words, mentions, quotes, numbers,
 * junk.
 */
final class CommandTextArbitraries {
    private CommandTextArbitraries() {}

    static Arbitrary<String> fragment() {
        return Arbitraries.oneOf(
                Arbitraries.of(
                        "every",
                        "days",
                        "day",
                        "weeks",
                        "w",
                        "d",
                        "m",
                        "weekly",
                        "monthly",
                        "off",
                        "on",
                        "mon",
                        "tue",
                        "sat-sun",
                        "mon-fri",
                        "mon,wed",
                        "every day",
                        "-",
                        ":",
                        ",",
                        "\"",
                        "'",
                        "`",
                        "08:00-18:00",
                        "0800-1800",
                        "25:00-99:99",
                        "00:00-00:00",
                        "America/Chicago",
                        "Mars/Olympus",
                        "<@U123>",
                        "<@U123|pat>",
                        "<@>",
                        "<!subteam^S1|team>",
                        "<#C1|x>",
                        "<#>",
                        "<at>Bob</at>",
                        "unit:Engine-7",
                        "supervisor:<@U9>",
                        "add",
                        "remove",
                        "from",
                        "tag",
                        "list",
                        "month",
                        "quarter",
                        "year",
                        "2026-12-10",
                        "2026-02-30",
                        "9999-99-99",
                        "\u0000",
                        "\u202e",
                        "😀",
                        "\t",
                        "\n",
                        "  "),
                Arbitraries.integers().between(-5, 5).map(String::valueOf),
                Arbitraries.longs().map(String::valueOf),
                Arbitraries.strings().ofMaxLength(12),
                Arbitraries.strings().withChars("0123456789:-/,@<>|\"'` ").ofMaxLength(20));
    }

    /** Up to eight fragments joined by spaces (sometimes none). */
    static Arbitrary<String> text() {
        return fragment().list().ofMaxSize(8).map(l -> String.join(" ", l));
    }
}
