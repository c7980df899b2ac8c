package org.tenfour.adapters.teams;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tenfour.adapters.Button;
import org.tenfour.adapters.Message;

class TeamsTextTest {
    private final TeamsText text = new TeamsText("talk");

    @Test
    void in_a_chat_a_command_is_its_words_alone_and_peer_is_the_talk_word() {
        assertThat(
                        text.render(
                                "Write here, or `/tenfour end` to close it. `/peer now` asks again;"
                                        + " see `/tenfour` for more.",
                                true))
                .isEqualTo(
                        "Write here, or `end` to close it. `talk now` asks again; see `help` for"
                                + " more.");
    }

    @Test
    void in_a_channel_the_bot_is_mentioned_first() {
        assertThat(text.render("Next: `/tenfour roster add @someone`, then `/peer`.", false))
                .isEqualTo("Next: `@TenFour roster add @someone`, then `@TenFour talk`.");
    }

    @Test
    void a_command_named_without_backticks_is_rendered_too_but_not_inside_a_url() {
        assertThat(text.render("use the lines in /tenfour help. (see /peer)", true))
                .isEqualTo("use the lines in `help`. (see `talk`)");
        assertThat(text.render("https://bot.example.org/tenfour/help", true))
                .isEqualTo("https://bot.example.org/tenfour/help");
    }

    @Test
    void notes_and_button_labels_are_rendered_and_ids_and_values_kept() {
        Message rendered =
                text.render(
                        new Message(
                                "`/tenfour end` ends it",
                                List.of("Type `/tenfour help`"),
                                List.of(Button.of("connect.end", "End (/tenfour end)", "v-1"))),
                        true);
        assertThat(rendered.text()).isEqualTo("`end` ends it");
        assertThat(rendered.notes()).containsExactly("Type `help`");
        assertThat(rendered.buttons().get(0).label()).isEqualTo("End (`end`)");
        assertThat(rendered.buttons().get(0).actionId()).isEqualTo("connect.end");
        assertThat(rendered.buttons().get(0).value()).isEqualTo("v-1");
    }
}
