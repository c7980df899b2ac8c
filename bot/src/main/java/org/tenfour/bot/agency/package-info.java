/**
 * Agencies (tenants): their settings (parsed once into {@link
 * org.tenfour.bot.agency.AgencySettings}, carried by each caller), the platforms they are reached
 * on, how members are addressed, and which time zone a member's times are in. Shared by every
 * feature package; depends on no feature package.
 */
package org.tenfour.bot.agency;
