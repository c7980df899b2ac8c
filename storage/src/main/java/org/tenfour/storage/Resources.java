package org.tenfour.storage;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * An agency's resource directory. Every statement names the agency; a partner's entries are read
 * only when shared and only through an active partnership of that agency. Nothing here records who
 * read the directory.
 */
@RegisterConstructorMapper(Resource.class)
public interface Resources {
    String COLUMNS = "id, agency_id, name, reach, category, shared, added_on";

    @SqlQuery(
            "insert into resource (agency_id, name, reach, category, shared, added_on) "
                    + "values (:agencyId, :name, :reach, :category, :shared, :on) returning "
                    + COLUMNS)
    Resource add(
            UUID agencyId,
            String name,
            String reach,
            String category,
            boolean shared,
            LocalDate on);

    /** The agency's own entries, in the order they were added (their numbers in the list). */
    @SqlQuery("select " + COLUMNS + " from resource where agency_id = :agencyId order by id")
    List<Resource> own(UUID agencyId);

    /** Entries active partners of the agency share with it, oldest first. */
    @SqlQuery(
            "select "
                    + COLUMNS
                    + " from resource where shared and agency_id in ("
                    + "select case when agency_a = :agencyId then agency_b else agency_a end "
                    + "from partnership where state = 'active' "
                    + "and (agency_a = :agencyId or agency_b = :agencyId)) order by agency_id, id")
    List<Resource> sharedWith(UUID agencyId);

    /** Deletes an entry. */
    @SqlUpdate("delete from resource where agency_id = :agencyId and id = :id")
    int remove(UUID agencyId, long id);

    @SqlUpdate("update resource set shared = :shared " + "where agency_id = :agencyId and id = :id")
    int share(UUID agencyId, long id, boolean shared);
}
