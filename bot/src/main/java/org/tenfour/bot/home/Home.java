package org.tenfour.bot.home;

import java.time.Clock;
import org.tenfour.bot.inbound.Feature;
import org.tenfour.storage.Store;

/** The home as a feature: what a person sees when they open TenFour's home (Slack App Home). */
public final class Home implements Feature {
    private final HomeView view;

    public Home(Store store, Clock clock) {
        this.view = new HomeView(store, clock);
    }

    @Override
    public HomeAction home() {
        return view::render;
    }
}
