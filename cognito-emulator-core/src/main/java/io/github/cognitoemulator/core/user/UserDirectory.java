package io.github.cognitoemulator.core.user;

import io.github.cognitoemulator.core.error.CognitoException;
import io.github.cognitoemulator.core.error.ErrorType;
import io.github.cognitoemulator.core.error.Errors;
import io.github.cognitoemulator.core.pool.UserPool;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * Finds users the way Cognito does (by username, by a sign-in alias, or by {@code sub}) and keeps usernames and
 * aliases unique. Uniqueness rests on the {@link UserStore}'s unique keys, so two concurrent creates of one username
 * give exactly one user on any store; changes are applied to the freshest copy of a user and retried when a
 * concurrent change got there first, so no change is lost.
 */
public final class UserDirectory {

    /** How often a change is retried against a concurrent one before the caller is told to slow down. */
    private static final int MAX_ATTEMPTS = 100;

    private final UserStore users;

    private final DeletionListener deletions;

    public UserDirectory(UserStore users) {
        this(users, (user) -> {});
    }

    /** @param deletions told of each user deleted, to remove what else belongs to it (its group memberships) */
    public UserDirectory(UserStore users, DeletionListener deletions) {
        this.users = Objects.requireNonNull(users, "'users' must not be null");
        this.deletions = Objects.requireNonNull(deletions, "'deletions' must not be null");
    }

    /** The user whose internal username is {@code username}, with the pool's case rule. */
    public Optional<User> findByUsername(UserPool pool, String username) {
        return this.users.findByKey(pool.id(), key(pool, "username", username));
    }

    /** The user with this {@code sub}. */
    public Optional<User> findBySub(UserPool pool, String sub) {
        return this.users.find(pool.id(), sub);
    }

    /**
     * The user an administrator means by {@code name}: the username, then a sign-in attribute or verified alias,
     * then the {@code sub}.
     */
    public Optional<User> resolve(UserPool pool, String name) {
        return findForSignIn(pool, name).or(() -> this.users.find(pool.id(), name));
    }

    /** The user who signs in as {@code name}: by username, by email or phone number, or by a verified alias. */
    public Optional<User> findForSignIn(UserPool pool, String name) {
        Optional<User> found = findByUsername(pool, name);
        for (String attribute : pool.usernameAttributes()) {
            if (found.isPresent()) {
                return found;
            }
            found = this.users.findByKey(pool.id(), key(pool, attribute, name));
        }
        for (String alias : pool.aliasAttributes()) {
            if (found.isPresent()) {
                return found;
            }
            found = this.users.findByKey(pool.id(), key(pool, alias, name));
        }
        return found;
    }

    /**
     * A page of the pool's users, ordered by username.
     *
     * @param filter only users matching it, or all when {@code null}
     * @param fromUsername the first username of the page, or {@code null} for the first page
     * @param limit the most users returned
     */
    public List<User> page(UserPool pool, @Nullable UserFilter filter, @Nullable String fromUsername, int limit) {
        return this.users.list(pool.id(), filter, fromUsername, limit);
    }

    /** How many users the pool has. */
    public long count(UserPool pool) {
        return this.users.count(pool.id());
    }

    /**
     * Stores a new user, failing with {@code UsernameExistsException} when the username is taken.
     *
     * @param pool the pool
     * @param user the user to add
     * @param existsMessage Cognito's message for a taken username, which differs between actions
     */
    public void create(UserPool pool, User user, String existsMessage) {
        create(pool, user, existsMessage, false);
    }

    /**
     * Stores a new user, failing with {@code UsernameExistsException} when the username is taken.
     *
     * @param pool the pool
     * @param user the user to add
     * @param existsMessage Cognito's message for a taken username, which differs between actions
     * @param forceAliasCreation whether a verified alias of the new user is taken over from the user who has it
     *     (whose attribute then becomes unverified) instead of failing with {@code AliasExistsException}
     */
    public void create(UserPool pool, User user, String existsMessage, boolean forceAliasCreation) {
        retrying(() -> {
            List<UserStore.UserChange> changes = new ArrayList<>();
            if (forceAliasCreation) {
                changes.addAll(aliasTakeOvers(pool, user));
            }
            changes.add(new UserStore.UserChange.Create(user, keys(pool, user)));
            write(pool, changes, existsMessage);
            return null;
        });
    }

    /**
     * Applies {@code change} to the stored user with this {@code sub} and stores the result. The change sees the
     * freshest copy and may run more than once, so it must not have side effects; it may throw to refuse.
     *
     * @return the user as stored
     * @throws CognitoException {@code UserNotFoundException} when there is no such user
     */
    public User modify(UserPool pool, String sub, UnaryOperator<User> change) {
        return retrying(() -> {
            User current = this.users.find(pool.id(), sub).orElseThrow(Errors::userNotFound);
            User changed = change.apply(current);
            if (changed.equals(current)) {
                return current;
            }
            User updated = changed.nextVersion();
            write(pool, List.of(new UserStore.UserChange.Replace(current, updated, keys(pool, updated))), null);
            return updated;
        });
    }

