package org.tenfour.bot.inbound;

import java.util.Objects;
import java.util.Set;
import org.tenfour.adapters.Actor;
import org.tenfour.adapters.Address;
import org.tenfour.bot.agency.AgencySettings;
import org.tenfour.bot.words.Language;
import org.tenfour.bot.words.Words;
import org.tenfour.storage.Agency;
import org.tenfour.storage.Member;

/**
 * Who is asking, resolved in the domain: their agency (and its settings, parsed once when the
 * agency was read), their roster entry and their roles.
 *
 * @param where the conversation the event came from
 * @param inCoordinatorChannel whether that is the agency's coordinator channel
 * @param language the language to answer them in (their choice, else their platform's)
 */
public record Caller(
        Actor actor,
        Agency agency,
        AgencySettings settings,
        Member member,
        Set<Role> roles,
        Address where,
        boolean inCoordinatorChannel,
        Language language) {
    public Caller {
        Objects.requireNonNull(actor, "null actor");
        Objects.requireNonNull(agency, "null agency");
        Objects.requireNonNull(settings, "null settings");
        Objects.requireNonNull(member, "null member");
        roles = Set.copyOf(roles);
        Objects.requireNonNull(language, "null language");
    }

    /** What to tell them, in their language. */
    public Words words() {
        return Words.in(language);
    }

    public boolean is(Role role) {
        return roles.contains(role);
    }
}
