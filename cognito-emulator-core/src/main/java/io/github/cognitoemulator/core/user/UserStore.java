package io.github.cognitoemulator.core.user;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Where users are kept, by pool and {@code sub}, with two kinds of index:
 *
 * <ul>
 *   <li><b>unique keys</b>, strings such as {@code username:alice} or {@code email:alice@example.com} that the
 *       {@link UserDirectory} derives from a user under its pool's rules; no two users of a pool share one;
 *   <li><b>search entries</b> for the attributes ListUsers filters on, which the store derives from the user.
 * </ul>
 *
 * <p>{@link #write(List)} applies its changes all or none. A replacement names the user it replaces, and fails if
 * the stored user has another {@link User#version()} by then, so no update is lost to a concurrent one.
 */
public interface UserStore {

    Optional<User> find(String userPoolId, String sub);

    /** The user holding a unique key. */
    Optional<User> findByKey(String userPoolId, String key);

    /**
     * Applies changes to one pool's users atomically.
     *
     * @throws UserWriteConflict when a unique key is held by another user, or a user changed or disappeared since
     *     it was read; nothing is written then
     */
    void write(List<UserChange> changes);

    /**
     * A page of a pool's users, ordered by username.
     *
     * @param filter only users matching it, or every user when {@code null}
     * @param fromUsername the first username of the page (inclusive), or {@code null} for the first page
     * @param limit the most users returned
     */
    List<User> list(String userPoolId, @Nullable UserFilter filter, @Nullable String fromUsername, int limit);

    long count(String userPoolId);

    /** A change to one user, part of a {@link #write(List)}. */
    sealed interface UserChange {

        /** The pool of the user changed. */
        String userPoolId();

        /** The {@code sub} of the user changed. */
        String sub();

        /** The version the stored user must have for the change to apply; unused by a creation. */
        long expectedVersion();

        /** The unique keys the user holds once the change is applied. */
        List<String> keys();

        /** A new user, holding {@code keys}. */
        record Create(User user, List<String> keys) implements UserChange {

            public Create {
                keys = List.copyOf(keys);
            }

            @Override
            public String userPoolId() {
                return this.user.userPoolId();
            }

            @Override
            public String sub() {
                return this.user.sub();
            }

            @Override
            public long expectedVersion() {
                return -1;
            }
        }

        /**
         * {@code current}, as it was read, replaced by {@code updated} (whose version is one more), now holding
         * {@code keys}.
         */
        record Replace(User current, User updated, List<String> keys) implements UserChange {

            public Replace {
                keys = List.copyOf(keys);
                if (updated.version() != current.version() + 1 || !updated.sub().equals(current.sub())) {
                    throw new IllegalArgumentException("A replacement is the next version of the same user");
                }
            }

            @Override
            public String userPoolId() {
                return this.current.userPoolId();
            }

            @Override
            public String sub() {
                return this.current.sub();
            }

            @Override
            public long expectedVersion() {
                return this.current.version();
            }
        }

        /** The user removed, with its pending codes and sign-ins. */
        record Delete(User current) implements UserChange {

            @Override
            public String userPoolId() {
                return this.current.userPoolId();
            }

            @Override
            public String sub() {
                return this.current.sub();
            }

            @Override
            public long expectedVersion() {
                return this.current.version();
            }

            @Override
            public List<String> keys() {
                return List.of();
            }
        }
    }
}
