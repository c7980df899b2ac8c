package org.tenfour.bot.connect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tenfour.adapters.Platform;
import org.tenfour.adapters.Reply;
import org.tenfour.storage.Agency;
import org.tenfour.storage.Member;
import org.tenfour.storage.PostgresExtension;
import org.tenfour.storage.TestDatabase;

/** Partner agencies see each other's shared resources, across Slack and Teams, while partners. */
@ExtendWith(PostgresExtension.class)
class SharedResourcesTest {
    private static final Pattern CODE =
            Pattern.compile("\\*([A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4})\\*");
    private final World world;

    SharedResourcesTest(TestDatabase db) {
        this.world = new World(db.jdbi());
    }

    private static String text(Reply reply) {
        return ((Reply.Private) reply).message().text();
    }

    @Test
    void a_partner_sees_only_shared_entries_and_only_while_the_partnership_lasts() {
        Agency fire = world.agency(Platform.SLACK, "Fire District 7");
        Agency ems = world.agency(Platform.TEAMS, "County EMS");
        Member chief = world.coordinator(fire, "Chief Dana");
        Member medic = world.coordinator(ems, "Lead Medic Jo");
        Member member = world.member(ems, "Morgan Lee");
        world.inCoordinatorChannel(
                fire,
                chief,
                "resources add \"Regional Chaplaincy\" \"555-0111\" category:chaplain shared");
        world.inCoordinatorChannel(
                fire, chief, "resources add \"Fire EAP\" \"555-0122\" category:eap");

        assertThat(text(world.command(ems, member, "tenfour", "resources")))
                .as("no partnership yet")
                .doesNotContain("Regional Chaplaincy");

        Matcher m = CODE.matcher(text(world.inCoordinatorChannel(fire, chief, "partner invite")));
        assertThat(m.find()).isTrue();
        world.inCoordinatorChannel(ems, medic, "partner accept " + m.group(1));

        assertThat(text(world.command(ems, member, "tenfour", "resources")))
                .contains("*Regional Chaplaincy* — 555-0111 _(a partner agency's)_")
                .doesNotContain("Fire EAP");

        world.inCoordinatorChannel(ems, medic, "partner end 1");
        assertThat(text(world.command(ems, member, "tenfour", "resources")))
                .doesNotContain("Regional Chaplaincy");
    }
}
