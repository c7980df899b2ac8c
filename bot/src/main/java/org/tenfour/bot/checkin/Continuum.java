package org.tenfour.bot.checkin;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The stress continuum used by fire and military services, as a check-in answer: each zone with its
 * colour and a one-line description. The zone is never stored with the member or the check-in (only
 * counted, see {@code storage.ContinuumCounts}).
 */
public enum Continuum {
    READY("green", "Ready", "calm and steady, sleeping well, doing what matters"),
    REACTING("yellow", "Reacting", "stressed, irritable or worried for a while; it passes"),
    INJURED(
            "orange",
            "Injured",
            "it isn't passing: trouble sleeping, pulling away, losing control"),
    ILL("red", "Ill", "it feels unmanageable: distress that stays, not feeling like yourself");

    private final String colour;
    private final String label;
    private final String description;

    Continuum(String colour, String label, String description) {
        this.colour = colour;
        this.label = label;
        this.description = description;
    }

    /** The stored word in {@code continuum_count.colour}: {@code ready}, {@code reacting}, … */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code green}, {@code yellow}, {@code orange}, {@code red}. */
    public String colour() {
        return colour;
    }

    /** {@code Ready (green)}. */
    public String label() {
        return label + " (" + colour + ")";
    }

    public String description() {
        return description;
    }

    /** The button's action id ({@code checkin.ready}). */
    public String actionId() {
        return "checkin." + word();
    }

    /** Whether this zone offers a peer at once and shows the crisis lines first. */
    public boolean urgent() {
        return this == INJURED || this == ILL;
    }

    static Optional<Continuum> ofAction(String actionId) {
        return Arrays.stream(values()).filter(c -> c.actionId().equals(actionId)).findFirst();
    }
}
