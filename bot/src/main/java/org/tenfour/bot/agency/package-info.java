/** Agencies (tenants): their settings, who belongs to them, and their roles. */
package org.tenfour.bot.agency;
