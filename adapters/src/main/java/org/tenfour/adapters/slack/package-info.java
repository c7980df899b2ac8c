/**
 * The Slack adapter: Bolt for Java hosted in Javalin, translating slash commands, interactivity and
 * Events API callbacks into the neutral {@link org.tenfour.adapters.InboundEvent}s, and speaking
 * the Slack Web API for {@link org.tenfour.adapters.ChatPlatform}. Slack's requests arrive signed
 * over HTTP or, with an app-level token, over a Socket Mode WebSocket this adapter opens ({@code
 * SocketModeLink}); both end in the same checks and the same Bolt listeners.
 *
 * <p>Entry points: {@link org.tenfour.adapters.slack.SlackAdapter} (built from {@link
 * org.tenfour.adapters.slack.SlackSettings}) and {@link org.tenfour.adapters.slack.SlackManifest}.
 * Ports the product implements: {@link org.tenfour.adapters.slack.SlackInstallations} and {@link
 * org.tenfour.adapters.slack.EventLedger}. Everything else is package-private.
 *
 * <pre>{@code
 * SlackAdapter slack = new SlackAdapter(settings, handler, installations, ledger);
 * Javalin.create(config -> {
 *     config.routes.post("/slack/events", slack.events());
 *     config.routes.get("/slack/install", slack.install());
 *     config.routes.get("/slack/oauth_redirect", slack.oauthRedirect());
 * });
 * ChatPlatform platform = slack.platform();
 * slack.start(); // Socket Mode only: opens the link (and keeps it open)
 * }</pre>
 */
package org.tenfour.adapters.slack;
