package org.tenfour.bot.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Function;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.tenfour.bot.checkin.ScheduleText;
import org.tenfour.bot.inbound.Args;
import org.tenfour.bot.inbound.UsageException;
import org.tenfour.bot.inbound.Values;

/**
 * The argument parsers either answer or say what is wrong (UsageException); nothing else escapes.
 */
class ParserProperties {

    @Provide
    Arbitrary<String> commandText() {
        return CommandTextArbitraries.text();
    }

    @Property(tries = 500)
    void args_parse_any_text_and_stay_consistent(@ForAll("commandText") String text) {
        Args args = Args.parse(text);
        assertThat(args.size()).isEqualTo(args.words().size());
        for (int i = 0; i <= args.size(); i++) {
            args.word(i);
            args.raw(i);
            assertThat(args.from(i).size()).isEqualTo(Math.max(0, args.size() - i));
        }
        assertThat(args.userMentions()).allSatisfy(id -> assertThat(id).isNotBlank());
        args.groupMentions();
        args.channelMentions();
        args.plainWords();
        args.joined();
        args.words().forEach(Args::userId);
    }

    @Property(tries = 300)
    void args_parse_arbitrary_unicode(@ForAll String text) {
        Args.parse(text).words();
    }

    private static void answersOrExplains(Function<String, ?> parser, String text) {
        try {
            Object unused = parser.apply(text);
        } catch (UsageException e) {
            assertThat(e.getMessage()).as("a helpful message").isNotBlank();
        }
    }

    @Property(tries = 400)
    void cadence(@ForAll("commandText") String text) {
        answersOrExplains(ScheduleText::cadence, text);
    }

    @Property(tries = 400)
    void hours(@ForAll("commandText") String text) {
        answersOrExplains(ScheduleText::hours, text);
    }

    @Property(tries = 400)
    void days(@ForAll("commandText") String text) {
        answersOrExplains(ScheduleText::days, text);
    }

    @Property(tries = 400)
    void zone(@ForAll("commandText") String text) {
        answersOrExplains(Values::zone, text);
    }

    @Property(tries = 400)
    void span(@ForAll("commandText") String text) {
        answersOrExplains(Values::span, text);
    }

    @Property(tries = 400)
    void date(@ForAll("commandText") String text) {
        answersOrExplains(Values::date, text);
    }

    @Property(tries = 200)
    void every_parser_takes_arbitrary_unicode(@ForAll String text) {
        answersOrExplains(ScheduleText::cadence, text);
        answersOrExplains(ScheduleText::hours, text);
        answersOrExplains(ScheduleText::days, text);
        answersOrExplains(Values::zone, text);
        answersOrExplains(Values::span, text);
        answersOrExplains(Values::date, text);
    }
}
