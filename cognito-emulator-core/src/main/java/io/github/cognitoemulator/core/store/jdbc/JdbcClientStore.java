package io.github.cognitoemulator.core.store.jdbc;

import com.fasterxml.jackson.core.type.TypeReference;
import io.github.cognitoemulator.core.client.ClientStore;
import io.github.cognitoemulator.core.client.ExplicitAuthFlow;
import io.github.cognitoemulator.core.client.TokenValidity;
import io.github.cognitoemulator.core.client.UserPoolClient;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * App clients in {@code cognito_clients}: the primary key keeps client ids unique across pools, and the foreign key
 * to the pool refuses a client of a missing pool, even one deleted while the client is added.
 */
final class JdbcClientStore implements ClientStore {

    private static final TypeReference<List<ExplicitAuthFlow>> FLOWS = new TypeReference<>() {};

    private static final String COLUMNS = "client_id, pool_id, client_name, client_secret, creation_date,"
            + " last_modified_date, token_validity, explicit_auth_flows, prevent_user_existence_errors,"
            + " enable_token_revocation, auth_session_validity, settings";

    private final Database database;

    JdbcClientStore(Database database) {
        this.database = database;
    }

    @Override
    public boolean create(UserPoolClient client) {
        return this.database.insert((connection) -> Sql.update(
                connection,
                "INSERT INTO cognito_clients (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                client.clientId(),
                client.userPoolId(),
                client.clientName(),
                client.clientSecret(),
                Sql.nanos(client.creationDate()),
                Sql.nanos(client.lastModifiedDate()),
                JdbcJson.write(client.tokenValidity()),
                (client.explicitAuthFlows() != null) ? JdbcJson.write(client.explicitAuthFlows()) : null,
                client.preventUserExistenceErrors(),
                client.enableTokenRevocation(),
                client.authSessionValidity(),
                JdbcJson.writeSettings(client.settings())));
    }

    @Override
    public Optional<UserPoolClient> find(String clientId) {
        return this.database.transaction((connection) -> Sql.queryOne(
                connection,
                "SELECT " + COLUMNS + " FROM cognito_clients WHERE client_id = ?",
                JdbcClientStore::client,
                clientId));
    }

    @Override
    public List<UserPoolClient> list(String userPoolId) {
        return this.database.transaction((connection) -> Sql.query(
                connection,
                "SELECT " + COLUMNS + " FROM cognito_clients WHERE pool_id = ? ORDER BY client_id",
                JdbcClientStore::client,
                userPoolId));
    }

    @Override
    public boolean replace(UserPoolClient current, UserPoolClient updated) {
        return this.database.transaction((connection) -> {
            Optional<UserPoolClient> stored = Sql.queryOne(
                    connection,
                    "SELECT " + COLUMNS + " FROM cognito_clients WHERE client_id = ? FOR UPDATE",
                    JdbcClientStore::client,
                    current.clientId());
            if (!stored.equals(Optional.of(current))) {
                return false;
            }
            Sql.update(
                    connection,
                    "UPDATE cognito_clients SET client_name = ?, client_secret = ?, creation_date = ?,"
                            + " last_modified_date = ?, token_validity = ?, explicit_auth_flows = ?,"
                            + " prevent_user_existence_errors = ?, enable_token_revocation = ?,"
                            + " auth_session_validity = ?, settings = ? WHERE client_id = ?",
                    updated.clientName(),
                    updated.clientSecret(),
                    Sql.nanos(updated.creationDate()),
                    Sql.nanos(updated.lastModifiedDate()),
                    JdbcJson.write(updated.tokenValidity()),
                    (updated.explicitAuthFlows() != null) ? JdbcJson.write(updated.explicitAuthFlows()) : null,
                    updated.preventUserExistenceErrors(),
                    updated.enableTokenRevocation(),
                    updated.authSessionValidity(),
                    JdbcJson.writeSettings(updated.settings()),
                    current.clientId());
            return true;
        });
    }

    @Override
    public boolean delete(String clientId) {
        return this.database.transaction((connection) ->
                Sql.update(connection, "DELETE FROM cognito_clients WHERE client_id = ?", clientId) > 0);
    }

    private static UserPoolClient client(ResultSet row) throws SQLException {
        String flows = row.getString("explicit_auth_flows");
        return new UserPoolClient(
                row.getString("pool_id"),
                row.getString("client_name"),
                row.getString("client_id"),
                row.getString("client_secret"),
                Sql.instant(row, "creation_date"),
                Sql.instant(row, "last_modified_date"),
                JdbcJson.read(row.getString("token_validity"), TokenValidity.class),
                (flows != null) ? JdbcJson.read(flows, FLOWS) : null,
                row.getString("prevent_user_existence_errors"),
                row.getBoolean("enable_token_revocation"),
                row.getInt("auth_session_validity"),
                JdbcJson.readSettings(row.getString("settings")));
    }
}
