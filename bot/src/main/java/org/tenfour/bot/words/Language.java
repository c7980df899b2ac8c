package org.tenfour.bot.words;

import java.util.Locale;
import java.util.Optional;
import org.tenfour.storage.Member;

/** The languages members are spoken to in. Peers and coordinators read English. */
public enum Language {
    EN("en", "English"),
    ES("es", "español");

    private final String code;
    private final String name;

    Language(String code, String name) {
        this.code = code;
        this.name = name;
    }

    /** The code stored on the member row and typed in {@code language es|en}. */
    public String code() {
        return code;
    }

    /** The language's name in itself. */
    public String selfName() {
        return name;
    }

    public Locale locale() {
        return Locale.forLanguageTag(code);
    }

    /** The language of a code ({@code es}) or a platform locale ({@code es-ES}, {@code es_419}). */
    public static Optional<Language> fromLocale(String locale) {
        if (locale == null || locale.isBlank()) {
            return Optional.empty();
        }
        String tag = locale.strip().replace('_', '-').toLowerCase(Locale.ROOT);
        for (Language l : values()) {
            if (tag.equals(l.code) || tag.startsWith(l.code + "-")) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }

    /** The member's language: chosen, else from their platform, else English. */
    public static Language of(Member member) {
        return member == null ? EN : fromLocale(member.language()).orElse(EN);
    }
}
