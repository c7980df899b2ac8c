/**
 * TenFour's PostgreSQL storage: the schema (Flyway migrations under {@code db/migration}), the JDBI
 * repositories and the records they return, and the embedded PostgreSQL used when no {@code
 * DATABASE_URL} is given.
 *
 * <p>Every repository method takes the agency id: one agency never reads another's rows. Nothing
 * here knows chat platforms or the domain's services.
 */
package org.tenfour.storage;
