package io.github.cognitoemulator.core.store.jdbc;

import io.github.cognitoemulator.core.password.PasswordCredential;
import io.github.cognitoemulator.core.user.User;
import io.github.cognitoemulator.core.user.UserFilter;
import io.github.cognitoemulator.core.user.UserStatus;
import io.github.cognitoemulator.core.user.UserStore;
import io.github.cognitoemulator.core.user.UserWriteConflict;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Users in {@code cognito_users}, their unique keys in {@code cognito_user_keys} and what ListUsers filters on in
 * {@code cognito_user_search}.
 *
 * <p>A write is one transaction that locks the rows of the users it replaces or deletes ({@code SELECT ... FOR
 * UPDATE}, in {@code sub} order so that two writes take them in the same order), checks every change as the
 * in-memory store does, and only then writes. The primary key of {@code cognito_user_keys} is what finally keeps a
 * key unique: when a concurrent write claims the same key between the check and the insert, the insert fails, and
 * the write is run again, whose check now names the key that was taken. Replacements and deletions also carry the
 * version they expect in their {@code WHERE}, so that no update is ever lost.
 */
final class JdbcUserStore implements UserStore {

    /**
     * How many code points of a value the search table keeps: enough to find almost every value by the index alone,
     * few enough for any value to fit an index entry. Rows found by a cut value are checked against the whole one.
     */
    static final int SEARCH_VALUE_LENGTH = 256;

    private static final String COLUMNS = "u.pool_id, u.sub, u.username, u.attributes, u.status, u.enabled,"
            + " u.create_date, u.last_modified_date, u.password_salt, u.password_verifier, u.password_set_date,"
            + " u.version";

    private final Database database;

    JdbcUserStore(Database database) {
        this.database = database;
    }

    @Override
    public Optional<User> find(String userPoolId, String sub) {
        return this.database.transaction((connection) -> Sql.queryOne(
                connection,
                "SELECT " + COLUMNS + " FROM cognito_users u WHERE u.pool_id = ? AND u.sub = ?",
                JdbcUserStore::user,
                userPoolId,
                sub));
    }

    @Override
    public Optional<User> findByKey(String userPoolId, String key) {
        return this.database.transaction((connection) -> Sql.queryOne(
                connection,
                "SELECT " + COLUMNS + " FROM cognito_user_keys k"
                        + " JOIN cognito_users u ON u.pool_id = k.pool_id AND u.sub = k.sub"
                        + " WHERE k.pool_id = ? AND k.user_key = ?",
                JdbcUserStore::user,
                userPoolId,
                key));
    }

    @Override
    public void write(List<UserChange> changes) {
        if (changes.isEmpty()) {
            return;
        }
        String userPoolId = changes.get(0).userPoolId();
        Set<String> touched = new HashSet<>();
        for (UserChange change : changes) {
            if (!change.userPoolId().equals(userPoolId)) {
                throw new IllegalArgumentException("One write changes the users of one pool");
            }
            if (!touched.add(change.sub())) {
                throw new IllegalArgumentException("One write changes a user once");
            }
        }
        this.database.transactionRereadingOnDuplicate((connection) -> {
            check(connection, userPoolId, changes);
            apply(connection, userPoolId, changes);
            return null;
        });
    }

    /** Refuses the whole write before any of it is applied, with the conflict the in-memory store would report. */
    private static void check(Connection connection, String userPoolId, List<UserChange> changes) throws SQLException {
        if (Sql.queryOne(connection, "SELECT id FROM cognito_pools WHERE id = ?", (row) -> true, userPoolId)
                .isEmpty()) {
            throw UserWriteConflict.stale();
        }
        Map<String, Long> versions = lock(connection, userPoolId, changes);
        for (UserChange change : changes) {
            Long stored = versions.get(change.sub());
            boolean stale = (change instanceof UserChange.Create)
                    ? stored != null
                    : stored == null || stored != change.expectedVersion();
            if (stale) {
                throw UserWriteConflict.stale();
            }
        }
        // Keys released and claimed within this write, so that one write may move a key from one user to another.
        Set<String> released = new HashSet<>();
        for (UserChange change : changes) {
            if (!(change instanceof UserChange.Create)) {
                released.addAll(Sql.query(
                        connection,
                        "SELECT user_key FROM cognito_user_keys WHERE pool_id = ? AND sub = ?",
                        (row) -> row.getString(1),
                        userPoolId,
                        change.sub()));
            }
        }
        Map<String, String> claimed = new HashMap<>();
        for (UserChange change : changes) {
            String sub = change.sub();
            for (String key : change.keys()) {
                String holder = Sql.queryOne(
                                connection,
                                "SELECT sub FROM cognito_user_keys WHERE pool_id = ? AND user_key = ?",
                                (row) -> row.getString(1),
                                userPoolId,
                                key)
                        .orElse(null);
                boolean heldByOther = holder != null && !holder.equals(sub) && !released.contains(key);
                String claimant = claimed.putIfAbsent(key, sub);
                if (heldByOther || (claimant != null && !claimant.equals(sub))) {
                    throw UserWriteConflict.keyTaken(key);
                }
            }
        }
    }

