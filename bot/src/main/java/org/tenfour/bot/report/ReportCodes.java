package org.tenfour.bot.report;

import java.util.Arrays;
import java.util.List;
import org.tenfour.bot.log.Codes;

/** The code lists a report breaks down by, in display order, with their labels. */
final class ReportCodes {
    static final List<String> CONTACT_TYPES = codes(Codes.ContactType.values());
    static final List<String> DURATIONS = codes(Codes.DurationBand.values());
    static final List<String> TOPICS = codes(Codes.Topic.values());
    static final List<String> REFERRALS = codes(Codes.Referral.values());

    private ReportCodes() {}

    static List<String> labels(Codes.Coded[] values) {
        return Arrays.stream(values).map(Codes.Coded::label).toList();
    }

    private static List<String> codes(Codes.Coded[] values) {
        return Arrays.stream(values).map(Codes.Coded::code).toList();
    }
}
