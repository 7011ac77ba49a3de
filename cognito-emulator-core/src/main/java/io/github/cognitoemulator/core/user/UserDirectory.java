package io.github.cognitoemulator.core.user;

import io.github.cognitoemulator.core.error.ErrorType;
import io.github.cognitoemulator.core.pool.UserPool;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Finds users the way Cognito does (by username, by a sign-in alias, or by {@code sub}) and keeps usernames and
 * aliases unique. Every change to a pool's users runs under that pool's lock, so two concurrent creates of one
 * username give exactly one user.
 */
public final class UserDirectory {

    private static final List<String> ALIAS_ATTRIBUTES = List.of("email", "phone_number", "preferred_username");

    private final UserRepository users;

    private final Map<String, Object> locks = new ConcurrentHashMap<>();

    public UserDirectory(UserRepository users) {
        this.users = Objects.requireNonNull(users, "'users' must not be null");
    }

    /** The user whose internal username is {@code username}, with the pool's case rule. */
    public Optional<User> findByUsername(UserPool pool, String username) {
        return this.users.findAll(pool.id()).stream()
                .filter((user) -> sameUsername(pool, user.username(), username))
                .findFirst();
    }

    /**
     * The user an administrator means by {@code name}: the username, then a sign-in attribute or verified alias,
     * then the {@code sub}.
     */
    public Optional<User> resolve(UserPool pool, String name) {
        return findForSignIn(pool, name).or(() -> this.users.findBySub(pool.id(), name));
    }

    /** The user who signs in as {@code name}: by username, by email or phone number, or by a verified alias. */
    public Optional<User> findForSignIn(UserPool pool, String name) {
        Optional<User> byUsername = findByUsername(pool, name);
        if (byUsername.isPresent()) {
            return byUsername;
        }
        List<User> all = this.users.findAll(pool.id());
        for (String attribute : pool.usernameAttributes()) {
            Optional<User> match = all.stream()
                    .filter((user) -> sameValue(pool, user.attribute(attribute), name))
                    .findFirst();
            if (match.isPresent()) {
                return match;
            }
        }
        for (String alias : pool.aliasAttributes()) {
            Optional<User> match = all.stream()
                    .filter((user) -> isActiveAlias(user, alias))
                    .filter((user) -> sameValue(pool, user.attribute(alias), name))
                    .findFirst();
            if (match.isPresent()) {
                return match;
            }
        }
        return Optional.empty();
    }

    /** Every user of the pool, ordered by username. */
    public List<User> list(UserPool pool) {
        return this.users.findAll(pool.id()).stream()
                .sorted(java.util.Comparator.comparing(User::username))
                .toList();
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
        synchronized (lockFor(pool)) {
            if (findByUsername(pool, user.username()).isPresent()) {
                throw ErrorType.USERNAME_EXISTS.exception(existsMessage);
            }
            if (forceAliasCreation) {
                takeOverAliases(pool, user);
            }
            checkSignInAttributes(pool, user);
            this.users.save(user);
        }
    }

    /** Replaces a stored user, keeping sign-in attributes unique. */
    public void update(UserPool pool, User user) {
        synchronized (lockFor(pool)) {
            checkSignInAttributes(pool, user);
            this.users.save(user);
        }
    }

    /** Runs {@code change} under the pool's lock, for read-modify-write sequences. */
    public <T> T locked(UserPool pool, Supplier<T> change) {
        synchronized (lockFor(pool)) {
            return change.get();
        }
    }

    /** Removes a user. */
    public void delete(UserPool pool, User user) {
        synchronized (lockFor(pool)) {
            this.users.delete(pool.id(), user.sub());
        }
    }

    /**
     * The user, other than {@code user}, who already signs in with the value {@code user} has for {@code attribute}.
     */
    public Optional<User> aliasOwner(UserPool pool, User user, String attribute) {
        String value = user.attribute(attribute);
        if (value == null) {
            return Optional.empty();
        }
        return this.users.findAll(pool.id()).stream()
                .filter((other) -> !other.sub().equals(user.sub()))
                .filter((other) -> pool.usernameAttributes().contains(attribute) || isActiveAlias(other, attribute))
                .filter((other) -> sameValue(pool, other.attribute(attribute), value))
                .findFirst();
    }

    /** Whether {@code user} can sign in with its {@code alias} attribute. */
    public static boolean isActiveAlias(User user, String alias) {
        if (user.attribute(alias) == null) {
            return false;
        }
        return alias.equals("preferred_username") || user.isVerified(alias);
    }

    private void takeOverAliases(UserPool pool, User user) {
        // Checked first so that a request about to fail leaves the other user untouched.
        for (String attribute : pool.usernameAttributes()) {
            if (aliasOwner(pool, user, attribute).isPresent()) {
                throw ErrorType.USERNAME_EXISTS.exception(
                        "An account with the given " + attribute + " already exists.");
            }
        }
        for (String alias : pool.aliasAttributes()) {
            if (!alias.equals("preferred_username") && isActiveAlias(user, alias)) {
                aliasOwner(pool, user, alias).ifPresent((owner) -> {
                    Map<String, String> attributes = new java.util.LinkedHashMap<>(owner.attributes());
                    attributes.put(alias + "_verified", "false");
                    this.users.save(owner.withAttributes(attributes, user.createDate()));
                });
            }
        }
    }

    private void checkSignInAttributes(UserPool pool, User user) {
        for (String attribute : pool.usernameAttributes()) {
            if (aliasOwner(pool, user, attribute).isPresent()) {
                throw ErrorType.USERNAME_EXISTS.exception(
                        "An account with the given " + attribute + " already exists.");
            }
        }
        for (String alias : pool.aliasAttributes()) {
            if (ALIAS_ATTRIBUTES.contains(alias)
                    && isActiveAlias(user, alias)
                    && aliasOwner(pool, user, alias).isPresent()) {
                throw ErrorType.ALIAS_EXISTS.exception("An account with the given " + alias + " already exists.");
            }
        }
    }

    private Object lockFor(UserPool pool) {
        return this.locks.computeIfAbsent(pool.id(), (id) -> new Object());
    }

    private static boolean sameUsername(UserPool pool, String stored, String given) {
        return pool.caseSensitiveUsernames() ? stored.equals(given) : stored.equalsIgnoreCase(given);
    }

    /** Sign-in values follow the pool's case rule, as usernames do. */
    private static boolean sameValue(UserPool pool, @Nullable String stored, String given) {
        return stored != null && sameUsername(pool, stored, given);
    }
}
