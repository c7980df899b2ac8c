package org.tenfour.adapters.slack;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import com.slack.api.model.block.ContextBlockElement;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.BlockElement;
import java.util.ArrayList;
import java.util.List;
import org.tenfour.adapters.Button;
import org.tenfour.adapters.Message;

/**
 * Renders a neutral {@link Message} as Block Kit: the text in mrkdwn sections, notes in a context
 * block, buttons in actions blocks — always inside Slack's limits: text past 40,000 characters is
 * cut with a visible mark, sections are split at line or word breaks, at most 50 blocks, at most 25
 * buttons a block, button labels cut at 75 characters.
 */
final class BlockKitMessages {
    /** Slack's limit on a section's text. */
    static final int SECTION_LIMIT = 3000;

    /** Slack's limit on elements in a context block. */
    static final int CONTEXT_LIMIT = 10;

    /** Slack's limit on a message's text (longer is truncated by Slack, without a word). */
    static final int TEXT_LIMIT = 40_000;

    /** Slack's limit on blocks in a message. */
    static final int BLOCK_LIMIT = 50;

    /** Slack's limit on elements in an actions block. */
    static final int ACTIONS_LIMIT = 25;

    /** Slack's limit on a button's text. */
    static final int BUTTON_TEXT_LIMIT = 75;

    /** Ends text that was cut to fit. */
    static final String CUT = " … (shortened)";

    private BlockKitMessages() {}

    static List<LayoutBlock> blocks(Message message) {
        List<LayoutBlock> blocks = new ArrayList<>();
        int actionBlocks = (message.buttons().size() + ACTIONS_LIMIT - 1) / ACTIONS_LIMIT;
        int room = BLOCK_LIMIT - actionBlocks - (message.notes().isEmpty() ? 0 : 1);
        List<String> parts = sections(shorten(message.text(), TEXT_LIMIT));
        if (parts.size() > room) {
            parts = new ArrayList<>(parts.subList(0, room));
            String last = parts.get(room - 1);
            int keep = Math.max(0, last.length() - CUT.length());
            if (keep > 0 && Character.isHighSurrogate(last.charAt(keep - 1))) {
                keep--;
            }
            parts.set(room - 1, last.substring(0, keep) + CUT);
        }
        for (String part : parts) {
            String escaped = SlackText.escapeMrkdwn(part);
            blocks.add(section(s -> s.text(markdownText(escaped))));
        }
        if (message.notes().stream().anyMatch(n -> !n.isBlank())) {
            blocks.add(context(c -> c.elements(notes(message.notes()))));
        }
        ActionIds ids = new ActionIds();
        List<Button> all = message.buttons();
        for (int from = 0; from < all.size(); from += ACTIONS_LIMIT) {
            List<BlockElement> buttons = new ArrayList<>();
            for (Button b : all.subList(from, Math.min(all.size(), from + ACTIONS_LIMIT))) {
                buttons.add(
                        button(
                                e ->
                                        e.actionId(ids.unique(b.actionId()))
                                                .text(
                                                        plainText(
                                                                shorten(
                                                                        b.label(),
                                                                        BUTTON_TEXT_LIMIT)))
                                                .value(b.value())
                                                .style(style(b.style()))));
            }
            blocks.add(actions(a -> a.elements(buttons)));
        }
        return blocks;
    }

    /** The plain text shown in notifications and where blocks cannot be. */
    static String fallback(Message message) {
        // Slack parses the fallback too (notifications): the same escaping as the blocks.
        return shorten(SlackText.escapeMrkdwn(message.text()), TEXT_LIMIT);
    }

    /**
     * The text in pieces whose escaped mrkdwn fits a section, cut at a line break or a space where
     * one is near the end, never inside a surrogate pair.
     */
    static List<String> sections(String text) {
        List<String> parts = new ArrayList<>();
        int from = 0;
        while (from < text.length()) {
            int end = Math.min(text.length(), from + SECTION_LIMIT);
            int over;
            while ((over =
                            SlackText.escapeMrkdwn(text.substring(from, end)).length()
                                    - SECTION_LIMIT)
                    > 0) {
                // an escaped character is at most a few long: this never cuts below the limit
                end = Math.max(from + 1, end - Math.max(1, over / 8));
            }
            if (end < text.length()) {
                int brk = Math.max(text.lastIndexOf('\n', end - 1), text.lastIndexOf(' ', end - 1));
                if (brk > from + (end - from) / 2) {
                    end = brk + 1;
                }
                if (Character.isHighSurrogate(text.charAt(end - 1))) {
                    end--;
                }
            }
            parts.add(text.substring(from, end));
            from = end;
        }
        return parts;
    }

    /** {@code s} cut to at most {@code max} characters, marked when cut (whole code points). */
    static String shorten(String s, int max) {
        if (s.length() <= max) {
            return s;
        }
        int keep = Math.max(0, max - CUT.length());
        if (keep > 0 && Character.isHighSurrogate(s.charAt(keep - 1))) {
            keep--;
        }
        String cut = s.substring(0, keep) + CUT;
        return cut.length() <= max ? cut : s.substring(0, Math.max(1, max - 1)) + "…";
    }

    private static List<ContextBlockElement> notes(List<String> all) {
        // Slack refuses an empty text object
        List<String> notes = all.stream().filter(n -> !n.isBlank()).toList();
        List<ContextBlockElement> out = new ArrayList<>();
        for (int i = 0; i < notes.size(); i++) {
            String note = notes.get(i);
            if (out.size() == CONTEXT_LIMIT - 1 && notes.size() > CONTEXT_LIMIT) {
                note = String.join("\n", notes.subList(i, notes.size()));
            }
            out.add(markdownText(fitted(note)));
            if (out.size() == CONTEXT_LIMIT) {
                break;
            }
        }
        return out;
    }

    /** A note escaped and, if need be, cut so that its mrkdwn fits a text object. */
    private static String fitted(String note) {
        String escaped = SlackText.escapeMrkdwn(note);
        int max = SECTION_LIMIT;
        while (escaped.length() > SECTION_LIMIT) {
            max -= Math.max(1, (escaped.length() - SECTION_LIMIT) / 2);
            escaped = SlackText.escapeMrkdwn(shorten(note, max));
        }
        return escaped;
    }

    private static String style(Button.Style style) {
        return switch (style) {
            case PRIMARY -> "primary";
            case DANGER -> "danger";
            case DEFAULT -> null;
        };
    }
}
