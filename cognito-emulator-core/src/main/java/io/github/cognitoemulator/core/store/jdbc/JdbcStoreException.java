package io.github.cognitoemulator.core.store.jdbc;

/**
 * The database behind a {@link JdbcStore} failed: it could not be opened, holds a schema this emulator cannot use,
 * or refused an operation. The message names the database by its JDBC URL, without any password.
 */
public final class JdbcStoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    JdbcStoreException(String message) {
        super(message);
    }

    JdbcStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
