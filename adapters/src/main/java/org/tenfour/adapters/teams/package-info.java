/**
 * The Microsoft Teams adapter: speaks the Bot Framework protocol directly (no retired SDK).
 *
 * <p>{@link org.tenfour.adapters.teams.TeamsAdapter} is the entry point: its {@link
 * org.tenfour.adapters.teams.TeamsAdapter#messages()} handler serves {@code POST /api/messages}
 * (JWT validated per the Bot Connector authentication spec, activities translated into neutral
 * {@link org.tenfour.adapters.InboundEvent}s), and its {@link
 * org.tenfour.adapters.teams.TeamsAdapter#platform()} sends through the Bot Connector REST API with
 * an app token from Microsoft Entra ID. Conversation references learnt from installation events are
 * kept through the {@link org.tenfour.adapters.teams.ConversationReferences} port, which the
 * product implements on its database. {@link org.tenfour.adapters.teams.TeamsAppPackage} writes the
 * zip an admin uploads to Teams.
 *
 * <pre>{@code
 * TeamsAdapter teams = new TeamsAdapter(new TeamsSettings(appId, password, tenantId), handler,
 *         Clock.systemUTC(), references, ActivityLedger.NONE, words);
 * Javalin.create(config -> config.routes.post("/api/messages", teams.messages()));
 * ChatPlatform outbound = teams.platform();
 * }</pre>
 */
package org.tenfour.adapters.teams;
