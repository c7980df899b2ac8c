/**
 * The Microsoft Teams adapter: speaks the Bot Framework protocol directly (no retired SDK).
 *
 * <p>{@link org.tenfour.adapters.teams.TeamsAdapter} is the entry point: its {@link
 * org.tenfour.adapters.teams.TeamsAdapter#messages()} handler serves {@code POST /api/messages}
 * (JWTs of the Bot Connector or of the bot's own Entra tenant, see {@code TokenVerifier};
 * activities translated into neutral {@link org.tenfour.adapters.InboundEvent}s, a 1:1 chat's
 * commands carrying their text for a relay), and its {@link
 * org.tenfour.adapters.teams.TeamsAdapter#platform()} sends through the Bot Connector REST API with
 * an app token from Microsoft Entra ID (client secret, or a certificate through MSAL4J), every
 * command in the product's text rendered as typed in Teams ({@code TeamsText}). Conversation
 * references learnt from installation events are kept through the {@link
 * org.tenfour.adapters.teams.ConversationReferences} port, which the product implements on its
 * database. {@link org.tenfour.adapters.teams.TeamsAppPackage} writes the zip an admin uploads to
 * Teams. When proactive installs are on, {@link
 * org.tenfour.adapters.teams.TeamsAdapter#installer()} offers the {@link
 * org.tenfour.adapters.teams.AppInstaller} port: TenFour installed through Microsoft Graph (its own
 * token for Graph, same credential) for a person it cannot reach, and their chat kept as their
 * conversation reference.
 *
 * <pre>{@code
 * TeamsAdapter teams = new TeamsAdapter(new TeamsSettings(appId, password, tenantId), handler,
 *         Clock.systemUTC(), references, ActivityLedger.NONE, words);
 * Javalin.create(config -> config.routes.post("/api/messages", teams.messages()));
 * ChatPlatform outbound = teams.platform();
 * }</pre>
 */
package org.tenfour.adapters.teams;
