package io.github.cognitoemulator.core.store.jdbc;

import io.github.cognitoemulator.core.store.SecretStore;
import java.util.Optional;
import java.util.function.Supplier;

/** The emulator's own secrets in {@code cognito_secrets}, created if absent as signing keys are. */
final class JdbcSecretStore implements SecretStore {

    private final Database database;

    JdbcSecretStore(Database database) {
        this.database = database;
    }

    @Override
    public byte[] secret(String name, Supplier<byte[]> generator) {
        for (int attempt = 1; attempt <= Database.MAX_ATTEMPTS; attempt++) {
            Optional<byte[]> stored = this.database.transaction((connection) -> Sql.queryOne(
                    connection, "SELECT secret FROM cognito_secrets WHERE name = ?", (row) -> row.getBytes(1), name));
            if (stored.isPresent()) {
                return stored.get();
            }
            byte[] secret = generator.get().clone();
            boolean inserted = this.database.insert((connection) ->
                    Sql.update(connection, "INSERT INTO cognito_secrets (name, secret) VALUES (?, ?)", name, secret));
            if (inserted) {
                return secret;
            }
        }
        throw new JdbcStoreException("The secret " + name + " could not be stored or read");
    }
}
