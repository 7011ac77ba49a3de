package io.github.cognitoemulator.core.store.jdbc;

import io.github.cognitoemulator.core.auth.AuthSession;
import io.github.cognitoemulator.core.auth.AuthSessionStore;
import io.github.cognitoemulator.core.auth.ChallengeName;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Challenge sessions in {@code cognito_auth_sessions}. A session never changes once opened, so taking it is reading
 * it and deleting it: of two callers, only the one whose {@code DELETE} removed the row gets it.
 */
final class JdbcAuthSessionStore implements AuthSessionStore {

    private static final String SELECT = "SELECT pool_id, client_id, sub, challenge, expires_at, data"
            + " FROM cognito_auth_sessions WHERE session_key = ?";

    private final Database database;

    JdbcAuthSessionStore(Database database) {
        this.database = database;
    }

    @Override
    public void open(String key, AuthSession session) {
        boolean opened = this.database.insert((connection) -> Sql.update(
                connection,
                "INSERT INTO cognito_auth_sessions (session_key, pool_id, client_id, sub, challenge, expires_at, data)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)",
                key,
                session.userPoolId(),
                session.clientId(),
                session.sub(),
                session.challenge().name(),
                Sql.nanos(session.expiresAt()),
                JdbcJson.write(session.data())));
        if (!opened) {
            throw new IllegalStateException("A session key was issued twice");
        }
    }

    @Override
    public Optional<AuthSession> find(String key) {
        return this.database.transaction((connection) -> find(connection, key));
    }

    @Override
    public Optional<AuthSession> take(String key) {
        return this.database.transaction((connection) -> {
            Optional<AuthSession> session = find(connection, key);
            if (session.isEmpty()) {
                return session;
            }
            int deleted = Sql.update(connection, "DELETE FROM cognito_auth_sessions WHERE session_key = ?", key);
            return (deleted == 1) ? session : Optional.<AuthSession>empty();
        });
    }

    private static Optional<AuthSession> find(Connection connection, String key) throws SQLException {
        return Sql.queryOne(connection, SELECT, JdbcAuthSessionStore::session, key);
    }

    private static AuthSession session(ResultSet row) throws SQLException {
        return new AuthSession(
                row.getString("pool_id"),
                row.getString("client_id"),
                row.getString("sub"),
                ChallengeName.valueOf(row.getString("challenge")),
                Sql.instant(row, "expires_at"),
                JdbcJson.readStringMap(row.getString("data")));
    }
}
