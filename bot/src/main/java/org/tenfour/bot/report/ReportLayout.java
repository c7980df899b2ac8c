package org.tenfour.bot.report;

import static org.tenfour.bot.report.Suppression.Relation.MULTI_SELECT;
import static org.tenfour.bot.report.Suppression.Relation.PARTITION;

import java.util.List;
import org.tenfour.bot.log.Codes;

/** The sections of a program report, in the order they are posted, and the numbers they hold. */
final class ReportLayout {
    static final String CONTACTS = "contacts/contacts";
    static final String CHECK_INS = "check_in/total";
    static final String REQUESTS = "request/total";
    static final String PEERS = "caseload/total";
    static final String ZONES = "continuum/total";
    static final String INVOLVED = "incident_follow_up/involved";
    static final String MEDIAN = "response_minutes/median";
    static final String P90 = "response_minutes/p90";

    static final Section CONTACT_TYPE =
            new Section(
                    "contact_type",
                    "Contacts by type",
                    "",
                    CONTACTS,
                    false,
                    PARTITION,
                    true,
                    ReportCodes.CONTACT_TYPES,
                    ReportCodes.labels(Codes.ContactType.values()));
    static final Section TOPIC =
            new Section(
                    "topic",
                    "Topics",
                    "A contact can have several topics: these do not add up to the total.",
                    CONTACTS,
                    false,
                    MULTI_SELECT,
                    true,
                    ReportCodes.TOPICS,
                    ReportCodes.labels(Codes.Topic.values()));
    static final Section DURATION =
            new Section(
                    "duration",
                    "Duration",
                    "",
                    CONTACTS,
                    false,
                    PARTITION,
                    true,
                    ReportCodes.DURATIONS,
                    ReportCodes.labels(Codes.DurationBand.values()));
    static final Section REFERRAL =
            new Section(
                    "referral",
                    "Referrals",
                    "A contact can have several referrals.",
                    CONTACTS,
                    false,
                    MULTI_SELECT,
                    true,
                    ReportCodes.REFERRALS,
                    ReportCodes.labels(Codes.Referral.values()));
    static final Section CHECK_IN =
            new Section(
                    "check_in",
                    "Check-ins sent",
                    "Answered means answered before the period ended.",
                    CHECK_INS,
                    true,
                    PARTITION,
                    true,
                    List.of("answered", "not_answered"),
                    List.of("Answered", "Not answered"));
    static final Section CONTINUUM =
            new Section(
                    "continuum",
                    "Stress continuum",
                    "Answers to stress-continuum check-ins, counted per week without names (a week"
                            + " that runs into the next month counts in each month for its days).",
                    ZONES,
                    true,
                    PARTITION,
                    true,
                    List.of("ready", "reacting", "injured", "ill"),
                    List.of("Ready (green)", "Reacting (yellow)", "Injured (orange)", "Ill (red)"));
    static final Section INCIDENT_FOLLOW_UP =
            new Section(
                    "incident_follow_up",
                    "Incident follow-up",
                    "Members involved in critical incidents whose 7-day window ended in the period, by"
                            + " when they first had a peer contact (an answered follow-up check-in or"
                            + " the lead peer's log), in hours since the incident; counted without"
                            + " names.",
                    INVOLVED,
                    true,
                    PARTITION,
                    true,
                    List.of("within_72h", "within_7d", "later"),
                    List.of(
                            "Within 72 hours",
                            "After 72 hours, within 7 days",
                            "Not within 7 days"));
    static final Section MEMBERS =
            new Section(
                    "members",
                    "Opted out and unreachable",
                    "Changes during the period, counted without names; "
                            + "today's totals are not shown, so that a roster change cannot reveal one person.",
                    null,
                    false,
                    PARTITION,
                    true,
                    List.of("opted_out", "opted_in", "unreachable"),
                    List.of("Opted out", "Opted back in", "Became unreachable"));
    static final Section REQUEST =
            new Section(
                    "request",
                    "Connection requests",
                    "Outcome when the period ended.",
                    REQUESTS,
                    true,
                    PARTITION,
                    true,
                    List.of("accepted", "closed_unaccepted", "open"),
                    List.of("Accepted by a peer", "Closed without a peer", "Still open"));
    static final Section RESPONSE =
            new Section(
                    "response_minutes",
                    "Minutes until a peer accepted",
                    "Shown only when at least k requests were accepted.",
                    null,
                    false,
                    PARTITION,
                    false,
                    List.of("median", "p90"),
                    List.of("Median", "90th percentile"));
    static final Section CASELOAD =
            new Section(
                    "caseload",
                    "Peers by contacts logged",
                    "Bands only, never per peer.",
                    PEERS,
                    true,
                    PARTITION,
                    false,
                    List.of("0", "1_3", "4_6", "7_plus"),
                    List.of("0 contacts", "1–3 contacts", "4–6 contacts", "7+ contacts"));

    /** Every section, in posting order. */
    static final List<Section> SECTIONS =
            List.of(
                    CONTACT_TYPE,
                    TOPIC,
                    DURATION,
                    REFERRAL,
                    CHECK_IN,
                    CONTINUUM,
                    INCIDENT_FOLLOW_UP,
                    MEMBERS,
                    REQUEST,
                    RESPONSE,
                    CASELOAD);

    /** Sections whose numbers go through suppression (all but the response times). */
    static final List<Section> SUPPRESSED =
            SECTIONS.stream().filter(s -> !s.equals(RESPONSE)).toList();

    private ReportLayout() {}
}
