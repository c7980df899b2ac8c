package org.tenfour.bot.words;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.stream.Collectors;
import org.tenfour.bot.agency.AgencyNames;
import org.tenfour.bot.agency.AgencySettings;
import org.tenfour.bot.agency.Promises;
import org.tenfour.storage.Agency;
import org.tenfour.storage.Member;

/**
 * What TenFour says to members, in their language, from the resource bundle {@code
 * org/tenfour/bot/words/member*.properties}. A placeholder is {@code {0}}, {@code {1}} …; nothing
 * else in a text is special (an apostrophe is an apostrophe). A missing key fails at once: {@code
 * WordsCatalogueTest} checks that both languages have every key.
 *
 * <pre>{@code
 * Words w = Words.of(member);
 * Message m = Message.text(w.get("checkin.thanks"));
 * }</pre>
 */
public final class Words {
    /** The bundle's base name. */
    public static final String BUNDLE = "org.tenfour.bot.words.member";

    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final Language language;
    private final ResourceBundle bundle;

    private Words(Language language) {
        this.language = language;
        this.bundle = ResourceBundle.getBundle(BUNDLE, language.locale(), NO_FALLBACK);
    }

    private static final Words EN = new Words(Language.EN);
    private static final Words ES = new Words(Language.ES);

    /** The words of {@code language}. */
    public static Words in(Language language) {
        return switch (Objects.requireNonNull(language, "null language")) {
            case EN -> EN;
            case ES -> ES;
        };
    }

    /** The words of the member's language ({@link Language#of}). */
    public static Words of(Member member) {
        return in(Language.of(member));
    }

    public Language language() {
        return language;
    }

    /** The text of {@code key} with {@code {0}}, {@code {1}} … replaced by {@code args}. */
    public String get(String key, Object... args) {
        String text = bundle.getString(key);
        for (int i = 0; i < args.length; i++) {
            text = text.replace("{" + i + "}", String.valueOf(args[i]));
        }
        return text;
    }

    /** What TenFour keeps about a member, item by item, as {@code mydata} shows it. */
    public String stored(Promises.Stored item) {
        return get("stored." + item.name());
    }

    /** The whole list in one paragraph, for the welcome ({@link Promises#storedSummary}). */
    public String storedSummary() {
        return get(
                "stored.summary",
                Arrays.stream(Promises.Stored.values())
                        .map(s -> lowerFirst(stored(s)))
                        .collect(Collectors.joining("; ")),
                get("stored.never"));
    }

    private static String lowerFirst(String s) {
        return Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    /** An agency's name as {@code viewer}'s people read it ({@link AgencyNames#shownTo}). */
    public String agency(Agency agency, Agency viewer) {
        if (AgencyNames.named(agency)) {
            return agency.name();
        }
        return get(agency.id().equals(viewer.id()) ? "agency.yours" : "agency.partner");
    }

    /** A person's name, or "a colleague" when the platform gave none. */
    public String name(Member member) {
        return member.displayName() == null || member.displayName().isBlank()
                ? get("people.colleague")
                : member.displayName();
    }

    /**
     * The agency's crisis lines: the default lines in this language, lines coordinators wrote as
     * they wrote them.
     */
    public List<String> crisisLines(AgencySettings settings) {
        return settings.crisisLines().equals(AgencySettings.DEFAULTS.crisisLines())
                ? List.of(get("crisis.988"), get("crisis.911"))
                : settings.crisisLines();
    }

    /**
     * The agency's confidentiality policy: the default in this language, a policy coordinators
     * wrote as they wrote it.
     */
    public String policy(AgencySettings settings) {
        return settings.confidentialityPolicy().equals(AgencySettings.DEFAULT_POLICY)
                ? get("policy.default")
                : settings.confidentialityPolicy();
    }
}
