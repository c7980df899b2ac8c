package org.tenfour.adapters.teams;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Test activities shaped like the ones Teams sends. */
public final class Activities {
    public static final String BOT = "28:" + FakeMicrosoft.CLIENT_ID;
    public static final String USER = "29:user-alice";
    public static final String TENANT = "tenant-1";
    public static final String PERSONAL_CONVERSATION = "a:1on1-alice";
    public static final String CHANNEL = "19:general@thread.tacv2";

    private Activities() {}

    /** A message in the user's 1:1 chat with the bot. */
    public static ObjectNode personalMessage(String serviceUrl, String text) {
        ObjectNode a = base("message", serviceUrl).put("text", text);
        a.putObject("conversation")
                .put("id", PERSONAL_CONVERSATION)
                .put("conversationType", "personal")
                .put("tenantId", TENANT);
        return a;
    }

    /** A channel message that @mentions the bot. */
    public static ObjectNode channelMention(String serviceUrl, String rest) {
        ObjectNode a = base("message", serviceUrl).put("text", "<at>TenFour</at> " + rest);
        a.putObject("conversation")
                .put("id", CHANNEL + ";messageid=1700000000000")
                .put("conversationType", "channel")
                .put("tenantId", TENANT);
        ObjectNode mention =
                a.putArray("entities")
                        .addObject()
                        .put("type", "mention")
                        .put("text", "<at>TenFour</at>");
        mention.putObject("mentioned").put("id", BOT).put("name", "TenFour");
        ObjectNode channelData = a.putObject("channelData");
        channelData.putObject("channel").put("id", CHANNEL);
        channelData.putObject("team").put("id", CHANNEL);
        channelData.putObject("tenant").put("id", TENANT);
        return a;
    }

    /** The bot added to a team: a conversationUpdate in the team's General channel. */
    public static ObjectNode botAddedToTeam(String serviceUrl) {
        ObjectNode a = base("conversationUpdate", serviceUrl);
        a.putObject("conversation")
                .put("id", CHANNEL)
                .put("conversationType", "channel")
                .put("tenantId", TENANT);
        a.putArray("membersAdded").addObject().put("id", BOT);
        ObjectNode channelData = a.putObject("channelData");
        channelData.putObject("team").put("id", CHANNEL);
        channelData.putObject("tenant").put("id", TENANT);
        return a;
    }

    public static ObjectNode base(String type, String serviceUrl) {
        ObjectNode a =
                TeamsJson.object()
                        .put("type", type)
                        .put("id", "incoming-1")
                        .put("channelId", "msteams")
                        .put("serviceUrl", serviceUrl)
                        .put("timestamp", "2026-05-01T12:00:00Z");
        a.putObject("from").put("id", USER).put("name", "Alice").put("aadObjectId", "aad-alice");
        a.putObject("recipient").put("id", BOT).put("name", "TenFour");
        return a;
    }
}
