package org.tenfour.bot.connect;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.tenfour.adapters.Address;
import org.tenfour.adapters.ChatPlatform;
import org.tenfour.adapters.Delivery;
import org.tenfour.adapters.Form;
import org.tenfour.adapters.Message;
import org.tenfour.adapters.Platform;
import org.tenfour.bot.testing.PayloadChecks;

/** The port at its seam: records what would have been sent, updated or opened on one platform. */
final class GroupDmPlatform implements ChatPlatform {
    record Sent(Address to, Message message, Delivery delivery) {}

    record Updated(Address to, Delivery delivery, Message message) {}

    private final Platform platform;
    private final boolean groups;
    private final AtomicInteger ids = new AtomicInteger();
    final List<Sent> sent = new CopyOnWriteArrayList<>();
    final List<Updated> updated = new CopyOnWriteArrayList<>();
    final List<List<Address>> groupsOpened = new CopyOnWriteArrayList<>();

    GroupDmPlatform(Platform platform, boolean groups) {
        this.platform = platform;
        this.groups = groups;
    }

    @Override
    public Platform platform() {
        return platform;
    }

    @Override
    public Delivery send(Address to, Message message) {
        PayloadChecks.check(message);
        Delivery d = new Delivery("D-" + to.targetId(), "m" + ids.incrementAndGet());
        sent.add(new Sent(to, message, d));
        return d;
    }

    @Override
    public void update(Address to, Delivery sent, Message message) {
        PayloadChecks.check(message);
        updated.add(new Updated(to, sent, message));
    }

    @Override
    public void openForm(Address user, String triggerId, Form form) {
        PayloadChecks.check(form, Map.of());
    }

    @Override
    public Optional<Address> openGroupConversation(List<Address> users) {
        if (!groups) {
            return Optional.empty();
        }
        groupsOpened.add(users);
        return Optional.of(
                Address.channel(platform, users.get(0).workspaceId(), "G" + groupsOpened.size()));
    }

    /** Messages sent to one user id (a DM) or channel id. */
    List<Sent> to(String targetId) {
        return sent.stream().filter(s -> s.to().targetId().equals(targetId)).toList();
    }
}
