package org.tenfour.adapters.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.tenfour.adapters.internal.Jackson;

/** The Teams checker refuses what the schema or the size limit refuses. */
class TeamsPayloadLimitsTest {

    @Test
    void a_card_the_schema_refuses_and_an_activity_too_large_are_reported() throws Exception {
        ObjectNode broken =
                (ObjectNode)
                        Jackson.MAPPER.readTree(
                                """
                                {"type":"AdaptiveCard","version":"1.5",
                                 "body":[{"type":"TextBlock","text":"hi","size":"enormous"}],
                                 "actions":[{"type":"Action.Submit","style":"loud"}]}""");
        assertThat(TeamsPayloadLimits.card(broken)).isNotEmpty();
        broken.put("version", "1.6");
        assertThat(TeamsPayloadLimits.card(broken))
                .anySatisfy(v -> assertThat(v).contains("version"));

        ObjectNode activity =
                TeamsJson.object().put("type", "message").put("text", "x".repeat(30_000));
        assertThat(TeamsPayloadLimits.activity(activity))
                .anySatisfy(v -> assertThat(v).startsWith("activity "));
    }
}
