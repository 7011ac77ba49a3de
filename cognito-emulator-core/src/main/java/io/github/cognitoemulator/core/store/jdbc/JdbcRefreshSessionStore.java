package io.github.cognitoemulator.core.store.jdbc;

import io.github.cognitoemulator.core.token.RefreshSession;
import io.github.cognitoemulator.core.token.RefreshSessionStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Sign-ins in {@code cognito_refresh_sessions}, keyed by the refresh token's digest, with a unique index on the
 * {@code origin_jti} that revocation goes by and an index on the user for signing out everywhere.
 */
final class JdbcRefreshSessionStore implements RefreshSessionStore {

    private final Database database;

    JdbcRefreshSessionStore(Database database) {
        this.database = database;
    }

    @Override
    public void save(RefreshSession session) {
        this.database.transactionRereadingOnDuplicate((connection) -> {
            // A sign-in has one refresh token: one saved again under a new token leaves the old one behind.
            Sql.update(
                    connection,
                    "DELETE FROM cognito_refresh_sessions WHERE origin_jti = ? AND token_digest <> ?",
                    session.originJti(),
                    session.tokenDigest());
            Object[] values = {
                session.userPoolId(),
                session.clientId(),
                session.sub(),
                session.originJti(),
                Sql.nanos(session.authTime()),
                Sql.nanos(session.expiresAt()),
                Sql.nanos(session.retainUntil()),
                session.revoked(),
                session.tokenDigest()
            };
            int updated = Sql.update(
                    connection,
                    "UPDATE cognito_refresh_sessions SET pool_id = ?, client_id = ?, sub = ?, origin_jti = ?,"
                            + " auth_time = ?, expires_at = ?, retain_until = ?, revoked = ? WHERE token_digest = ?",
                    values);
            if (updated == 0) {
                Sql.update(
                        connection,
                        "INSERT INTO cognito_refresh_sessions (pool_id, client_id, sub, origin_jti, auth_time,"
                                + " expires_at, retain_until, revoked, token_digest) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        values);
            }
            return null;
        });
    }

    @Override
    public Optional<RefreshSession> findByTokenDigest(String tokenDigest) {
        return this.database.transaction((connection) -> Sql.queryOne(
                connection,
                "SELECT token_digest, pool_id, client_id, sub, origin_jti, auth_time, expires_at, retain_until, revoked"
                        + " FROM cognito_refresh_sessions WHERE token_digest = ?",
                JdbcRefreshSessionStore::session,
                tokenDigest));
    }

    @Override
    public boolean isRevoked(String originJti) {
        return this.database.transaction((connection) -> Sql.queryOne(
                        connection,
                        "SELECT revoked FROM cognito_refresh_sessions WHERE origin_jti = ?",
                        (row) -> row.getBoolean(1),
                        originJti)
                .orElse(false));
    }

    @Override
    public void revoke(String originJti) {
        this.database.transaction((connection) -> Sql.update(
                connection, "UPDATE cognito_refresh_sessions SET revoked = TRUE WHERE origin_jti = ?", originJti));
    }

    @Override
    public void revokeUser(String userPoolId, String sub) {
        this.database.transaction((connection) -> Sql.update(
                connection,
                "UPDATE cognito_refresh_sessions SET revoked = TRUE WHERE pool_id = ? AND sub = ?",
                userPoolId,
                sub));
    }

    private static RefreshSession session(ResultSet row) throws SQLException {
        return new RefreshSession(
                row.getString("token_digest"),
                row.getString("pool_id"),
                row.getString("client_id"),
                row.getString("sub"),
                row.getString("origin_jti"),
                Sql.instant(row, "auth_time"),
                Sql.instant(row, "expires_at"),
                Sql.instant(row, "retain_until"),
                row.getBoolean("revoked"));
    }
}
