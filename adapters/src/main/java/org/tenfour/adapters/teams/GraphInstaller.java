package org.tenfour.adapters.teams;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.tenfour.adapters.Address;
import org.tenfour.adapters.ChatPlatformException;
import org.tenfour.adapters.Platform;
import org.tenfour.adapters.teams.ConversationReferences.ConversationReference;

/**
 * The documented proactive install: the person's directory id from the Bot Connector (their {@code
 * aadObjectId} as a member of a team the bot is in), then in Graph: is the app installed for them
 * ({@code GET /users/{id}/teamwork/installedApps?$filter=teamsApp/id eq '…'}); if not, install it
 * ({@code POST … teamsApp@odata.bind}, a 409 meaning someone else just did); then the chat between
 * them and the app ({@code GET …/installedApps/{installation}/chat}), whose id the Bot Connector
 * accepts as the 1:1 conversation. Checking before installing makes a repeated call install nothing
 * twice. After a 429 no call goes to Graph before its {@code Retry-After} has passed. The directory
 * id is used for the calls and never kept or logged.
 */
final class GraphInstaller implements AppInstaller {
    private final Connector connector;
    private final Graph graph;
    private final ConversationReferences references;
    private final String catalogAppId;
    private final Clock clock;
    private Instant pausedUntil = Instant.MIN;

    GraphInstaller(
            Connector connector,
            Graph graph,
            ConversationReferences references,
            String catalogAppId,
            Clock clock) {
        this.connector = Objects.requireNonNull(connector, "null connector");
        this.graph = Objects.requireNonNull(graph, "null graph");
        this.references = Objects.requireNonNull(references, "null references");
        this.catalogAppId = Objects.requireNonNull(catalogAppId, "null catalogAppId");
        this.clock = Objects.requireNonNull(clock, "null clock");
    }

    @Override
    public Outcome install(Address user, Address via) {
        if (user.platform() != Platform.TEAMS || user.kind() != Address.Kind.USER) {
            throw new IllegalArgumentException("not a Teams user: " + user.kind());
        }
        if (via.serviceUrl() == null || via.conversationId() == null) {
            throw new IllegalArgumentException("via needs a known conversation");
        }
        Duration wait = pause();
        if (!wait.isZero()) {
            return new Throttled(wait);
        }
        try {
            String directoryId = directoryId(user, via);
            if (directoryId == null) {
                return new NotFound();
            }
            String apps = "/users/" + Connector.segment(directoryId) + "/teamwork/installedApps";
            String installation;
            try {
                installation = installation(apps);
            } catch (ChatPlatformException.Unreachable e) {
                return new NotFound(); // Graph does not know the person
            }
            boolean installedNow = false;
            if (installation == null) {
                try {
                    graph.post(
                            "install app",
                            apps,
                            TeamsJson.object()
                                    .put(
                                            "teamsApp@odata.bind",
                                            graph.baseUrl()
                                                    + "/appCatalogs/teamsApps/"
                                                    + Connector.segment(catalogAppId)));
                    installedNow = true;
                } catch (Graph.Conflict e) {
                    // installed meanwhile (the person, an admin, another replica): nothing to do
                }
                installation = installation(apps);
                if (installation == null) {
                    return new Failed(true, "graph does not list the installed app yet");
                }
            }
            JsonNode chat;
            try {
                chat =
                        graph.get(
                                "get chat", apps + "/" + Connector.segment(installation) + "/chat");
            } catch (ChatPlatformException.Unreachable e) {
                return new Failed(true, "graph has no chat for the installed app yet");
            }
            String chatId = TeamsJson.text(chat, "id");
            if (chatId == null || chatId.isBlank()) {
                return new Failed(true, "graph answered a chat without an id");
            }
            references.save(
                    Address.Kind.USER,
                    user.targetId(),
                    new ConversationReference(via.serviceUrl(), chatId, user.workspaceId()));
            return new Reached(
                    new Address(
                            Platform.TEAMS,
                            user.workspaceId(),
                            Address.Kind.USER,
                            user.targetId(),
                            via.serviceUrl(),
                            chatId),
                    installedNow);
        } catch (Graph.Forbidden e) {
            return new NotPermitted(TeamsSettings.ProactiveInstall.PERMISSION);
        } catch (ChatPlatformException.RateLimited e) {
            pauseFor(e.retryAfter());
            return new Throttled(e.retryAfter());
        } catch (ChatPlatformException.Transient e) {
            return new Failed(true, e.getMessage());
        } catch (ChatPlatformException e) {
            return new Failed(false, e.getMessage());
        }
    }

    /**
     * The person's Microsoft Entra object id, from the Bot Connector's member lookup in {@code
     * via}; null when they are not a member there.
     */
    private String directoryId(Address user, Address via) {
        JsonNode member;
        try {
            member =
                    connector.get(
                            via.serviceUrl(),
                            "/v3/conversations/"
                                    + Connector.segment(via.conversationId())
                                    + "/members/"
                                    + Connector.segment(user.targetId()));
        } catch (ChatPlatformException.Unreachable e) {
            return null;
        } catch (ChatPlatformException.RateLimited e) {
            // the connector's messages name the path, which holds the person's id: not passed on
            throw new ChatPlatformException.RateLimited(
                    "member look-up answered 429", e.retryAfter());
        } catch (ChatPlatformException.Transient e) {
            throw new ChatPlatformException.Transient("member look-up failed", null);
        } catch (ChatPlatformException e) {
            throw new ChatPlatformException.Rejected("member look-up refused");
        }
        String id = TeamsJson.text(member, "aadObjectId");
        return id == null || id.isBlank() ? null : id;
    }

    /** The id of the app's installation for the person, or null when it is not installed. */
    private String installation(String apps) {
        JsonNode listed =
                graph.get(
                        "list installed apps",
                        apps
                                + "?%24expand=teamsApp&%24filter="
                                + query("teamsApp/id eq '" + catalogAppId + "'"));
        for (JsonNode app : listed.path("value")) {
            String id = TeamsJson.text(app, "id");
            if (id != null && !id.isBlank()) {
                return id;
            }
        }
        return null;
    }

    private synchronized Duration pause() {
        Instant now = clock.instant();
        return now.isBefore(pausedUntil) ? Duration.between(now, pausedUntil) : Duration.ZERO;
    }

    private synchronized void pauseFor(Duration retryAfter) {
        Instant until = clock.instant().plus(retryAfter);
        if (until.isAfter(pausedUntil)) {
            pausedUntil = until;
        }
    }

    private static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
