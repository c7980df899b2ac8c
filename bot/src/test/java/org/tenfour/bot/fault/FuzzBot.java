package org.tenfour.bot.fault;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.tenfour.storage.TestDatabase;

/** {@link LiveBot} for tests outside this package (the fuzzers). */
public final class FuzzBot implements AutoCloseable {
    private final LiveBot bot;

    private FuzzBot(LiveBot bot) {
        this.bot = bot;
    }

    public static FuzzBot start(TestDatabase db, Path dir) {
        return new FuzzBot(new LiveBot(db, dir));
    }

    public HttpResponse<String> slackSigned(String contentType, String body) {
        return bot.slackSigned(contentType, body);
    }

    public HttpResponse<String> teamsSigned(String activityJson) {
        return bot.teamsSigned(activityJson);
    }

    public String teamsServiceUrl() {
        return bot.microsoft.serviceUrl();
    }

    @Override
    public void close() {
        bot.close();
    }
}
