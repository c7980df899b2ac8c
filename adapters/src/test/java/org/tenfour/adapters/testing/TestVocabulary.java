package org.tenfour.adapters.testing;

import java.util.List;
import org.tenfour.adapters.Vocabulary;
import org.tenfour.adapters.Vocabulary.Audience;
import org.tenfour.adapters.Vocabulary.Word;

/** A small stand-in for the product's command words (the real ones come from bot's registry). */
public final class TestVocabulary {
    public static final Vocabulary WORDS =
            new Vocabulary(
                    "talk",
                    List.of(
                            new Word("help", "", "What TenFour can do", Audience.EVERYONE),
                            new Word("talk", "now|today|week", "Ask for a peer", Audience.MEMBER),
                            new Word("end", "", "End your conversation", Audience.MEMBER),
                            new Word("mydata", "", "What TenFour holds about you", Audience.MEMBER),
                            new Word("log", "", "Log a contact", Audience.PEER),
                            new Word("away", "until 2026-12-10", "Take a break", Audience.PEER),
                            new Word("setup", "", "Set TenFour up here", Audience.COORDINATOR),
                            new Word(
                                    "cadence",
                                    "every 30 days|weekly",
                                    "How often members hear from the team",
                                    Audience.COORDINATOR),
                            new Word("status", "", "Program counts", Audience.COORDINATOR)));

    private TestVocabulary() {}
}
