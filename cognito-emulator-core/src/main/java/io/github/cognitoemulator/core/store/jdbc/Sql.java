package io.github.cognitoemulator.core.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Small helpers over plain JDBC: run a statement with parameters, map rows, convert timestamps. */
final class Sql {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private Sql() {}

    /** Maps the current row of a result set. */
    @FunctionalInterface
    interface Row<T> {
        T map(ResultSet row) throws SQLException;
    }

    /** Runs an INSERT, UPDATE or DELETE and returns how many rows it changed. */
    static int update(Connection connection, String sql, @Nullable Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            return statement.executeUpdate();
        }
    }

    static <T> List<T> query(Connection connection, String sql, Row<T> row, @Nullable Object... parameters)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            try (ResultSet results = statement.executeQuery()) {
                List<T> rows = new ArrayList<>();
                while (results.next()) {
                    rows.add(row.map(results));
                }
                return rows;
            }
        }
    }

    /** The first row of a query, if any. */
    static <T> Optional<T> queryOne(Connection connection, String sql, Row<T> row, @Nullable Object... parameters)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            statement.setMaxRows(1);
            try (ResultSet results = statement.executeQuery()) {
                return results.next() ? Optional.of(row.map(results)) : Optional.empty();
            }
        }
    }

    static void bind(PreparedStatement statement, @Nullable Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
    }

    /**
     * An instant as the store keeps it: nanoseconds since the epoch, so that it reads back exactly as it was written
     * (a SQL timestamp keeps microseconds at best). Covers the years 1677 to 2262.
     */
    static long nanos(Instant instant) {
        try {
            return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), NANOS_PER_SECOND), instant.getNano());
        } catch (ArithmeticException ex) {
            throw new IllegalArgumentException("The store keeps instants between the years 1677 and 2262: " + instant);
        }
    }

    /** {@link #nanos(Instant)} for a bound in a query, where an instant out of range compares like the range's end. */
    static long nanosBound(Instant instant) {
        if (instant.isBefore(Instant.ofEpochSecond(0, Long.MIN_VALUE))) {
            return Long.MIN_VALUE;
        }
        if (instant.isAfter(Instant.ofEpochSecond(0, Long.MAX_VALUE))) {
            return Long.MAX_VALUE;
        }
        return nanos(instant);
    }

    static @Nullable Long nanosOrNull(@Nullable Instant instant) {
        return (instant != null) ? nanos(instant) : null;
    }

    static Instant instant(ResultSet row, String column) throws SQLException {
        return Instant.ofEpochSecond(0, row.getLong(column));
    }

    static @Nullable Instant instantOrNull(ResultSet row, String column) throws SQLException {
        long nanos = row.getLong(column);
        return row.wasNull() ? null : Instant.ofEpochSecond(0, nanos);
    }

    static @Nullable Boolean booleanOrNull(ResultSet row, String column) throws SQLException {
        boolean value = row.getBoolean(column);
        return row.wasNull() ? null : value;
    }

    /** A LIKE pattern for the values that start with {@code prefix}, with {@code !} as the escape character. */
    static String startsWith(String prefix) {
        return prefix.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }
}
