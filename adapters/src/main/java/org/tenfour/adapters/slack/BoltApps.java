package org.tenfour.adapters.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import java.time.Clock;
import java.util.function.Consumer;

/**
 * Builds the Bolt {@link App}: configuration set explicitly (Bolt otherwise reads {@code SLACK_*}
 * itself).
 */
final class BoltApps {
    static final String INSTALL_PATH = "/slack/install";
    static final String REDIRECT_PATH = "/slack/oauth_redirect";
    static final int CALL_TIMEOUT_MILLIS = 10_000;

    private BoltApps() {}

    static Slack slack(SlackSettings settings) {
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(settings.apiUrl());
        config.setStatsEnabled(false);
        config.setPrettyResponseLoggingEnabled(false);
        config.setHttpClientCallTimeoutMillis(CALL_TIMEOUT_MILLIS);
        return Slack.getInstance(config);
    }

    static App create(
            SlackSettings settings,
            Slack slack,
            SlackInstallations installations,
            Clock clock,
            Consumer<SlackInstallation> onInstalled) {
        AppConfig config =
                AppConfig.builder()
                        .slack(slack)
                        .signingSecret(settings.signingSecret())
                        // SignatureCheck verifies the raw bytes before Bolt parses anything.
                        .requestVerificationEnabled(false)
                        .verificationToken(null)
                        .singleTeamBotToken(settings.botToken())
                        .clientId(settings.clientId())
                        .clientSecret(settings.clientSecret())
                        .scope(String.join(",", settings.scopes()))
                        .userScope(null)
                        .redirectUri(null)
                        .oauthInstallPath(INSTALL_PATH)
                        .oauthRedirectUriPath(REDIRECT_PATH)
                        .oAuthInstallPageRenderingEnabled(false)
                        .oauthCancellationUrl(null)
                        .oauthCompletionUrl(null)
                        .authTestCacheEnabled(true)
                        .allEventsApiAutoAckEnabled(true)
                        .build();
        App app = new App(config);
        if (settings.oauth()) {
            app.asOAuthApp(true);
            app.service(new PortInstallationService(installations, onInstalled));
            app.service(new PortOAuthStateService(installations, clock));
            app.oauthCallbackStateError(
                    (request, response) -> {
                        response.setStatusCode(400);
                        response.setContentType("text/plain; charset=utf-8");
                        response.setBody(
                                "This install link has expired or was already used. Start again at "
                                        + INSTALL_PATH
                                        + ".");
                        return response;
                    });
        }
        return app;
    }
}
