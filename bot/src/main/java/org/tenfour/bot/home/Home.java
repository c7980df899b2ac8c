package org.tenfour.bot.home;

import java.time.Clock;
import org.jdbi.v3.core.Jdbi;
import org.tenfour.bot.inbound.Feature;

/** The home as a feature: what a person sees when they open TenFour's home (Slack App Home). */
public final class Home implements Feature {
    private final HomeView view;

    public Home(Jdbi jdbi, Clock clock) {
        this.view = new HomeView(jdbi, clock);
    }

    @Override
    public HomeAction home() {
        return view::render;
    }
}
