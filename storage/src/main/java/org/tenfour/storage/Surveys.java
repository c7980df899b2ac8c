package org.tenfour.storage;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * Anonymous program surveys. Every statement names the agency. An answer adds one to totals and
 * leaves an "already answered" keyed hash; nothing here stores who answered or when.
 */
@RegisterConstructorMapper(Survey.class)
@RegisterConstructorMapper(SurveyTally.class)
public interface Surveys {
    String COLUMNS =
            "id, agency_id, number, question_set, opened_on, closes_on, closed_on, respondents";

    @SqlQuery(
            "insert into survey (agency_id, number, question_set, opened_on, closes_on) values ("
                    + ":agencyId, (select coalesce(max(number), 0) + 1 from survey where agency_id"
                    + " = :agencyId), :questionSet, :openedOn, :closesOn) returning "
                    + COLUMNS)
    Survey create(UUID agencyId, String questionSet, LocalDate openedOn, LocalDate closesOn);

    /** Every total starts at zero, so that an answer only ever updates rows that exist. */
    @SqlBatch(
            "insert into survey_tally (survey_id, agency_id, question, choice) "
                    + "values (:surveyId, :agencyId, :question, :choice)")
    void prepare(UUID agencyId, long surveyId, List<String> question, List<String> choice);

    @SqlQuery("select " + COLUMNS + " from survey where agency_id = :agencyId and id = :id")
    Optional<Survey> find(UUID agencyId, long id);

    @SqlQuery("select " + COLUMNS + " from survey where agency_id = :agencyId and number = :number")
    Optional<Survey> byNumber(UUID agencyId, int number);

    @SqlQuery("select " + COLUMNS + " from survey where agency_id = :agencyId order by number desc")
    List<Survey> all(UUID agencyId);

    @SqlUpdate(
            "update survey set closed_on = :on "
                    + "where agency_id = :agencyId and id = :id and closed_on is null")
    int close(UUID agencyId, long id, LocalDate on);

    /** Leaves the mark; false when this member had answered already. */
    @SqlUpdate(
            "insert into survey_answered (survey_id, agency_id, mark) "
                    + "select id, agency_id, :mark from survey where agency_id = :agencyId and id = :surveyId "
                    + "on conflict do nothing")
    boolean mark(UUID agencyId, long surveyId, String mark);

    @SqlQuery(
            "select exists (select 1 from survey_answered "
                    + "where agency_id = :agencyId and survey_id = :surveyId and mark = :mark)")
    boolean marked(UUID agencyId, long surveyId, String mark);

    /** Adds one to each chosen total (question and choice pairs, in order). */
    @SqlUpdate(
            "update survey_tally t set answers = answers + 1 from unnest(:questions, :choices) as c(q, ch) "
                    + "where t.agency_id = :agencyId and t.survey_id = :surveyId "
                    + "and t.question = c.q and t.choice = c.ch")
    int count(UUID agencyId, long surveyId, String[] questions, String[] choices);

    @SqlQuery(
            "select question, choice, answers from survey_tally "
                    + "where agency_id = :agencyId and survey_id = :surveyId")
    List<SurveyTally> tallies(UUID agencyId, long surveyId);

    /** One more respondent, while the survey is open on {@code today}; false once it is closed. */
    @SqlUpdate(
            "update survey set respondents = respondents + 1 where agency_id = :agencyId and id = :id "
                    + "and closed_on is null and closes_on >= :today")
    boolean respond(UUID agencyId, long id, LocalDate today);

    /** The marks are only needed while answers are taken. */
    @SqlUpdate("delete from survey_answered where agency_id = :agencyId and survey_id = :surveyId")
    int forgetMarks(UUID agencyId, long surveyId);
}