    /** Locks the stored rows of the users changed, in {@code sub} order, and returns their versions. */
    private static Map<String, Long> lock(Connection connection, String userPoolId, List<UserChange> changes)
            throws SQLException {
        Map<String, Long> versions = new TreeMap<>();
        for (UserChange change : changes) {
            versions.put(change.sub(), null);
        }
        for (String sub : List.copyOf(versions.keySet())) {
            versions.put(
                    sub,
                    Sql.queryOne(
                                    connection,
                                    "SELECT version FROM cognito_users WHERE pool_id = ? AND sub = ? FOR UPDATE",
                                    (row) -> row.getLong(1),
                                    userPoolId,
                                    sub)
                            .orElse(null));
        }
        return versions;
    }

    private static void apply(Connection connection, String userPoolId, List<UserChange> changes) throws SQLException {
        // Every key released first, so that a key moving from one user to another is free when it is claimed.
        for (UserChange change : changes) {
            if (!(change instanceof UserChange.Create)) {
                unindex(connection, userPoolId, change.sub());
            }
        }
        for (UserChange change : changes) {
            if (change instanceof UserChange.Create create) {
                insert(connection, create.user());
            } else if (change instanceof UserChange.Replace replace) {
                replace(connection, replace.updated(), replace.expectedVersion());
            } else {
                delete(connection, userPoolId, change.sub(), change.expectedVersion());
            }
        }
        for (UserChange change : changes) {
            if (change instanceof UserChange.Create create) {
                index(connection, create.user(), create.keys());
            } else if (change instanceof UserChange.Replace replace) {
                index(connection, replace.updated(), replace.keys());
            }
        }
    }

    private static void insert(Connection connection, User user) throws SQLException {
        PasswordCredential password = user.password();
        try {
            Sql.update(
                    connection,
                    "INSERT INTO cognito_users (pool_id, sub, username, attributes, status, enabled, create_date,"
                            + " last_modified_date, password_salt, password_verifier, password_set_date, version)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    user.userPoolId(),
                    user.sub(),
                    user.username(),
                    JdbcJson.write(user.attributes()),
                    user.status().name(),
                    user.enabled(),
                    Sql.nanos(user.createDate()),
                    Sql.nanos(user.lastModifiedDate()),
                    (password != null) ? password.salt() : null,
                    storedVerifier(password),
                    Sql.nanosOrNull(user.passwordSetDate()),
                    user.version());
        } catch (SQLException ex) {
            if (Database.isMissingParent(ex)) {
                // The pool was deleted after the check: as in memory, a user cannot be added to a deleted pool.
                throw UserWriteConflict.stale();
            }
            throw ex;
        }
    }

    private static void replace(Connection connection, User user, long expectedVersion) throws SQLException {
        PasswordCredential password = user.password();
        int updated = Sql.update(
                connection,
                "UPDATE cognito_users SET username = ?, attributes = ?, status = ?, enabled = ?, create_date = ?,"
                        + " last_modified_date = ?, password_salt = ?, password_verifier = ?, password_set_date = ?,"
                        + " version = ? WHERE pool_id = ? AND sub = ? AND version = ?",
                user.username(),
                JdbcJson.write(user.attributes()),
                user.status().name(),
                user.enabled(),
                Sql.nanos(user.createDate()),
                Sql.nanos(user.lastModifiedDate()),
                (password != null) ? password.salt() : null,
                storedVerifier(password),
                Sql.nanosOrNull(user.passwordSetDate()),
                user.version(),
                user.userPoolId(),
                user.sub(),
                expectedVersion);
        if (updated != 1) {
            throw UserWriteConflict.stale();
        }
    }

    /** Deletes a user with what it owns: its pending codes and sign-ins (its keys and search rows go by cascade). */
    private static void delete(Connection connection, String userPoolId, String sub, long expectedVersion)
            throws SQLException {
        int deleted = Sql.update(
                connection,
                "DELETE FROM cognito_users WHERE pool_id = ? AND sub = ? AND version = ?",
                userPoolId,
                sub,
                expectedVersion);
        if (deleted != 1) {
            throw UserWriteConflict.stale();
        }
        Sql.update(connection, "DELETE FROM cognito_codes WHERE pool_id = ? AND sub = ?", userPoolId, sub);
        Sql.update(connection, "DELETE FROM cognito_refresh_sessions WHERE pool_id = ? AND sub = ?", userPoolId, sub);
    }

    private static void unindex(Connection connection, String userPoolId, String sub) throws SQLException {
        Sql.update(connection, "DELETE FROM cognito_user_keys WHERE pool_id = ? AND sub = ?", userPoolId, sub);
        Sql.update(connection, "DELETE FROM cognito_user_search WHERE pool_id = ? AND sub = ?", userPoolId, sub);
    }

