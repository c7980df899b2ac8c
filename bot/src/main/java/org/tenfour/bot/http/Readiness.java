package org.tenfour.bot.http;

import java.util.List;

/** Says what, if anything, keeps the service from serving: an empty list means ready. */
@FunctionalInterface
public interface Readiness {
    List<String> problems();
}
