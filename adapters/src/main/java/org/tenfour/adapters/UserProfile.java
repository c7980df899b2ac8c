package org.tenfour.adapters;

/**
 * What a platform says about a person, as far as the product needs it.
 *
 * @param displayName the name to show (may be null)
 * @param timeZone an IANA zone id such as {@code America/Chicago} (may be null)
 * @param admin whether the platform reports a workspace/team admin
 * @param locale the person's language as the platform has it ({@code es-ES}), or null
 */
public record UserProfile(String displayName, String timeZone, boolean admin, String locale) {
    /** A profile without a locale. */
    public UserProfile(String displayName, String timeZone, boolean admin) {
        this(displayName, timeZone, admin, null);
    }
}