    private static void index(Connection connection, User user, List<String> keys) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "INSERT INTO cognito_user_keys (pool_id, user_key, sub) VALUES (?, ?, ?)")) {
            for (String key : keys) {
                Sql.bind(statement, user.userPoolId(), key, user.sub());
                statement.addBatch();
            }
            statement.executeBatch();
        }
        try (PreparedStatement statement = connection.prepareStatement(
                "INSERT INTO cognito_user_search (pool_id, attribute, search_value, sub) VALUES (?, ?, ?, ?)")) {
            for (String attribute : UserFilter.SEARCHABLE) {
                String value = UserFilter.searchValue(user, attribute);
                if (value != null) {
                    Sql.bind(statement, user.userPoolId(), attribute, cut(value), user.sub());
                    statement.addBatch();
                }
            }
            statement.executeBatch();
        }
    }

    @Override
    public List<User> list(String userPoolId, @Nullable UserFilter filter, @Nullable String fromUsername, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        List<@Nullable Object> parameters = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT ").append(COLUMNS);
        // Whether every row the query finds is on the page: unless the filter's value is as long as a cut one, the
        // search table answers exactly, and the database can stop at the limit.
        boolean exact = true;
        if (filter == null) {
            sql.append(" FROM cognito_users u WHERE u.pool_id = ?");
            parameters.add(userPoolId);
        } else {
            String whole = UserFilter.normalizedValue(filter.attribute(), filter.value());
            String value = cut(whole);
            exact = whole.codePointCount(0, whole.length()) < SEARCH_VALUE_LENGTH;
            sql.append(" FROM cognito_user_search s")
                    .append(" JOIN cognito_users u ON u.pool_id = s.pool_id AND u.sub = s.sub")
                    .append(" WHERE s.pool_id = ? AND s.attribute = ?")
                    .append(filter.prefix() ? " AND s.search_value LIKE ? ESCAPE '!'" : " AND s.search_value = ?");
            parameters.add(userPoolId);
            parameters.add(filter.attribute());
            parameters.add(filter.prefix() ? Sql.startsWith(value) : value);
        }
        if (fromUsername != null) {
            sql.append(" AND u.username >= ?");
            parameters.add(fromUsername);
        }
        sql.append(" ORDER BY u.username, u.sub");
        if (exact) {
            sql.append(" LIMIT ?");
            parameters.add(limit);
        }
        return this.database.transaction((connection) -> {
            try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
                Sql.bind(statement, parameters.toArray());
                // Read in batches, and no further than the page: candidates are checked one by one.
                statement.setFetchSize(Math.min(limit, 500));
                List<User> page = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (page.size() < limit && rows.next()) {
                        User user = user(rows);
                        // The search table may hold a cut value; the filter decides on the whole one.
                        if (filter == null || filter.test(user)) {
                            page.add(user);
                        }
                    }
                }
                return page;
            }
        });
    }

    @Override
    public long count(String userPoolId) {
        return this.database.transaction((connection) -> Sql.queryOne(
                        connection,
                        "SELECT COUNT(*) FROM cognito_users WHERE pool_id = ?",
                        (row) -> row.getLong(1),
                        userPoolId)
                .orElse(0L));
    }

    /** A value as the search table keeps it: its first {@value #SEARCH_VALUE_LENGTH} code points. */
    static String cut(String value) {
        if (value.length() <= SEARCH_VALUE_LENGTH) {
            return value;
        }
        int end = value.offsetByCodePoints(0, Math.min(SEARCH_VALUE_LENGTH, value.codePointCount(0, value.length())));
        return value.substring(0, end);
    }

    /**
     * What the {@code password_verifier} column holds of a credential, without a schema change: the verifier as hex
     * (as before there were checks), the verifier and the check as {@code <verifier>:<check>}, or a temporary
     * password's private key as {@code x:<x>}. Hex never contains {@code ':'} or {@code 'x'}.
     */
    static @Nullable String storedVerifier(@Nullable PasswordCredential password) {
        if (password == null) {
            return null;
        }
        if (password.verifier() == null) {
            return "x:" + password.privateKey();
        }
        return (password.check() != null) ? password.verifier() + ":" + password.check() : password.verifier();
    }

    /** The credential a row holds, in any of the forms {@link #storedVerifier} writes. */
    static PasswordCredential credential(String salt, String storedVerifier) {
        if (storedVerifier.startsWith("x:")) {
            return new PasswordCredential(salt, null, null, storedVerifier.substring(2));
        }
        int colon = storedVerifier.indexOf(':');
        if (colon < 0) {
            return new PasswordCredential(salt, storedVerifier);
        }
        return new PasswordCredential(
                salt, storedVerifier.substring(0, colon), storedVerifier.substring(colon + 1), null);
    }

    private static User user(ResultSet row) throws SQLException {
        String salt = row.getString("password_salt");
        String verifier = row.getString("password_verifier");
        return new User(
                row.getString("pool_id"),
                row.getString("username"),
                row.getString("sub"),
                JdbcJson.readStringMap(row.getString("attributes")),
                UserStatus.valueOf(row.getString("status")),
                row.getBoolean("enabled"),
                Sql.instant(row, "create_date"),
                Sql.instant(row, "last_modified_date"),
                (salt != null && verifier != null) ? credential(salt, verifier) : null,
                Sql.instantOrNull(row, "password_set_date"),
                row.getLong("version"));
    }
}
