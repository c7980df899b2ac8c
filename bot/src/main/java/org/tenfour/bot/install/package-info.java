/**
 * Installing is not authority: the installer's time-limited right to the first setup ({@link
 * org.tenfour.bot.install.InstallGrants}), who may run setup ({@link
 * org.tenfour.bot.install.SetupAuthority}), and the coordinators' view of grants.
 */
package org.tenfour.bot.install;
