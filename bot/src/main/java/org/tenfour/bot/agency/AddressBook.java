package org.tenfour.bot.agency;

import java.util.Optional;
import org.tenfour.adapters.Address;
import org.tenfour.adapters.Platform;
import org.tenfour.storage.Agency;
import org.tenfour.storage.ConversationRef;
import org.tenfour.storage.ConversationRefRepository;
import org.tenfour.storage.Member;
import org.tenfour.storage.Tx;

/**
 * Turns members and channels into platform addresses: the only place that knows a Teams address
 * needs its stored conversation reference.
 */
public final class AddressBook {
    private AddressBook() {}

    /** The member's direct-message address. */
    public static Address member(Tx handle, Agency agency, Member member) {
        return address(handle, agency, Address.Kind.USER, member.platformUserId());
    }

    /** A channel's address (the coordinator channel). */
    public static Address channel(Tx handle, Agency agency, String channelId) {
        return address(handle, agency, Address.Kind.CHANNEL, channelId);
    }

    private static Address address(Tx handle, Agency agency, Address.Kind kind, String id) {
        Platform platform = Platform.fromId(agency.platform());
        if (platform == Platform.TEAMS) {
            String refKind =
                    kind == Address.Kind.USER ? ConversationRef.USER : ConversationRef.CHANNEL;
            Optional<ConversationRef> ref =
                    handle.attach(ConversationRefRepository.class).find(agency.id(), refKind, id);
            if (ref.isPresent()) {
                return new Address(
                        platform,
                        agency.workspaceId(),
                        kind,
                        id,
                        ref.get().serviceUrl(),
                        ref.get().conversationId());
            }
        }
        return new Address(platform, agency.workspaceId(), kind, id, null, null);
    }
}
