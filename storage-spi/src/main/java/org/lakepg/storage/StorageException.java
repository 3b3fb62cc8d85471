package org.lakepg.storage;

/**
 * The one (unchecked) error type of the storage contract. {@link Reason} tells the server which SQLSTATE to map
 * it to, so the message can stay human.
 */
public class StorageException extends RuntimeException {

    /** What went wrong, coarse enough to map to a SQLSTATE class. */
    public enum Reason {
        /** A timeline, relation or object that does not exist. */
        NOT_FOUND,
        /** A name or id that exists already. */
        ALREADY_EXISTS,
        /** A request that can never succeed as asked (bad LSN, LSN below the GC horizon, ...). */
        INVALID_REQUEST,
        /** Stored data failed its checks (checksum, format). */
        CORRUPTED,
        /** The operating system or network failed. */
        IO,
        /** The store was closed or is shutting down. */
        CLOSED
    }

    private final Reason reason;

    public StorageException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public StorageException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public static StorageException of(Reason reason, String format, Object... args) {
        return new StorageException(reason, String.format(format, args));
    }

    public Reason reason() {
        return reason;
    }
}
