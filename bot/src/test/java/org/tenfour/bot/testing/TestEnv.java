package org.tenfour.bot.testing;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.tenfour.adapters.slack.FakeSlackApi;
import org.tenfour.adapters.slack.SlackRequests;
import org.tenfour.adapters.teams.Activities;
import org.tenfour.adapters.teams.FakeGraph;
import org.tenfour.adapters.teams.FakeMicrosoft;
import org.tenfour.bot.Settings;

/**
 * The environment a test starts the real {@code Application} with: the database and data directory,
 * then Slack against a {@link FakeSlackApi} and Teams against a {@link FakeMicrosoft}, as each test
 * needs.
 */
public final class TestEnv {
    private final Map<String, String> env = new HashMap<>();

    private TestEnv() {}

    /** Port 0, the embedded database at {@code jdbcUrl} (user postgres) and {@code dir}. */
    public static TestEnv on(String jdbcUrl, Path dir) {
        return new TestEnv()
                .with("PORT", "0")
                .with("DATABASE_URL", jdbcUrl)
                .with("DATABASE_USER", "postgres")
                .with("TENFOUR_DATA_DIR", dir.toString());
    }

    /** Slack over HTTP, signed with {@link SlackRequests#SECRET}, against {@code slack}. */
    public TestEnv slack(FakeSlackApi slack, String botToken) {
        return with("SLACK_SIGNING_SECRET", SlackRequests.SECRET)
                .with("SLACK_BOT_TOKEN", botToken)
                .with("SLACK_API_URL", slack.apiUrl());
    }

    /** Teams for the tenant of {@link Activities}, tokens and keys from {@code microsoft}. */
    public TestEnv teams(FakeMicrosoft microsoft) {
        return with("TEAMS_APP_ID", FakeMicrosoft.CLIENT_ID)
                .with("TEAMS_APP_PASSWORD", FakeMicrosoft.CLIENT_SECRET)
                .with("TEAMS_TENANT_ID", Activities.TENANT)
                .with("TEAMS_OPENID_METADATA_URL", microsoft.baseUrl() + "/openid")
                .with("TEAMS_TOKEN_URL", microsoft.baseUrl() + "/tenant/token");
    }

    /** Proactive installs on, against {@code graph}, one person a second (with {@link #teams}). */
    public TestEnv graph(FakeGraph graph) {
        return with("TEAMS_PROACTIVE_INSTALL", "on")
                .with("TEAMS_APP_CATALOG_ID", FakeGraph.CATALOG_ID)
                .with("TEAMS_GRAPH_URL", graph.url())
                .with("TEAMS_PROACTIVE_INSTALL_INTERVAL_SECONDS", "1")
                .with("TEAMS_PROACTIVE_INSTALL_PER_MINUTE", "60");
    }

    public TestEnv with(String name, String value) {
        env.put(name, value);
        return this;
    }

    public TestEnv with(Map<String, String> more) {
        env.putAll(more);
        return this;
    }

    public Settings settings() {
        return Settings.fromEnv(env);
    }
}
