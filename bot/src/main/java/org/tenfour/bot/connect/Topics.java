package org.tenfour.bot.connect;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tenfour.adapters.Field;
import org.tenfour.bot.words.Words;

/**
 * The short topic codes a member may give (optional): coded, never free text. The English labels
 * peers and coordinators read; members choose from them in their language ({@code topic.<code>}).
 */
final class Topics {
    static final Map<String, String> CODES = codes();

    private Topics() {}

    private static Map<String, String> codes() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("incident", "A call or incident");
        m.put("stress", "Stress or burnout");
        m.put("sleep", "Sleep");
        m.put("family", "Family or relationships");
        m.put("grief", "Grief or loss");
        m.put("substance", "Alcohol or substances");
        m.put("work", "Work or career");
        m.put("other", "Something else");
        return Collections.unmodifiableMap(m);
    }

    static String label(String code) {
        return CODES.getOrDefault(code, code);
    }

    static List<Field.Option> options(Words words) {
        return CODES.keySet().stream()
                .map(code -> new Field.Option(code, words.get("topic." + code)))
                .toList();
    }
}