    /** Removes a user, with its pending codes and sign-ins; {@code UserNotFoundException} when it is gone already. */
    public void delete(UserPool pool, User user) {
        User deleted = retrying(() -> {
            User current = this.users.find(pool.id(), user.sub()).orElseThrow(Errors::userNotFound);
            this.users.write(List.of(new UserStore.UserChange.Delete(current)));
            return current;
        });
        this.deletions.deleted(deleted);
    }

    /**
     * The user, other than {@code user}, who already signs in with the value {@code user} has for {@code attribute}.
     */
    public Optional<User> aliasOwner(UserPool pool, User user, String attribute) {
        String value = user.attribute(attribute);
        if (value == null) {
            return Optional.empty();
        }
        return this.users
                .findByKey(pool.id(), key(pool, attribute, value))
                .filter((owner) -> !owner.sub().equals(user.sub()));
    }

    /** Whether {@code user} can sign in with its {@code alias} attribute. */
    public static boolean isActiveAlias(User user, String alias) {
        if (user.attribute(alias) == null) {
            return false;
        }
        return alias.equals("preferred_username") || user.isVerified(alias);
    }

    /**
     * The unique keys a user holds in its pool: the username, each sign-in attribute, and each alias it can sign in
     * with, in the order Cognito reports a conflict.
     */
    static List<String> keys(UserPool pool, User user) {
        List<String> keys = new ArrayList<>();
        keys.add(key(pool, "username", user.username()));
        for (String attribute : pool.usernameAttributes()) {
            String value = user.attribute(attribute);
            if (value != null) {
                keys.add(key(pool, attribute, value));
            }
        }
        for (String alias : pool.aliasAttributes()) {
            if (isActiveAlias(user, alias)) {
                keys.add(key(pool, alias, Objects.requireNonNull(user.attribute(alias))));
            }
        }
        return keys;
    }

    /** Sign-in values follow the pool's case rule, as usernames do. */
    private static String key(UserPool pool, String kind, String value) {
        return kind + ":" + (pool.caseSensitiveUsernames() ? value : value.toLowerCase(Locale.ROOT));
    }

    /** The owners of the new user's verified aliases, each losing the alias's verification to the new user. */
    private List<UserStore.UserChange> aliasTakeOvers(UserPool pool, User user) {
        List<UserStore.UserChange> changes = new ArrayList<>();
        for (String alias : pool.aliasAttributes()) {
            if (alias.equals("preferred_username") || !isActiveAlias(user, alias)) {
                continue;
            }
            Optional<User> owner = aliasOwner(pool, user, alias);
            if (owner.isPresent()) {
                Map<String, String> attributes = new LinkedHashMap<>(owner.get().attributes());
                attributes.put(alias + "_verified", "false");
                User updated = owner.get()
                        .withAttributes(attributes, user.createDate())
                        .nextVersion();
                changes.add(new UserStore.UserChange.Replace(owner.get(), updated, keys(pool, updated)));
            }
        }
        return changes;
    }

    /** Writes, translating a taken key into Cognito's error for it; a stale write propagates to be retried. */
    private void write(UserPool pool, List<UserStore.UserChange> changes, @Nullable String existsMessage) {
        try {
            this.users.write(changes);
        } catch (UserWriteConflict conflict) {
            String taken = conflict.takenKey();
            if (taken == null) {
                throw conflict;
            }
            String kind = taken.substring(0, taken.indexOf(':'));
            if (kind.equals("username")) {
                throw ErrorType.USERNAME_EXISTS.exception(
                        (existsMessage != null) ? existsMessage : "User account already exists");
            }
            String message = "An account with the given " + kind + " already exists.";
            throw pool.usernameAttributes().contains(kind)
                    ? ErrorType.USERNAME_EXISTS.exception(message)
                    : ErrorType.ALIAS_EXISTS.exception(message);
        }
    }

    /** Told of each deleted user, after it is gone from the store. */
    @FunctionalInterface
    public interface DeletionListener {

        void deleted(User user);
    }

    private static <T> T retrying(Supplier<T> attempt) {
        for (int i = 0; i < MAX_ATTEMPTS; i++) {
            try {
                return attempt.get();
            } catch (UserWriteConflict conflict) {
                // Another change to the same user landed between the read and the write: read again.
            }
        }
        throw ErrorType.TOO_MANY_REQUESTS.exception("Rate exceeded");
    }
}
