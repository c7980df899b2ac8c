package org.tenfour.bot.connect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tenfour.adapters.Button;
import org.tenfour.adapters.InboundEvent;
import org.tenfour.adapters.Platform;
import org.tenfour.adapters.Reply;
import org.tenfour.bot.testing.PayloadChecks;
import org.tenfour.storage.Agency;
import org.tenfour.storage.Member;
import org.tenfour.storage.Peers;
import org.tenfour.storage.PostgresExtension;
import org.tenfour.storage.TestDatabase;

/**
 * Long content is split or refused on purpose by the product, never by a platform: a directory of
 * 60 peers with full bios comes in pages, the request form lists them all, and a 3,000-character
 * bio gets a clear answer. Every payload passes {@link PayloadChecks} (Slack and Teams limits).
 */
@ExtendWith(PostgresExtension.class)
class LongContentTest {
    private final World world;

    LongContentTest(TestDatabase db) {
        this.world = new World(db.jdbi());
    }

    @Test
    void a_directory_of_sixty_peers_comes_in_pages_that_together_list_everyone_once() {
        Agency agency = world.agency(Platform.SLACK, "Riverside Fire & EMS");
        Agency partner = world.agency(Platform.TEAMS, "Lakeview Police");
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= 60; i++) {
            Agency home = i % 4 == 0 ? partner : agency;
            String name = "Peer Number " + i;
            Member peer = world.peer(home, name, true);
            world.jdbi
                    .onDemand(Peers.class)
                    .setProfile(
                            home.id(),
                            peer.id(),
                            "b".repeat(279) + i,
                            List.of("en", "es"),
                            true,
                            5);
            names.add(name);
        }
        partner(agency, partner);
        Member member = world.member(agency, "Alex Kim");

        Set<String> seen = new LinkedHashSet<>();
        Reply page = world.command(agency, member, "tenfour", "peers");
        int pages = 0;
        while (true) {
            pages++;
            Reply.Private p = (Reply.Private) page;
            for (String name : names) {
                if (p.message().text().contains("*" + name + "*")) {
                    assertThat(seen.add(name)).as(name + " listed once").isTrue();
                }
            }
            Button more =
                    p.message().buttons().stream()
                            .filter(b -> b.label().equals("More peers"))
                            .findFirst()
                            .orElse(null);
            if (more == null) {
                break;
            }
            page =
                    PayloadChecks.checked(
                            world.inbound.handle(
                                    new InboundEvent.ButtonPressed(
                                            World.actor(agency, member),
                                            more.actionId(),
                                            more.value(),
                                            World.dm(agency, member),
                                            null,
                                            null)));
        }
        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactlyInAnyOrderElementsOf(names);

        Reply form = world.command(agency, member, "peer", "today");
        assertThat(form).isInstanceOf(Reply.ShowForm.class);
    }

    @Test
    void a_three_thousand_character_bio_is_answered_with_the_limit_not_refused_by_a_platform() {
        Agency agency = world.agency(Platform.SLACK, "Riverside Fire & EMS");
        Member sam = world.peer(agency, "Sam Ortiz", false);

        Reply reply =
                PayloadChecks.checked(
                        world.inbound.handle(
                                new InboundEvent.FormSubmitted(
                                        World.actor(agency, sam),
                                        PeerDirectory.PROFILE_FORM,
                                        Map.of(
                                                "bio", List.of("x".repeat(3000)),
                                                "weekly_cap", List.of("5")),
                                        "")));

        assertThat(reply).isInstanceOf(Reply.FormErrors.class);
        assertThat(((Reply.FormErrors) reply).errors().get("bio")).contains("280").contains("3000");
    }

    /** The two agencies become partners (so that partner peers are listed). */
    private void partner(Agency agency, Agency partner) {
        world.jdbi.useHandle(
                h ->
                        h.createUpdate(
                                        "insert into partnership (agency_a, agency_b, state, created_at)"
                                                + " values (:a, :b, 'active', now())")
                                .bind("a", agency.id())
                                .bind("b", partner.id())
                                .execute());
    }
}
