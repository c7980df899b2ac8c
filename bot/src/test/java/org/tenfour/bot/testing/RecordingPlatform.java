package org.tenfour.bot.testing;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.tenfour.adapters.Address;
import org.tenfour.adapters.ChatPlatform;
import org.tenfour.adapters.ChatPlatformException;
import org.tenfour.adapters.Delivery;
import org.tenfour.adapters.FileUpload;
import org.tenfour.adapters.Form;
import org.tenfour.adapters.Message;
import org.tenfour.adapters.Platform;
import org.tenfour.adapters.UserProfile;

/**
 * A chat platform for domain tests (a unit seam for the outbox): records what was sent and can be
 * told to fail the next calls. Platform adapters have their own tests against fake servers.
 */
public final class RecordingPlatform implements ChatPlatform {
    /** One call. */
    public record Sent(
            Address to, Message message, Delivery delivery, boolean update, FileUpload file) {
        Sent(Address to, Message message, Delivery delivery, boolean update) {
            this(to, message, delivery, update, null);
        }
    }

    private final Platform platform;
    private final List<Sent> sent = new CopyOnWriteArrayList<>();
    private final Deque<Supplier<RuntimeException>> failures = new ArrayDeque<>();
    private final Map<String, UserProfile> profiles = new ConcurrentHashMap<>();
    private final Map<String, List<String>> groups = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();

    public RecordingPlatform(Platform platform) {
        this.platform = platform;
    }

    @Override
    public Platform platform() {
        return platform;
    }

    /** The next call fails with this. */
    public synchronized void failNext(Supplier<RuntimeException> failure) {
        failures.add(failure);
    }

    public void profile(String userId, UserProfile profile) {
        profiles.put(userId, profile);
    }

    public void group(String groupId, List<String> members) {
        groups.put(groupId, List.copyOf(members));
    }

    private synchronized void maybeFail() {
        Supplier<RuntimeException> f = failures.poll();
        if (f != null) {
            throw f.get();
        }
    }

    @Override
    public Delivery send(Address to, Message message) {
        PayloadChecks.check(message);
        maybeFail();
        Delivery d = new Delivery("D-" + to.targetId(), "m" + ids.incrementAndGet());
        sent.add(new Sent(to, message, d, false));
        return d;
    }

    @Override
    public void update(Address to, Delivery sentBefore, Message message) {
        PayloadChecks.check(message);
        maybeFail();
        sent.add(new Sent(to, message, sentBefore, true));
    }

    @Override
    public Delivery upload(Address to, FileUpload file) {
        maybeFail();
        Delivery d = new Delivery("D-" + to.targetId(), "f" + ids.incrementAndGet());
        sent.add(new Sent(to, Message.text(file.title()), d, false, file));
        return d;
    }

    @Override
    public void openForm(Address user, String triggerId, Form form) {
        PayloadChecks.check(form, Map.of());
        throw new ChatPlatformException.Rejected("forms open through replies in these tests");
    }

    @Override
    public Optional<UserProfile> profile(Address user) {
        return Optional.ofNullable(profiles.get(user.targetId()));
    }

    @Override
    public List<String> groupMembers(Address group) {
        return groups.getOrDefault(group.targetId(), List.of());
    }

    public List<Sent> sent() {
        return new ArrayList<>(sent);
    }

    /** New messages (not updates) to one user or channel. */
    public List<Sent> to(String targetId) {
        return sent.stream()
                .filter(s -> s.to().targetId().equals(targetId) && !s.update())
                .toList();
    }

    public List<Sent> updates() {
        return sent.stream().filter(Sent::update).toList();
    }

    public void clear() {
        sent.clear();
    }
}
