package io.github.cognitoemulator.core.store.jdbc;

import io.github.cognitoemulator.core.code.CodePurpose;
import io.github.cognitoemulator.core.code.CodeStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * One-time codes in {@code cognito_codes}, one row per user and purpose. Counting a failure and taking a code are
 * each one conditional statement: the database evaluates the condition on the row as it is once locked, so of
 * concurrent callers no more than the limit count a failure, and one at most takes the code.
 */
final class JdbcCodeStore implements CodeStore {

    private final Database database;

    JdbcCodeStore(Database database) {
        this.database = database;
    }

    @Override
    public void put(PendingCode code) {
        // Update, or insert when there is no row; a concurrent insert of the same key makes the next attempt update.
        this.database.transactionRereadingOnDuplicate((connection) -> {
            Object[] values = {
                code.code(),
                Sql.nanos(code.expiresAt()),
                code.failedAttempts(),
                JdbcJson.write(code.superseded()),
                code.userPoolId(),
                code.sub(),
                code.purpose().name()
            };
            int updated = Sql.update(
                    connection,
                    "UPDATE cognito_codes SET code = ?, expires_at = ?, failed_attempts = ?, superseded = ?"
                            + " WHERE pool_id = ? AND sub = ? AND purpose = ?",
                    values);
            if (updated == 0) {
                Sql.update(
                        connection,
                        "INSERT INTO cognito_codes (code, expires_at, failed_attempts, superseded, pool_id, sub,"
                                + " purpose) VALUES (?, ?, ?, ?, ?, ?, ?)",
                        values);
            }
            return null;
        });
    }

    @Override
    public Optional<PendingCode> find(String userPoolId, String sub, CodePurpose purpose) {
        return this.database.transaction((connection) -> Sql.queryOne(
                connection,
                "SELECT pool_id, sub, purpose, code, expires_at, failed_attempts, superseded FROM cognito_codes"
                        + " WHERE pool_id = ? AND sub = ? AND purpose = ?",
                JdbcCodeStore::code,
                userPoolId,
                sub,
                purpose.name()));
    }

    @Override
    public boolean countFailure(
            String userPoolId, String sub, CodePurpose purpose, String code, int maxFailedAttempts) {
        return this.database.transaction((connection) -> Sql.update(
                        connection,
                        "UPDATE cognito_codes SET failed_attempts = failed_attempts + 1"
                                + " WHERE pool_id = ? AND sub = ? AND purpose = ? AND code = ? AND failed_attempts < ?",
                        userPoolId,
                        sub,
                        purpose.name(),
                        code,
                        maxFailedAttempts)
                == 1);
    }

    @Override
    public boolean take(String userPoolId, String sub, CodePurpose purpose, String code, int maxFailedAttempts) {
        return this.database.transaction((connection) -> Sql.update(
                        connection,
                        "DELETE FROM cognito_codes"
                                + " WHERE pool_id = ? AND sub = ? AND purpose = ? AND code = ? AND failed_attempts < ?",
                        userPoolId,
                        sub,
                        purpose.name(),
                        code,
                        maxFailedAttempts)
                == 1);
    }

    private static PendingCode code(ResultSet row) throws SQLException {
        return new PendingCode(
                row.getString("pool_id"),
                row.getString("sub"),
                CodePurpose.valueOf(row.getString("purpose")),
                row.getString("code"),
                Sql.instant(row, "expires_at"),
                row.getInt("failed_attempts"),
                JdbcJson.readStringList(row.getString("superseded")));
    }
}
