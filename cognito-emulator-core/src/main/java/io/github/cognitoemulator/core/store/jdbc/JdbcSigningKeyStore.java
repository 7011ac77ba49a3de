package io.github.cognitoemulator.core.store.jdbc;

import io.github.cognitoemulator.core.token.PoolKeys;
import io.github.cognitoemulator.core.token.SigningKeyStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Each pool's signing keys in {@code cognito_signing_keys}, as JWKs with their private parts. Created if absent: the
 * keys are generated outside any transaction (that takes a while) and inserted; the primary key lets one insert in,
 * and a caller whose insert was refused reads back and uses the keys that were stored.
 */
final class JdbcSigningKeyStore implements SigningKeyStore {

    private final Database database;

    JdbcSigningKeyStore(Database database) {
        this.database = database;
    }

    @Override
    public PoolKeys keysFor(String userPoolId, Supplier<PoolKeys> generator) {
        for (int attempt = 1; attempt <= Database.MAX_ATTEMPTS; attempt++) {
            Optional<PoolKeys> stored = find(userPoolId);
            if (stored.isPresent()) {
                return stored.get();
            }
            PoolKeys keys = generator.get();
            boolean inserted = this.database.insert((connection) -> Sql.update(
                    connection,
                    "INSERT INTO cognito_signing_keys (pool_id, id_token_key, access_token_key) VALUES (?, ?, ?)",
                    userPoolId,
                    JdbcJson.writeKey(keys.idToken()),
                    JdbcJson.writeKey(keys.accessToken())));
            if (inserted) {
                return keys;
            }
            // Another caller stored keys first; read them on the next turn (unless the pool was deleted meanwhile).
        }
        throw new JdbcStoreException("The signing keys of " + userPoolId + " could not be stored or read");
    }

    @Override
    public Optional<PoolKeys> find(String userPoolId) {
        return this.database.transaction((connection) -> Sql.queryOne(
                connection,
                "SELECT pool_id, id_token_key, access_token_key FROM cognito_signing_keys WHERE pool_id = ?",
                JdbcSigningKeyStore::keys,
                userPoolId));
    }

    @Override
    public List<PoolKeys> list() {
        return this.database.transaction((connection) -> Sql.query(
                connection,
                "SELECT pool_id, id_token_key, access_token_key FROM cognito_signing_keys ORDER BY pool_id",
                JdbcSigningKeyStore::keys));
    }

    private static PoolKeys keys(ResultSet row) throws SQLException {
        return new PoolKeys(
                row.getString("pool_id"),
                JdbcJson.readKey(row.getString("id_token_key")),
                JdbcJson.readKey(row.getString("access_token_key")));
    }
}
