/**
 * Members' data rights and the expiry of what links people to the program: see everything stored
 * about you ({@code mydata}), erase it ({@code forgetme}), and the daily {@link
 * org.tenfour.bot.privacy.PrivacyRetention} (outbox remains, check-ins, peer assignments, incident
 * labels). What each column holds and when it goes: {@code privacy/data-inventory.csv} in storage.
 */
package org.tenfour.bot.privacy;
