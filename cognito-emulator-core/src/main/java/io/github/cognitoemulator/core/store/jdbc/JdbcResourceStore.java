package io.github.cognitoemulator.core.store.jdbc;

import io.github.cognitoemulator.core.store.Resource;
import io.github.cognitoemulator.core.store.ResourceChange;
import io.github.cognitoemulator.core.store.ResourceKind;
import io.github.cognitoemulator.core.store.ResourceStore;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Pools' small records in {@code cognito_resources}, one row each, the value as JSON. A write is one transaction;
 * a replacement or deletion updates only the row still at the version read, and the write is rolled back as a whole
 * when one does not.
 */
final class JdbcResourceStore implements ResourceStore {

    private static final String COLUMNS = "pool_id, resource_key, version, data";

    private final Database database;

    JdbcResourceStore(Database database) {
        this.database = database;
    }

    @Override
    public <T> Optional<Resource<T>> find(ResourceKind<T> kind, String key) {
        return this.database.transaction((connection) -> Sql.queryOne(
                connection,
                "SELECT " + COLUMNS + " FROM cognito_resources WHERE kind = ? AND resource_key = ?",
                (row) -> resource(kind, row),
                kind.name(),
                key));
    }

    @Override
    public <T> List<Resource<T>> list(ResourceKind<T> kind, @Nullable String userPoolId, String keyPrefix) {
        if (userPoolId == null) {
            return this.database.transaction((connection) -> Sql.query(
                    connection,
                    "SELECT " + COLUMNS + " FROM cognito_resources WHERE pool_id IS NULL AND kind = ?"
                            + " AND resource_key LIKE ? ESCAPE '!' ORDER BY resource_key",
                    (row) -> resource(kind, row),
                    kind.name(),
                    Sql.startsWith(keyPrefix)));
        }
        return this.database.transaction((connection) -> Sql.query(
                connection,
                "SELECT " + COLUMNS + " FROM cognito_resources WHERE pool_id = ? AND kind = ?"
                        + " AND resource_key LIKE ? ESCAPE '!' ORDER BY resource_key",
                (row) -> resource(kind, row),
                userPoolId,
                kind.name(),
                Sql.startsWith(keyPrefix)));
    }

    @Override
    public boolean write(List<? extends ResourceChange> changes) {
        try {
            return this.database.insert((connection) -> {
                for (ResourceChange change : changes) {
                    apply(connection, change);
                }
                return null;
            });
        } catch (StaleRecord ex) {
            return false;
        }
    }

    private static void apply(Connection connection, ResourceChange change) throws SQLException {
        if (change instanceof ResourceChange.Create<?> create) {
            Sql.update(
                    connection,
                    "INSERT INTO cognito_resources (kind, " + COLUMNS + ") VALUES (?, ?, ?, 1, ?)",
                    create.kind().name(),
                    create.userPoolId(),
                    create.key(),
                    JdbcJson.write(create.value()));
        } else if (change instanceof ResourceChange.Replace<?> replace) {
            Resource<?> current = replace.current();
            expectOne(Sql.update(
                    connection,
                    "UPDATE cognito_resources SET version = ?, data = ?"
                            + " WHERE kind = ? AND resource_key = ? AND version = ?",
                    current.version() + 1,
                    JdbcJson.write(replace.value()),
                    current.kind().name(),
                    current.key(),
                    current.version()));
        } else if (change instanceof ResourceChange.Delete delete) {
            Resource<?> current = delete.current();
            expectOne(Sql.update(
                    connection,
                    "DELETE FROM cognito_resources WHERE kind = ? AND resource_key = ? AND version = ?",
                    current.kind().name(),
                    current.key(),
                    current.version()));
        } else {
            ResourceChange.DeleteIfPresent deleteIfPresent = (ResourceChange.DeleteIfPresent) change;
            Sql.update(
                    connection,
                    "DELETE FROM cognito_resources WHERE kind = ? AND resource_key = ?",
                    deleteIfPresent.kind().name(),
                    deleteIfPresent.key());
        }
    }

    private static void expectOne(int updated) {
        if (updated != 1) {
            throw new StaleRecord();
        }
    }

    private static <T> Resource<T> resource(ResourceKind<T> kind, ResultSet row) throws SQLException {
        return new Resource<>(
                kind,
                row.getString("pool_id"),
                row.getString("resource_key"),
                row.getLong("version"),
                JdbcJson.read(row.getString("data"), kind.type()));
    }

    /** Rolls a write back because a record it replaces or deletes is no longer at the version read. */
    private static final class StaleRecord extends RuntimeException {

        private static final long serialVersionUID = 1L;

        StaleRecord() {
            super(null, null, false, false);
        }
    }
}
