package org.tenfour.adapters.slack;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Slack wants action ids unique within a block, while the product may give two buttons the same
 * action id and different values ({@code checkin.answer}: ok / talk). Repeats are sent as {@code
 * id#2}, {@code id#3} and read back without the suffix.
 */
final class ActionIds {
    private static final Pattern SUFFIX = Pattern.compile("#\\d+$");

    private final Map<String, Integer> seen = new HashMap<>();

    String unique(String actionId) {
        int n = seen.merge(actionId, 1, Integer::sum);
        return n == 1 ? actionId : actionId + "#" + n;
    }

    static String original(String slackActionId) {
        return SUFFIX.matcher(slackActionId).replaceFirst("");
    }
}
