package org.tenfour.bot.connect;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tenfour.adapters.Platform;
import org.tenfour.adapters.Reply;
import org.tenfour.storage.Agency;
import org.tenfour.storage.Member;
import org.tenfour.storage.PostgresExtension;
import org.tenfour.storage.TestDatabase;

/**
 * A member cannot page peers without end: past three requests in 24 hours they get the crisis lines
 * and an honest word, no peer is asked again, and the coordinators are told once, without a name.
 */
@ExtendWith(PostgresExtension.class)
class AbuseLimitsTest {
    private final World world;

    AbuseLimitsTest(TestDatabase db) {
        this.world = new World(db.jdbi());
    }

    @Test
    void past_three_requests_a_day_a_member_gets_the_crisis_lines_and_coordinators_a_count() {
        Agency agency = world.agency(Platform.SLACK, "Fire District 7");
        Member member = world.member(agency, "Morgan Lee");
        world.peer(agency, "Sam Ortiz", false);
        for (int i = 0; i < RequestLimit.PER_DAY; i++) {
            world.ask(
                    agency,
                    member,
                    World.form("who", "internal", "urgency", "week", "contact", "chat"));
            world.command(agency, member, "tenfour", "end");
        }
        world.deliver();
        int offersBefore = world.slack.sent.size();

        Reply command = world.command(agency, member, "peer", "");
        Reply form =
                world.ask(
                        agency,
                        member,
                        World.form("who", "internal", "urgency", "now", "contact", "chat"));
        world.deliver();

        assertThat(command.toString()).contains("can't open another request until tomorrow");
        assertThat(form.toString()).contains("can't open another request until tomorrow");
        assertThat(world.slack.to(agency.coordinatorChannelId()))
                .singleElement()
                .satisfies(
                        notice ->
                                assertThat(notice.message().text())
                                        .contains("A limit tripped today")
                                        .doesNotContain("Morgan", member.platformUserId()));
        assertThat(world.slack.sent.size())
                .as("no peer asked again; one notice to the coordinators")
                .isEqualTo(offersBefore + 1);

        world.clock.advance(Duration.ofHours(25));
        assertThat(world.command(agency, member, "peer", "").toString())
                .doesNotContain("can't open another request");
    }
}
