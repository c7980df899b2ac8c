/**
 * The browser sandbox: a third {@link org.tenfour.adapters.ChatPlatform} ({@code web}) whose "chat
 * servers" are inboxes in this process (kept in a file between runs, private replies and their
 * buttons included) and whose client is a small page at {@code /sandbox}. It plays the part Slack's
 * or Teams' own servers play for the other adapters: everything the product stores still goes
 * through the real domain, database and outbox. The page's API reads and writes records through
 * Javalin's JSON mapping.
 *
 * <p>{@link org.tenfour.adapters.web.WebSandbox} is the entry point; the rest is package-private.
 */
package org.tenfour.adapters.web;
