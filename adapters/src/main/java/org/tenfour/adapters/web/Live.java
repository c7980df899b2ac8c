package org.tenfour.adapters.web;

import io.javalin.http.sse.SseClient;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Server-sent events to the browsers: each person's open pages hear when one of their conversations
 * changed, a form was opened for them, or sandbox time moved. A comment every 15 seconds keeps idle
 * connections open; the page reloads its state whenever it (re)connects, so a dropped stream loses
 * nothing.
 */
final class Live implements AutoCloseable {
    private final Map<String, Set<SseClient>> byPerson = new ConcurrentHashMap<>();
    private final ScheduledExecutorService heartbeat =
            Executors.newSingleThreadScheduledExecutor(
                    r -> {
                        Thread t = new Thread(r, "sandbox-live");
                        t.setDaemon(true);
                        return t;
                    });

    Live() {
        // send() catches everything: a periodic task that threw would never run again
        var unused =
                heartbeat.scheduleWithFixedDelay(
                        () -> everyone().forEach(c -> send(c, null, null)),
                        15,
                        15,
                        TimeUnit.SECONDS);
    }

    void join(String userId, SseClient client) {
        client.keepAlive();
        byPerson.computeIfAbsent(userId, k -> ConcurrentHashMap.newKeySet()).add(client);
        client.onClose(() -> byPerson.getOrDefault(userId, Set.of()).remove(client));
        send(client, "hello", userId);
    }

    void tell(Collection<String> userIds, String event, String data) {
        for (String user : userIds) {
            byPerson.getOrDefault(user, Set.of()).forEach(c -> send(c, event, data));
        }
    }

    void tellEveryone(String event, String data) {
        everyone().forEach(c -> send(c, event, data));
    }

    private List<SseClient> everyone() {
        return byPerson.values().stream().flatMap(Set::stream).toList();
    }

    private static void send(SseClient client, String event, String data) {
        synchronized (client) {
            try {
                if (client.terminated()) {
                    return;
                }
                if (event == null) {
                    client.sendComment("ping");
                } else {
                    client.sendEvent(event, data);
                }
            } catch (RuntimeException e) {
                client.close(); // the browser went away; onClose forgets it
            }
        }
    }

    void closeAll() {
        everyone()
                .forEach(
                        c -> {
                            synchronized (c) {
                                c.close();
                            }
                        });
        byPerson.clear();
    }

    @Override
    public void close() {
        closeAll();
        heartbeat.shutdownNow();
    }
}
