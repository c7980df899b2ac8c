package org.tenfour.bot.resources;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.tenfour.adapters.Message;
import org.tenfour.adapters.Untrusted;
import org.tenfour.bot.words.Words;
import org.tenfour.storage.Resource;
import org.tenfour.storage.Resources;
import org.tenfour.storage.Store;
import org.tenfour.storage.Tx;

/**
 * The directory's entries of some categories as small-print lines, for the notes beneath a reply
 * (after the crisis lines). Reading them writes nothing: nobody can learn who was shown what.
 */
public final class ResourceNotes {
    /** Entries shown beneath a reply at most; the rest are one command away. */
    static final int MAX_LINES = 4;

    private ResourceNotes() {}

    /**
     * The lines for {@code categories}, own entries first, in the reader's language; empty when the
     * directory has none.
     */
    public static List<String> lines(Tx h, UUID agencyId, Set<Category> categories, Words words) {
        if (categories.isEmpty()) {
            return List.of();
        }
        Resources resources = h.attach(Resources.class);
        List<Resource> fitting =
                Stream.concat(
                                resources.own(agencyId).stream(),
                                resources.sharedWith(agencyId).stream())
                        .filter(
                                r ->
                                        Category.of(r.category())
                                                .filter(categories::contains)
                                                .isPresent())
                        .toList();
        if (fitting.isEmpty()) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        fitting.stream().limit(MAX_LINES).forEach(r -> lines.add(line(r, words)));
        lines.add(words.get("resources.more"));
        return lines;
    }

    /** The same, reading on its own handle. */
    public static List<String> lines(
            Store store, UUID agencyId, Set<Category> categories, Words words) {
        return store.withConnection(h -> lines(h, agencyId, categories, words));
    }

    /** {@code message} with the lines added beneath its notes. */
    public static Message beneath(Message message, List<String> lines) {
        if (lines.isEmpty()) {
            return message;
        }
        List<String> notes = new ArrayList<>(message.notes());
        notes.addAll(lines);
        return new Message(message.text(), notes, message.buttons());
    }

    /** One entry: its category, name and how to reach it (a coordinator's words, quoted). */
    static String line(Resource r, Words words) {
        return Category.of(r.category()).map(c -> c.label(words)).orElse(r.category())
                + ": *"
                + Untrusted.quote(r.name())
                + "* — "
                + Untrusted.quote(r.reach());
    }
}
