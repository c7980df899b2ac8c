package org.tenfour.bot.words;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.tenfour.bot.agency.AgencySettings;
import org.tenfour.bot.inbound.Role;
import org.tenfour.bot.inbound.Subcommand;

/**
 * The catalogue of what members read: both languages have every key, no Spanish text is the English
 * one left as it was or carries English words, and the placeholders agree.
 */
class WordsCatalogueTest {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d+}");

    /** Words that are the same in both languages. */
    private static final Set<String> SAME_IN_BOTH = Set.of("mydata.no", "survey.choice.no");

    /** Texts that are in the other language on purpose: the way to switch. */
    private static final Set<String> OTHER_LANGUAGE = Set.of("welcome.otherLanguage");

    static Properties bundle(String suffix) throws IOException {
        Properties p = new Properties();
        try (InputStream in =
                WordsCatalogueTest.class.getResourceAsStream(
                        "/" + Words.BUNDLE.replace('.', '/') + suffix + ".properties")) {
            assertThat(in).as("bundle %s", suffix).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void every_key_has_an_english_and_a_spanish_text_and_no_spanish_text_is_left_in_english()
            throws IOException {
        Properties en = bundle("");
        Properties es = bundle("_es");
        assertThat(es.stringPropertyNames())
                .as("the Spanish keys")
                .containsExactlyInAnyOrderElementsOf(en.stringPropertyNames());
        List<String> problems = new ArrayList<>();
        for (String key : new TreeSet<>(en.stringPropertyNames())) {
            String english = en.getProperty(key);
            String spanish = es.getProperty(key);
            if (spanish.isBlank() || spanish.equals(english) && !SAME_IN_BOTH.contains(key)) {
                problems.add(key + ": not translated");
            }
            if (!placeholders(english).equals(placeholders(spanish))) {
                problems.add(key + ": placeholders differ");
            }
            List<String> found = English.words(spanish);
            if (!found.isEmpty() && !OTHER_LANGUAGE.contains(key)) {
                problems.add(key + ": English words " + found);
            }
            assertThat(Words.in(Language.ES).get(key)).isEqualTo(spanish);
            assertThat(Words.in(Language.EN).get(key)).isEqualTo(english);
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void
            the_default_crisis_lines_and_policy_are_translated_and_an_agencys_own_are_kept_as_written() {
        Words es = Words.in(Language.ES);
        assertThat(es.crisisLines(AgencySettings.DEFAULTS))
                .hasSize(2)
                .allSatisfy(line -> assertThat(English.words(line)).isEmpty())
                .anySatisfy(line -> assertThat(line).contains("988"))
                .anySatisfy(line -> assertThat(line).contains("911"));
        assertThat(es.policy(AgencySettings.DEFAULTS)).startsWith("Confidencial");
        assertThat(Words.in(Language.EN).crisisLines(AgencySettings.DEFAULTS))
                .isEqualTo(AgencySettings.DEFAULTS.crisisLines());

        AgencySettings own =
                AgencySettings.DEFAULTS.withCrisisLines(List.of("County line: 555-0100"));
        assertThat(es.crisisLines(own)).containsExactly("County line: 555-0100");
    }

    @Test
    void every_command_a_member_may_type_is_explained_from_the_bundle_in_both_languages() {
        Words en = Words.in(Language.EN);
        Words es = Words.in(Language.ES);
        List<String> problems = new ArrayList<>();
        for (Subcommand sub : Subcommand.values()) {
            if (sub.role() != Role.MEMBER) {
                continue;
            }
            if (!sub.details(en).equals(sub.details()) || sub.details(es).equals(sub.details())) {
                problems.add(sub.word() + ": details not from the bundle");
            }
            for (Subcommand.Use use : sub.uses()) {
                if (use.wordsKey() == null || use.summary(es).equals(use.summary())) {
                    problems.add(sub.word() + " " + use.usage() + ": summary not from the bundle");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void a_platform_locale_or_a_code_names_the_language() {
        assertThat(Language.fromLocale("es-ES")).contains(Language.ES);
        assertThat(Language.fromLocale("es_419")).contains(Language.ES);
        assertThat(Language.fromLocale("ES")).contains(Language.ES);
        assertThat(Language.fromLocale("en-US")).contains(Language.EN);
        assertThat(Language.fromLocale("fr-FR")).isEmpty();
        assertThat(Language.fromLocale("estonian")).isEmpty();
        assertThat(Language.fromLocale(null)).isEmpty();
    }

    private static Set<String> placeholders(String text) {
        Set<String> found = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }
}
