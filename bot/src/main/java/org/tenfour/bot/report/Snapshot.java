package org.tenfour.bot.report;

import java.util.List;

/** One period's true numbers, before suppression. Never leaves this package. */
record Snapshot(
        int contacts,
        List<Integer> contactTypes,
        List<Integer> durations,
        List<Integer> topics,
        List<Integer> referrals,
        int checkInsSent,
        List<Integer> checkInAnswers,
        int requests,
        List<Integer> requestOutcomes,
        int accepted,
        long medianMinutes,
        long p90Minutes,
        int peers,
        List<Integer> caseload,
        int optedOut,
        int unreachable) {}
