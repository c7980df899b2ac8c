package org.tenfour.adapters.teams;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes the Teams app package (manifest v1.17 and two generated icons) that an admin uploads to
 * Teams.
 *
 * <pre>{@code
 * TeamsAppPackage.write(appId, "https://tenfour.example.org", Path.of("tenfour-teams.zip"));
 * }</pre>
 */
public final class TeamsAppPackage {
    static final String SCHEMA =
            "https://developer.microsoft.com/en-us/json-schemas/teams/v1.17/MicrosoftTeams.schema.json";
    static final String MANIFEST_VERSION = "1.17";
    static final String APP_VERSION = "1.0.0";

    /** A text command in the app's command menu. */
    private record Command(String title, String description, boolean coordinator) {}

    private static final List<Command> COMMANDS =
            List.of(
                    new Command("talk", "Ask for a peer to talk to", false),
                    new Command("log", "Log a peer contact (peers)", false),
                    new Command("help", "What TenFour can do", false),
                    new Command("away", "Take a break: away until 2026-12-10", false),
                    new Command("back", "End your break", false),
                    new Command("optout", "Stop check-ins", false),
                    new Command("mydata", "What TenFour holds about you", false),
                    new Command("setup", "Set up TenFour for the agency", true),
                    new Command("cadence", "Check-in cadence: cadence every 30 days", true),
                    new Command("status", "Program status", true));

    private TeamsAppPackage() {}

    /** Writes the package to a file. */
    public static void write(String appId, String baseUrl, Path zip) throws IOException {
        try (OutputStream out = Files.newOutputStream(zip)) {
            write(appId, baseUrl, out);
        }
    }

    /** Writes the package to a stream (left open). */
    public static void write(String appId, String baseUrl, OutputStream out) throws IOException {
        String host = host(baseUrl);
        baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        UUID.fromString(appId); // the manifest id and botId must be the app registration's GUID
        ZipOutputStream zip = new ZipOutputStream(out);
        entry(
                zip,
                "manifest.json",
                manifest(appId, baseUrl, host).toPrettyString().getBytes(StandardCharsets.UTF_8));
        entry(zip, "color.png", AppIcons.color());
        entry(zip, "outline.png", AppIcons.outline());
        zip.finish();
    }

    static ObjectNode manifest(String appId, String baseUrl, String host) {
        ObjectNode m =
                TeamsJson.object()
                        .put("$schema", SCHEMA)
                        .put("manifestVersion", MANIFEST_VERSION)
                        .put("version", APP_VERSION)
                        .put("id", appId);
        m.putObject("developer")
                .put("name", "TenFour")
                .put("websiteUrl", baseUrl)
                .put("privacyUrl", baseUrl + "/privacy")
                .put("termsOfUseUrl", baseUrl + "/terms");
        m.putObject("name").put("short", "TenFour").put("full", "TenFour peer support");
        m.putObject("description")
                .put("short", "Peer support check-ins for first responders")
                .put(
                        "full",
                        "TenFour runs a peer-support program for first responders: regular confidential "
                                + "check-ins, a quick way to ask for a trained peer, and de-identified contact logs "
                                + "for the program's coordinators.");
        m.putObject("icons").put("color", "color.png").put("outline", "outline.png");
        m.put("accentColor", String.format("#%06X", AppIcons.ACCENT.getRGB() & 0xFFFFFF));
        ObjectNode bot =
                m.putArray("bots")
                        .addObject()
                        .put("botId", appId)
                        .put("isNotificationOnly", false)
                        .put("supportsFiles", false);
        bot.putArray("scopes").add("personal").add("team");
        ArrayNode lists = bot.putArray("commandLists");
        commandList(lists.addObject(), "personal", false);
        commandList(lists.addObject(), "team", true);
        m.putArray("permissions").add("identity").add("messageTeamMembers");
        m.putArray("validDomains").add(host);
        return m;
    }

    private static void commandList(ObjectNode list, String scope, boolean coordinator) {
        list.putArray("scopes").add(scope);
        ArrayNode commands = list.putArray("commands");
        // Teams shows at most ten commands per scope.
        COMMANDS.stream()
                .filter(
                        c ->
                                coordinator
                                        ? c.coordinator() || c.title().equals("help")
                                        : !c.coordinator() || c.title().equals("status"))
                .limit(10)
                .forEach(
                        c ->
                                commands.addObject()
                                        .put("title", c.title())
                                        .put("description", c.description()));
    }

    private static String host(String baseUrl) {
        URI uri = URI.create(baseUrl);
        if (!"https".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("base URL must be https with a host: " + baseUrl);
        }
        return uri.getHost();
    }

    private static void entry(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(bytes);
        zip.closeEntry();
    }
}
