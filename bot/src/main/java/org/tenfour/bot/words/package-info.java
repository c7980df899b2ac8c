/**
 * The words members read, in English and Spanish: {@link Language} (chosen with {@code language
 * es|en}, else the platform's locale: Slack's {@code users.info} locale, the Teams activity's
 * {@code locale}) and {@link Words}, the resource bundle. Peer and coordinator texts stay English;
 * command words stay as they are in every language.
 */
package org.tenfour.bot.words;
