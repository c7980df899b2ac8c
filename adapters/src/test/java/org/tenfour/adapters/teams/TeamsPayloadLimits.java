package org.tenfour.adapters.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.KeywordType;
import com.networknt.schema.keyword.NonValidationKeyword;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tenfour.adapters.Form;
import org.tenfour.adapters.Message;
import org.tenfour.adapters.internal.Jackson;

/**
 * Teams' limits on what TenFour sends, checked on the activity the adapter really posts for a
 * neutral message or form: at most 28 KB, and every Adaptive Card valid against the official
 * Adaptive Cards 1.5 JSON schema (the version Teams renders; kept under test resources, see {@code
 * schemas/README.md}). Public for the product's tests.
 */
public final class TeamsPayloadLimits {
    /** Teams refuses a bot's activity above about 28 KB. */
    public static final int ACTIVITY_BYTES = 28 * 1024;

    // The card schema says draft-06 but names itself with draft-04's "id": read that as the
    // annotation it is instead of refusing the schema.
    private static final Schema CARD =
            schema(
                    "/schemas/adaptive-card-1.5.json",
                    Dialect.builder(Dialects.getDraft6())
                            .keyword(new NonValidationKeyword("id"))
                            .keyword(new NonValidationKeyword("version"))
                            .keyword(new NonValidationKeyword("features"))
                            .keyword(new NonValidationKeyword("example"))
                            .build());
    // The manifest schema says draft-04 but also uses draft-06/07's const and if/then (the
    // manifestVersion is a const): teach the draft-04 dialect those, so that they are checked.
    private static final Schema MANIFEST =
            schema(
                    "/schemas/MicrosoftTeams-1.29.schema.json",
                    Dialect.builder(Dialects.getDraft4())
                            .keyword(KeywordType.CONST)
                            .keyword(KeywordType.IF_THEN_ELSE)
                            .keyword(new NonValidationKeyword("then"))
                            .keyword(new NonValidationKeyword("version"))
                            .keyword(new NonValidationKeyword("features"))
                            .keyword(new NonValidationKeyword("example"))
                            .build());

    private TeamsPayloadLimits() {}

    /** Violations of the activity a message is posted as (plain text or a card). */
    public static List<String> of(Message message) {
        return activity(TeamsPlatform.messageActivity(message));
    }

    /** The main text a message reaches Teams with (the activity's text, or the card's first). */
    public static String text(Message message) {
        ObjectNode activity = TeamsPlatform.messageActivity(message);
        return activity.has("text")
                ? activity.path("text").asText()
                : activity.path("attachments")
                        .path(0)
                        .path("content")
                        .path("body")
                        .path(0)
                        .path("text")
                        .asText();
    }

    /** Violations of the card a form is shown as, with {@code errors} under their fields. */
    public static List<String> of(Form form, Map<String, String> errors) {
        return activity(TeamsPlatform.cardActivity(AdaptiveCards.card(form, errors)));
    }

    /** Violations of an activity: its size, and each Adaptive Card against the schema. */
    static List<String> activity(ObjectNode activity) {
        List<String> out = new ArrayList<>();
        int bytes = bytes(activity);
        if (bytes > ACTIVITY_BYTES) {
            out.add("activity " + bytes + " bytes > " + ACTIVITY_BYTES);
        }
        for (JsonNode attachment : activity.path("attachments")) {
            if (AdaptiveCards.CONTENT_TYPE.equals(attachment.path("contentType").asText())) {
                out.addAll(card(attachment.path("content")));
            }
        }
        return out;
    }

    /** Schema violations of one Adaptive Card (and a version other than the one Teams renders). */
    static List<String> card(JsonNode card) {
        List<String> out = new ArrayList<>();
        if (!AdaptiveCards.VERSION.equals(card.path("version").asText())) {
            out.add("card version " + card.path("version") + " is not " + AdaptiveCards.VERSION);
        }
        CARD.validate(card.toString(), InputFormat.JSON)
                .forEach(
                        e ->
                                out.add(
                                        "card schema: "
                                                + e.getInstanceLocation()
                                                + " "
                                                + e.getMessage()));
        return out;
    }

    /** Violations of a Teams app manifest against the v1.29 schema. */
    static List<String> manifest(JsonNode manifest) {
        List<String> out = new ArrayList<>();
        MANIFEST.validate(manifest.toString(), InputFormat.JSON)
                .forEach(
                        e ->
                                out.add(
                                        "manifest schema: "
                                                + e.getInstanceLocation()
                                                + " "
                                                + e.getMessage()));
        return out;
    }

    static int bytes(JsonNode json) {
        try {
            return Jackson.MAPPER.writeValueAsBytes(json).length;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Schema schema(String resource, Dialect dialect) {
        try (InputStream in = TeamsPayloadLimits.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            // One pattern of the manifest schema writes a backspace as ECMAScript's [\b], which
            // Java's regular expressions refuse inside a class; \x08 is the same character.
            String text =
                    new String(in.readAllBytes(), StandardCharsets.UTF_8)
                            .replace("\\\\f\\\\b\\\\v", "\\\\f\\\\x08\\\\v");
            return SchemaRegistry.withDefaultDialect(dialect).getSchema(text, InputFormat.JSON);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
