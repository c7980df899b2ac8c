package org.tenfour.bot.connect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tenfour.adapters.Platform;
import org.tenfour.adapters.Reply;
import org.tenfour.storage.Agencies;
import org.tenfour.storage.Agency;
import org.tenfour.storage.ConnectionRequest;
import org.tenfour.storage.Member;
import org.tenfour.storage.PostgresExtension;
import org.tenfour.storage.TestDatabase;

/**
 * Agencies first known only by their platform ids (a Slack team, a Teams tenant) are never named by
 * them: partnership and cross-agency texts say "a partner agency" until a coordinator names theirs.
 */
@ExtendWith(PostgresExtension.class)
class AgencyNamesTest {
    private static final Pattern CODE =
            Pattern.compile("\\*([A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4})\\*");
    private static final String SLACK_TEAM = "T0TENFOUR";
    private static final String TENANT = "72f988bf-0000-4a1b-9c2d-00000000beef";
    private final World world;
    private final List<String> shown = new ArrayList<>();

    AgencyNamesTest(TestDatabase db) {
        this.world = new World(db.jdbi());
        db.jdbi().useHandle(h -> h.execute("delete from agency"));
    }

    private Agency knownByItsId(Platform platform, String workspace) {
        Agencies agencies = world.jdbi.onDemand(Agencies.class);
        Agency a = agencies.upsert(platform.id(), workspace, workspace);
        agencies.setCoordinatorChannel(a.id(), "CCOORD-" + platform.id());
        return agencies.find(a.id()).orElseThrow();
    }

    private String said(Reply reply) {
        String text = reply instanceof Reply.Private p ? p.message().toString() : reply.toString();
        shown.add(text);
        return text;
    }

    @Test
    void partnership_and_cross_agency_offer_texts_never_show_a_team_or_tenant_id() {
        Agency slack = knownByItsId(Platform.SLACK, SLACK_TEAM);
        Agency teams = knownByItsId(Platform.TEAMS, TENANT);
        Member chief = world.coordinator(slack, "Chief Dana");
        Member medic = world.coordinator(teams, "Lead Medic Jo");
        Member member = world.member(slack, "Morgan Lee");
        Member quinn = world.peer(teams, "Quinn Hale", true);

        Matcher code =
                CODE.matcher(said(world.inCoordinatorChannel(slack, chief, "partner invite")));
        assertThat(code.find()).isTrue();
        said(world.inCoordinatorChannel(teams, medic, "partner accept " + code.group(1)));
        said(world.inCoordinatorChannel(slack, chief, "partner list"));
        said(world.command(slack, member, "tenfour", "peers"));
        said(world.command(slack, member, "peer", ""));
        said(
                world.ask(
                        slack,
                        member,
                        World.form("who", "partner", "urgency", "today", "contact", "chat")));
        world.deliver();
        ConnectionRequest r = world.only(slack);
        var offer = world.lastOffer(world.teams, quinn);
        said(world.press(teams, quinn, ConnectMessages.ACCEPT, r.id(), offer.delivery()));
        world.deliver();

        world.slack.sent.forEach(s -> shown.add(s.message().toString()));
        world.teams.sent.forEach(s -> shown.add(s.message().toString()));
        assertThat(shown)
                .isNotEmpty()
                .allSatisfy(t -> assertThat(t).doesNotContain(SLACK_TEAM).doesNotContain(TENANT));
        assertThat(String.join("\n", shown))
                .contains("You are now partners with *a partner agency*")
                .contains("a partner agency");
    }

    @Test
    void a_coordinator_names_the_agency_and_partners_read_that_name() {
        Agency slack = knownByItsId(Platform.SLACK, SLACK_TEAM);
        Agency teams = knownByItsId(Platform.TEAMS, TENANT);
        Member chief = world.coordinator(slack, "Chief Dana");
        Member medic = world.coordinator(teams, "Lead Medic Jo");
        Matcher code =
                CODE.matcher(said(world.inCoordinatorChannel(slack, chief, "partner invite")));
        assertThat(code.find()).isTrue();
        world.inCoordinatorChannel(teams, medic, "partner accept " + code.group(1));

        assertThat(said(world.inCoordinatorChannel(teams, medic, "name"))).contains("no name yet");
        assertThat(said(world.inCoordinatorChannel(teams, medic, "name \"Riverside Fire & EMS\"")))
                .contains("Your agency is now *Riverside Fire & EMS*");
        assertThat(said(world.inCoordinatorChannel(slack, chief, "partner list")))
                .contains("Riverside Fire & EMS");
        assertThat(said(world.inCoordinatorChannel(teams, medic, "name \"<!channel> *x*\"")))
                .contains("cannot contain");
        assertThat(said(world.inCoordinatorChannel(teams, medic, "name \"R\"")))
                .contains("2 to 80 characters");
        assertThat(
                        said(
                                world.command(
                                        teams,
                                        world.member(teams, "Sam"),
                                        "tenfour",
                                        "name \"Mine\"")))
                .contains("Only the program's coordinators");
        assertThat(world.jdbi.onDemand(Agencies.class).find(teams.id()).orElseThrow().name())
                .isEqualTo("Riverside Fire & EMS");
    }
}
