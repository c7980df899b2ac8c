/**
 * TenFour's PostgreSQL storage: the schema (Flyway migrations under {@code db/migration}), the JDBI
 * repositories and the records they return, and the embedded PostgreSQL used when no {@code
 * DATABASE_URL} is given.
 *
 * <p>Every repository method takes the agency id: one agency never reads another's rows. Nothing
 * here knows chat platforms or the domain's services.
 *
 * <p>The domain reaches the repositories through {@link org.tenfour.storage.Store} (a repository,
 * or a unit of work) and {@link org.tenfour.storage.Tx} (the repositories of one transaction,
 * passed along to keep several steps in it); JDBI itself stays inside this module.
 *
 * <p>States, scopes, urgencies, preferences and answers are enums ({@link
 * org.tenfour.storage.StoredWord}) stored as the lower-case words the schema's check constraints
 * name; JDBI binds and reads them, and fails loudly on an unknown word. Lists are SQL arrays mapped
 * by JDBI, never comma-separated text.
 */
package org.tenfour.storage;
