package org.tenfour.bot.agency;

/**
 * What TenFour promises a member, item by item: what is kept about them (the list {@code mydata}
 * shows, in this order) and, said wherever that list appears, what is never kept. The words are in
 * the members' bundle, in English and Spanish ({@code stored.<ITEM>}, {@code stored.never}, {@code
 * stored.summary}: {@code words.Words#stored}); the confidentiality policy and its written
 * exceptions are the agency's ({@link AgencySettings#confidentialityPolicy()}). The welcome, help,
 * the first contact with a peer and {@code mydata} all show these same words.
 */
public final class Promises {
    private Promises() {}

    /** What TenFour keeps about a member, in the order {@code mydata} shows it. */
    public enum Stored {
        PLATFORM_ID,
        PROFILE,
        ROSTER,
        PREFERRED_TIME,
        TAGS,
        ROLES,
        UNREACHABLE,
        CHECK_INS,
        REQUESTS
    }
}
