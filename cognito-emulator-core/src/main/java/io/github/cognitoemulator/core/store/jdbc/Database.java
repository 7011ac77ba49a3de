package io.github.cognitoemulator.core.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * How every store operation reaches the database: in one transaction of its own, at READ COMMITTED (set on the
 * pool), committed when the work returns and rolled back when it throws. A transaction the database aborts under
 * concurrency (a serialization failure, a deadlock) is run again, a bounded number of times, after a short random
 * pause; the work must therefore be safe to repeat, which it is when it only talks to the database.
 */
final class Database {

    /** How many times a transaction is attempted before the failure is reported. */
    static final int MAX_ATTEMPTS = 10;

    /** Serialization failure, raised by PostgreSQL and by H2 for a deadlock; deadlock detected (PostgreSQL). */
    private static final Set<String> TRANSIENT = Set.of("40001", "40P01");

    private static final String DUPLICATE_KEY = "23505";

    /** A foreign key's parent is missing: 23503 on PostgreSQL, 23506 on H2. */
    private static final Set<String> MISSING_PARENT = Set.of("23503", "23506");

    private final DataSource dataSource;

    private final String url;

    /**
     * @param dataSource connections with auto-commit off
     * @param url the JDBC URL without a password, for messages
     */
    Database(DataSource dataSource, String url) {
        this.dataSource = dataSource;
        this.url = url;
    }

    /** Work done in a transaction. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Runs {@code work} in a transaction; a key violation is a failure. */
    <T> T transaction(Work<T> work) {
        return run(work, OnDuplicate.FAIL);
    }

    /**
     * Runs {@code work} in a transaction, and again when a unique key it inserts turns out to be taken: for work that
     * reads first what it is about to insert, so that the next attempt finds the row a concurrent transaction
     * committed in the meantime and decides accordingly.
     */
    <T> T transactionRereadingOnDuplicate(Work<T> work) {
        return run(work, OnDuplicate.RETRY);
    }

    /**
     * Runs an insertion in a transaction.
     *
     * @return {@code false}, and nothing written, when a unique key was taken or a foreign key's parent is missing
     */
    boolean insert(Work<?> work) {
        try {
            run(work, OnDuplicate.FAIL);
            return true;
        } catch (JdbcStoreException ex) {
            if (ex.getCause() instanceof SQLException sql && (isDuplicateKey(sql) || isMissingParent(sql))) {
                return false;
            }
            throw ex;
        }
    }

    private <T> T run(Work<T> work, OnDuplicate onDuplicate) {
        SQLException failure = null;
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            try {
                return attempt(work);
            } catch (SQLException ex) {
                boolean again = isTransient(ex) || (onDuplicate == OnDuplicate.RETRY && isDuplicateKey(ex));
                if (!again) {
                    throw new JdbcStoreException("The store at " + this.url + " failed: " + ex.getMessage(), ex);
                }
                failure = ex;
                pause(attempt);
            }
        }
        throw new JdbcStoreException(
                "The store at " + this.url + " gave up after " + MAX_ATTEMPTS + " attempts: " + failure.getMessage(),
                failure);
    }

    private <T> T attempt(Work<T> work) throws SQLException {
        try (Connection connection = this.dataSource.getConnection()) {
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException | Error ex) {
                try {
                    connection.rollback();
                } catch (SQLException rollbackFailure) {
                    ex.addSuppressed(rollbackFailure);
                }
                throw ex;
            }
        }
    }

    /** Waits a little before the next attempt, longer after each, at random so that racing callers drift apart. */
    private static void pause(int attempt) {
        long maxMillis = Math.min(2L << attempt, 100);
        LockSupport.parkNanos(
                TimeUnit.MILLISECONDS.toNanos(ThreadLocalRandom.current().nextLong(1, maxMillis + 1)));
    }

    static boolean isDuplicateKey(SQLException ex) {
        return hasState(ex, Set.of(DUPLICATE_KEY));
    }

    static boolean isMissingParent(SQLException ex) {
        return hasState(ex, MISSING_PARENT);
    }

    private static boolean isTransient(SQLException ex) {
        return hasState(ex, TRANSIENT);
    }

    /** Whether the exception, or one chained to it (a batch reports the cause as its next exception), has a state. */
    private static boolean hasState(SQLException ex, Set<String> states) {
        Throwable cause = ex;
        for (int depth = 0; cause != null && depth < 16; depth++, cause = next(cause)) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null && states.contains(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static @Nullable Throwable next(Throwable ex) {
        if (ex instanceof SQLException sql && sql.getNextException() != null && sql.getNextException() != ex) {
            return sql.getNextException();
        }
        return (ex.getCause() != ex) ? ex.getCause() : null;
    }

    private enum OnDuplicate {
        FAIL,
        RETRY
    }
}
