package org.tenfour.bot.agency;

import java.util.Map;
import java.util.Optional;
import org.tenfour.adapters.Address;
import org.tenfour.adapters.ChatPlatform;
import org.tenfour.adapters.Platform;
import org.tenfour.adapters.UserProfile;

/** The configured chat platforms, by kind. */
public final class Platforms {
    private final Map<Platform, ChatPlatform> byKind;

    public Platforms(Map<Platform, ChatPlatform> byKind) {
        this.byKind = Map.copyOf(byKind);
    }

    public Map<Platform, ChatPlatform> all() {
        return byKind;
    }

    public Optional<ChatPlatform> get(Platform platform) {
        return Optional.ofNullable(byKind.get(platform));
    }

    /** The person's profile, when their platform is configured and answers. */
    public Optional<UserProfile> profile(Address user) {
        try {
            return get(user.platform()).flatMap(p -> p.profile(user));
        } catch (RuntimeException e) {
            return Optional.empty(); // a profile is a nicety: never fail a command for it
        }
    }
}
