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
 * block, buttons in an actions block.
 */
final class BlockKitMessages {
    /** Slack's limit on a section's text. */
    static final int SECTION_LIMIT = 3000;

    /** Slack's limit on elements in a context block. */
    static final int CONTEXT_LIMIT = 10;

    private BlockKitMessages() {}

    static List<LayoutBlock> blocks(Message message) {
        List<LayoutBlock> blocks = new ArrayList<>();
        String text = SlackText.escapeMrkdwn(message.text());
        for (int i = 0; i < text.length(); i += SECTION_LIMIT) {
            String part = text.substring(i, Math.min(text.length(), i + SECTION_LIMIT));
            blocks.add(section(s -> s.text(markdownText(part))));
        }
        if (!message.notes().isEmpty()) {
            blocks.add(context(c -> c.elements(notes(message.notes()))));
        }
        if (!message.buttons().isEmpty()) {
            ActionIds ids = new ActionIds();
            List<BlockElement> buttons = new ArrayList<>();
            for (Button b : message.buttons()) {
                buttons.add(
                        button(
                                e ->
                                        e.actionId(ids.unique(b.actionId()))
                                                .text(plainText(b.label()))
                                                .value(b.value())
                                                .style(style(b.style()))));
            }
            blocks.add(actions(a -> a.elements(buttons)));
        }
        return blocks;
    }

    /** The plain text shown in notifications and where blocks cannot be. */
    static String fallback(Message message) {
        return message.text();
    }

    private static List<ContextBlockElement> notes(List<String> notes) {
        List<ContextBlockElement> out = new ArrayList<>();
        for (int i = 0; i < notes.size(); i++) {
            if (out.size() == CONTEXT_LIMIT - 1 && notes.size() > CONTEXT_LIMIT) {
                String rest = String.join("\n", notes.subList(i, notes.size()));
                out.add(markdownText(SlackText.escapeMrkdwn(rest)));
                break;
            }
            out.add(markdownText(SlackText.escapeMrkdwn(notes.get(i))));
        }
        return out;
    }

    private static String style(Button.Style style) {
        return switch (style) {
            case PRIMARY -> "primary";
            case DANGER -> "danger";
            case DEFAULT -> null;
        };
    }
}
