package org.tenfour.storage;

/** The database could not be started, reached or migrated. */
public class StorageException extends RuntimeException {
    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
