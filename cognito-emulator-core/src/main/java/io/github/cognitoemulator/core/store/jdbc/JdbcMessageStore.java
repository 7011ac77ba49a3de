package io.github.cognitoemulator.core.store.jdbc;

import io.github.cognitoemulator.core.message.Message;
import io.github.cognitoemulator.core.message.MessageStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Sent messages in {@code cognito_messages}, ordered by an identity column. Each addition deletes whatever lies beyond
 * the newest {@code capacity} messages once its own message is committed: a deletion in the same transaction would
 * not see the messages of concurrent additions, which commit later, and could leave one too many behind. So that a
 * message past the capacity is never listed in between, listing reads from the newest {@code capacity} only.
 */
final class JdbcMessageStore implements MessageStore {

    private static final String COLUMNS =
            "id, pool_id, username, message_type, delivery_medium, destination, subject, body, code, sent_at";

    private final Database database;

    private final int capacity;

    JdbcMessageStore(Database database, int capacity) {
        this.database = database;
        this.capacity = capacity;
    }

    @Override
    public void add(Message message) {
        this.database.transaction((connection) -> Sql.update(
                connection,
                "INSERT INTO cognito_messages (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                message.id(),
                message.userPoolId(),
                message.username(),
                message.type(),
                message.deliveryMedium(),
                message.destination(),
                message.subject(),
                message.body(),
                message.code(),
                Sql.nanos(message.sentAt())));
        this.database.transaction((connection) -> Sql.update(
                connection,
                "DELETE FROM cognito_messages WHERE seq <="
                        + " (SELECT seq FROM cognito_messages ORDER BY seq DESC LIMIT 1 OFFSET ?)",
                this.capacity));
    }

    @Override
    public List<Message> list(@Nullable String userPoolId, @Nullable String username) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM (SELECT seq, " + COLUMNS
                + " FROM cognito_messages ORDER BY seq DESC LIMIT ?) kept WHERE 1 = 1");
        List<Object> parameters = new ArrayList<>();
        parameters.add(this.capacity);
        if (userPoolId != null) {
            sql.append(" AND pool_id = ?");
            parameters.add(userPoolId);
        }
        if (username != null) {
            sql.append(" AND (username = ? OR destination = ?)");
            parameters.add(username);
            parameters.add(username);
        }
        sql.append(" ORDER BY seq DESC");
        return this.database.transaction(
                (connection) -> Sql.query(connection, sql.toString(), JdbcMessageStore::message, parameters.toArray()));
    }

    @Override
    public void clear() {
        this.database.transaction((connection) -> Sql.update(connection, "DELETE FROM cognito_messages"));
    }

    private static Message message(ResultSet row) throws SQLException {
        return new Message(
                row.getString("id"),
                row.getString("pool_id"),
                row.getString("username"),
                row.getString("message_type"),
                row.getString("delivery_medium"),
                row.getString("destination"),
                row.getString("subject"),
                row.getString("body"),
                row.getString("code"),
                Sql.instant(row, "sent_at"));
    }
}
