package org.tenfour.storage;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Peers' training records. Every statement names the agency. */
@RegisterConstructorMapper(TrainingRecord.class)
public interface TrainingRecords {
    String COLUMNS =
            "id, agency_id, member_id, course, completed_on, expires_on, required, reminded_on";

    @SqlQuery(
            "insert into training_record (agency_id, member_id, course, completed_on, expires_on,"
                    + " required) values (:agencyId, :memberId, :course, :completedOn, :expiresOn,"
                    + " :required) returning "
                    + COLUMNS)
    TrainingRecord add(
            UUID agencyId,
            UUID memberId,
            String course,
            LocalDate completedOn,
            LocalDate expiresOn,
            boolean required);

    /** Every record, in the order added (their numbers in the list). */
    @SqlQuery("select " + COLUMNS + " from training_record where agency_id = :agencyId order by id")
    List<TrainingRecord> all(UUID agencyId);

    @SqlUpdate("delete from training_record where agency_id = :agencyId and id = :id")
    int remove(UUID agencyId, long id);

    /**
     * Required courses expiring from {@code today} to {@code until} whose peer was not reminded.
     */
    @SqlQuery(
            "select "
                    + COLUMNS
                    + " from training_record where agency_id = :agencyId and required and"
                    + " reminded_on is null and expires_on between :today and :until order by id")
    List<TrainingRecord> dueForReminder(UUID agencyId, LocalDate today, LocalDate until);

    @SqlUpdate(
            "update training_record set reminded_on = :on where agency_id = :agencyId and id = :id"
                    + " and reminded_on is null")
    boolean reminded(UUID agencyId, long id, LocalDate on);
}
