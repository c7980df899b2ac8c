package org.tenfour.bot.connect;

import java.io.IOException;
import java.util.UUID;
import org.tenfour.adapters.Address;
import org.tenfour.adapters.internal.Jackson;
import org.tenfour.bot.http.JsonBody;
import org.tenfour.storage.Member;

/** How people are named and keyed in connection requests. */
final class People {
    private People() {}

    /** A person's platform identity, the same from whichever agency's side it is seen. */
    static String key(Address address) {
        return address.platform().id() + ":" + address.workspaceId() + ":" + address.targetId();
    }

    /**
     * The name to show others, never a platform id (which would mean nothing on another platform).
     */
    static String name(Member member) {
        return member.displayName() == null || member.displayName().isBlank()
                ? "a colleague"
                : member.displayName();
    }

    static String json(Address address) {
        return JsonBody.write(address);
    }

    static Address address(String json) {
        try {
            return Jackson.MAPPER.readValue(json, Address.class);
        } catch (IOException e) {
            throw new IllegalStateException("unreadable relay address", e);
        }
    }

    /** A short reference coordinators and peers can quote (the request id's first block). */
    static String ref(UUID requestId) {
        return requestId.toString().substring(0, 8);
    }
}
