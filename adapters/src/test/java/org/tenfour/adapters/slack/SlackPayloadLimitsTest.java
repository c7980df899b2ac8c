package org.tenfour.adapters.slack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The Slack limits checker finds what Slack would refuse (so that a clean result means something).
 */
class SlackPayloadLimitsTest {

    @Test
    void the_checker_names_each_limit_a_payload_breaks() {
        String blocks =
                """
                [{"type":"section","text":{"type":"mrkdwn","text":"%s"}},
                 {"type":"actions","elements":[
                   {"type":"button","action_id":"a","text":{"type":"plain_text","text":"%s"},"value":"%s"},
                   {"type":"button","action_id":"a","text":{"type":"plain_text","text":""},"value":"v"}]},
                 {"type":"input","block_id":"f","label":{"type":"plain_text","text":"F"},
                  "element":{"type":"static_select","action_id":"f","options":[]}}]"""
                        .formatted("x".repeat(3001), "y".repeat(76), "z".repeat(2001));

        assertThat(SlackPayloadLimits.ofBlocks(blocks))
                .anySatisfy(v -> assertThat(v).startsWith("section text 3001"))
                .anySatisfy(v -> assertThat(v).startsWith("button text 76"))
                .anySatisfy(v -> assertThat(v).startsWith("button value 2001"))
                .anySatisfy(v -> assertThat(v).isEqualTo("action_id not unique: a"))
                .anySatisfy(v -> assertThat(v).isEqualTo("button text empty"))
                .anySatisfy(v -> assertThat(v).startsWith("static_select options 0"));
        assertThat(
                        SlackPayloadLimits.ofBlocks(
                                "["
                                        + "{\"type\":\"divider\"},".repeat(50)
                                        + "{\"type\":\"divider\"}]"))
                .contains("message blocks 51 > 50");
    }
}
