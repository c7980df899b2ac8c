package org.tenfour.adapters.teams;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.tenfour.adapters.Vocabulary;

/**
 * Writes the Teams app package (manifest v1.29, the newest schema Teams documents, and two
 * generated icons) that an admin uploads to Teams.
 *
 * <pre>{@code
 * TeamsAppPackage.write(appId, "https://tenfour.example.org", words, Path.of("tenfour-teams.zip"));
 * }</pre>
 */
public final class TeamsAppPackage {
    static final String SCHEMA =
            "https://developer.microsoft.com/en-us/json-schemas/teams/v1.29/MicrosoftTeams.schema.json";
    static final String MANIFEST_VERSION = "1.29";
    static final String APP_VERSION = "1.0.0";

    /** Teams shows at most ten commands per scope. */
    static final int MAX_COMMANDS = 10;

    /** Teams' limits on a command's title and description. */
    static final int MAX_TITLE = 32, MAX_DESCRIPTION = 128;

    private TeamsAppPackage() {}

    /** Writes the package to a file; the command menus list {@code words}. */
    public static void write(String appId, String baseUrl, Vocabulary words, Path zip)
            throws IOException {
        try (OutputStream out = Files.newOutputStream(zip)) {
            write(appId, baseUrl, words, out);
        }
    }

    /** Writes the package to a stream (left open). */
    public static void write(String appId, String baseUrl, Vocabulary words, OutputStream out)
            throws IOException {
        String host = host(baseUrl);
        baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        UUID.fromString(appId); // the manifest id and botId must be the app registration's GUID
        ZipOutputStream zip = new ZipOutputStream(out);
        entry(
                zip,
                "manifest.json",
                manifest(appId, baseUrl, host, words)
                        .toPrettyString()
                        .getBytes(StandardCharsets.UTF_8));
        entry(zip, "color.png", AppIcons.color());
        entry(zip, "outline.png", AppIcons.outline());
        zip.finish();
    }

    /** The app's short name, which people @mention. */
    static final String SHORT_NAME = "TenFour";

    static ObjectNode manifest(String appId, String baseUrl, String host, Vocabulary words) {
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
        m.putObject("name").put("short", SHORT_NAME).put("full", "TenFour peer support");
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
        // a personal chat is where members and peers work; the team is the coordinators' channel
        commandList(
                lists.addObject(),
                "personal",
                words,
                List.of(Vocabulary.Audience.MEMBER, Vocabulary.Audience.PEER));
        commandList(lists.addObject(), "team", words, List.of(Vocabulary.Audience.COORDINATOR));
        m.putArray("permissions").add("identity").add("messageTeamMembers");
        m.putArray("validDomains").add(host);
        // names the Entra app as this Teams app's own: Graph's "install itself" permission
        // (proactive installs) needs it; it grants nothing by itself
        m.putObject("webApplicationInfo")
                .put("id", appId)
                .put("resource", "api://" + host + "/" + appId);
        return m;
    }

    private static void commandList(
            ObjectNode list, String scope, Vocabulary words, List<Vocabulary.Audience> audiences) {
        list.putArray("scopes").add(scope);
        ArrayNode commands = list.putArray("commands");
        List<Vocabulary.Word> chosen = new ArrayList<>();
        // what a person tries when lost comes first in every menu
        chosen.addAll(words.forAudience(Vocabulary.Audience.EVERYONE));
        for (Vocabulary.Audience audience : audiences) {
            chosen.addAll(words.forAudience(audience));
        }
        chosen.stream()
                .limit(MAX_COMMANDS)
                .forEach(
                        w ->
                                commands.addObject()
                                        .put("title", cut(w.word(), MAX_TITLE))
                                        .put("description", cut(w.summary(), MAX_DESCRIPTION)));
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
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
