package org.tenfour.bot.inbound;

import java.util.Arrays;
import org.tenfour.bot.TenFourException;
import org.tenfour.bot.words.Language;
import org.tenfour.bot.words.Words;

/**
 * A user's command was wrong; the message says what, and the reply adds the right form. A problem
 * members can meet is written as a key of the members' bundle ({@link #said}), so that the router
 * answers it in the caller's language; others are English, as peers and coordinators read.
 */
public final class UsageException extends TenFourException {
    private final String key;
    private final Object[] args;

    /** A problem in English (a peer's or coordinator's command). */
    public UsageException(String problem) {
        super(problem);
        this.key = null;
        this.args = new Object[0];
    }

    private UsageException(String key, Object[] args) {
        super(Words.in(Language.EN).get(key, args));
        this.key = key;
        this.args = args.clone();
    }

    /** A problem a member can meet: {@code key} of the members' bundle, with its placeholders. */
    public static UsageException said(String key, Object... args) {
        return new UsageException(key, args);
    }

    /** Whether the problem can be said in the caller's language. */
    public boolean translated() {
        return key != null;
    }

    /** The problem in {@code words}' language (English when it is not {@link #translated}). */
    public String in(Words words) {
        return key == null ? getMessage() : words.get(key, Arrays.copyOf(args, args.length));
    }
}
