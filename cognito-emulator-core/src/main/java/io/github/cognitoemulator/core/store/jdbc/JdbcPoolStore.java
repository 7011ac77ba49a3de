package io.github.cognitoemulator.core.store.jdbc;

import com.fasterxml.jackson.core.type.TypeReference;
import io.github.cognitoemulator.core.pool.MfaSettings;
import io.github.cognitoemulator.core.pool.PasswordPolicy;
import io.github.cognitoemulator.core.pool.PoolStore;
import io.github.cognitoemulator.core.pool.SchemaAttribute;
import io.github.cognitoemulator.core.pool.UserPool;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** Pools in {@code cognito_pools}; the primary key on the pool id keeps a second pool with the same id out. */
final class JdbcPoolStore implements PoolStore {

    private static final TypeReference<List<SchemaAttribute>> SCHEMA = new TypeReference<>() {};

    private static final String COLUMNS = "id, name, arn, creation_date, last_modified_date, password_policy,"
            + " schema_attributes, auto_verified_attributes, alias_attributes, username_attributes,"
            + " username_case_sensitive, mfa_configuration, deletion_protection, mfa_settings, settings";

    private final Database database;

    JdbcPoolStore(Database database) {
        this.database = database;
    }

    @Override
    public boolean create(UserPool pool) {
        return this.database.insert((connection) -> Sql.update(
                connection,
                "INSERT INTO cognito_pools (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                pool.id(),
                pool.name(),
                pool.arn(),
                Sql.nanos(pool.creationDate()),
                Sql.nanos(pool.lastModifiedDate()),
                JdbcJson.write(pool.passwordPolicy()),
                JdbcJson.write(pool.schema()),
                JdbcJson.write(pool.autoVerifiedAttributes()),
                JdbcJson.write(pool.aliasAttributes()),
                JdbcJson.write(pool.usernameAttributes()),
                pool.usernameCaseSensitive(),
                pool.mfaConfiguration(),
                pool.deletionProtection(),
                JdbcJson.write(pool.mfaSettings()),
                JdbcJson.writeSettings(pool.settings())));
    }

    @Override
    public Optional<UserPool> find(String userPoolId) {
        return this.database.transaction((connection) -> Sql.queryOne(
                connection, "SELECT " + COLUMNS + " FROM cognito_pools WHERE id = ?", JdbcPoolStore::pool, userPoolId));
    }

    @Override
    public List<UserPool> list() {
        return this.database.transaction((connection) ->
                Sql.query(connection, "SELECT " + COLUMNS + " FROM cognito_pools ORDER BY id", JdbcPoolStore::pool));
    }

    @Override
    public boolean replace(UserPool current, UserPool updated) {
        return this.database.transaction((connection) -> {
            Optional<UserPool> stored = Sql.queryOne(
                    connection,
                    "SELECT " + COLUMNS + " FROM cognito_pools WHERE id = ? FOR UPDATE",
                    JdbcPoolStore::pool,
                    current.id());
            if (!stored.equals(Optional.of(current))) {
                return false;
            }
            Sql.update(
                    connection,
                    "UPDATE cognito_pools SET name = ?, arn = ?, creation_date = ?, last_modified_date = ?,"
                            + " password_policy = ?, schema_attributes = ?, auto_verified_attributes = ?,"
                            + " alias_attributes = ?, username_attributes = ?, username_case_sensitive = ?,"
                            + " mfa_configuration = ?, deletion_protection = ?, mfa_settings = ?, settings = ? WHERE id = ?",
                    updated.name(),
                    updated.arn(),
                    Sql.nanos(updated.creationDate()),
                    Sql.nanos(updated.lastModifiedDate()),
                    JdbcJson.write(updated.passwordPolicy()),
                    JdbcJson.write(updated.schema()),
                    JdbcJson.write(updated.autoVerifiedAttributes()),
                    JdbcJson.write(updated.aliasAttributes()),
                    JdbcJson.write(updated.usernameAttributes()),
                    updated.usernameCaseSensitive(),
                    updated.mfaConfiguration(),
                    updated.deletionProtection(),
                    JdbcJson.write(updated.mfaSettings()),
                    JdbcJson.writeSettings(updated.settings()),
                    current.id());
            return true;
        });
    }

    private static UserPool pool(ResultSet row) throws SQLException {
        return new UserPool(
                row.getString("id"),
                row.getString("name"),
                row.getString("arn"),
                Sql.instant(row, "creation_date"),
                Sql.instant(row, "last_modified_date"),
                JdbcJson.read(row.getString("password_policy"), PasswordPolicy.class),
                JdbcJson.read(row.getString("schema_attributes"), SCHEMA),
                JdbcJson.readStringList(row.getString("auto_verified_attributes")),
                JdbcJson.readStringList(row.getString("alias_attributes")),
                JdbcJson.readStringList(row.getString("username_attributes")),
                Sql.booleanOrNull(row, "username_case_sensitive"),
                row.getString("mfa_configuration"),
                row.getString("deletion_protection"),
                JdbcJson.read(row.getString("mfa_settings"), MfaSettings.class),
                JdbcJson.readSettings(row.getString("settings")));
    }
}
