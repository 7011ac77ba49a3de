package io.github.cognitoemulator.core.trigger;

import io.github.cognitoemulator.core.client.UserPoolClient;
import io.github.cognitoemulator.core.pool.UserPool;
import io.github.cognitoemulator.core.support.Ids;
import io.github.cognitoemulator.core.user.AttributeRules;
import io.github.cognitoemulator.core.user.PasswordChanges;
import io.github.cognitoemulator.core.user.User;
import io.github.cognitoemulator.core.user.UserDirectory;
import io.github.cognitoemulator.core.user.UserStatus;
import io.github.cognitoemulator.core.user.Usernames;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Creates the users that the migrate user trigger finds elsewhere: when someone unknown signs in with a password or
 * asks for a password reset.
 */
public final class UserMigration {

    private final LambdaTriggers handlers;

    private final UserDirectory users;

    private final PasswordChanges passwords;

    private final Clock clock;

    private final Ids ids;

    public UserMigration(
            LambdaTriggers handlers, UserDirectory users, PasswordChanges passwords, Clock clock, Ids ids) {
        this.handlers = Objects.requireNonNull(handlers, "'handlers' must not be null");
        this.users = Objects.requireNonNull(users, "'users' must not be null");
        this.passwords = Objects.requireNonNull(passwords, "'passwords' must not be null");
        this.clock = Objects.requireNonNull(clock, "'clock' must not be null");
        this.ids = Objects.requireNonNull(ids, "'ids' must not be null");
    }

    /**
     * Runs the pool's migrate user trigger for a name no user has, and creates the user it returns.
     *
     * @param source {@code UserMigration_Authentication} or {@code UserMigration_ForgotPassword}
     * @param username the name the client sent
     * @param password the password the user signed in with, which the new user gets; {@code null} for a reset
     * @return the new user, or empty when the pool has no migrate user trigger
     */
    public Optional<User> migrate(
            UserPool pool,
            UserPoolClient client,
            String source,
            String username,
            @Nullable String password,
            Map<String, String> clientMetadata) {
        Optional<UserMigrationTrigger> handler =
                this.handlers.find(pool, TriggerType.USER_MIGRATION, UserMigrationTrigger.class);
        if (handler.isEmpty()) {
            return Optional.empty();
        }
        TriggerEvent<UserMigrationTrigger.Request> event = new TriggerEvent<>(
                "1",
                source,
                pool.region(),
                pool.id(),
                username,
                new CallerContext(CallerContext.UNKNOWN_SDK, client.clientId()),
                new UserMigrationTrigger.Request(password, Map.of(), Map.copyOf(clientMetadata)));
        UserMigrationTrigger.Response response = LambdaTriggers.invoke(
                TriggerType.USER_MIGRATION, () -> handler.get().userMigration(event));
        if (response.userAttributes() == null) {
            throw LambdaTriggers.unrecognizable();
        }
        List<AttributeRules.Attribute> attributes = new ArrayList<>();
        response.userAttributes().forEach((name, value) -> {
            // The username comes from the request; a trigger that repeats it among the attributes is not wrong.
            if (!name.equals("username")) {
                attributes.add(new AttributeRules.Attribute(name, value));
            }
        });
        AttributeRules.check(pool, attributes, null);
        Instant now = this.clock.instant();
        String sub = this.ids.uuid();
        Map<String, String> initial = AttributeRules.initial(sub, attributes);
        String internalUsername = Usernames.internalUsername(pool, username, sub, initial);
        // Cognito leaves a migrated user to reset the password unless the trigger confirms it.
        UserStatus status =
                "CONFIRMED".equals(response.finalUserStatus()) ? UserStatus.CONFIRMED : UserStatus.RESET_REQUIRED;
        User user = new User(
                pool.id(),
                internalUsername,
                sub,
                initial,
                status,
                true,
                now,
                now,
                (password != null) ? this.passwords.credential(pool, internalUsername, password) : null,
                (password != null) ? now : null,
                0);
        this.users.create(pool, user, "User already exists", response.forceAliasCreation());
        return Optional.of(user);
    }
}
