package org.tenfour.bot.connect;

import org.tenfour.adapters.Address;
import org.tenfour.bot.http.Json;
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
        return Json.write(address);
    }

    static Address address(String json) {
        try {
            return Json.MAPPER.readValue(json, Address.class);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("unreadable relay address", e);
        }
    }

    /** A short reference coordinators and peers can quote (the request id's first block). */
    static String ref(java.util.UUID requestId) {
        return requestId.toString().substring(0, 8);
    }
}
