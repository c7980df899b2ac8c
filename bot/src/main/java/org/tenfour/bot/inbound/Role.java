package org.tenfour.bot.inbound;

/** What a person may do; one person can hold several roles. */
public enum Role {
    MEMBER,
    PEER,
    COORDINATOR
}
