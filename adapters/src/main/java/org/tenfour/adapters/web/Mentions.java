package org.tenfour.adapters.web;

import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns what a person types ({@code @alex}, {@code #peer-coordinators}) into the product's neutral
 * mention form ({@code <@URIVALEX>}, {@code <#CRIVCOORD>}), as the Slack and Teams adapters do with
 * their platforms' wrapping. Names nobody has are left as typed, so the product can say what is
 * wrong.
 */
final class Mentions {
    private static final Pattern USER =
            Pattern.compile("(?<![\\w<@])@([A-Za-z0-9_-]+(?:\\.[A-Za-z0-9_-]+)*)");
    private static final Pattern CHANNEL = Pattern.compile("(?<![\\w<#&])#([A-Za-z0-9_-]+)");

    private Mentions() {}

    static String normalise(String text, String workspaceId, SandboxPeople directory) {
        String users =
                replace(
                        USER,
                        text,
                        name ->
                                directory
                                        .byHandle(workspaceId, name)
                                        .map(p -> "<@" + p.userId() + ">")
                                        .orElse(null));
        return replace(
                CHANNEL,
                users,
                name ->
                        directory
                                .byChannelName(workspaceId, name)
                                .map(c -> "<#" + c.channelId() + ">")
                                .orElse(null));
    }

    private static String replace(Pattern pattern, String text, Function<String, String> lookup) {
        Matcher m = pattern.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement = lookup.apply(m.group(1));
            m.appendReplacement(
                    out, Matcher.quoteReplacement(replacement == null ? m.group() : replacement));
        }
        m.appendTail(out);
        return out.toString();
    }
}
