package io.github.cognitoemulator.core.selfservice;

import io.github.cognitoemulator.core.client.UserPoolClient;
import io.github.cognitoemulator.core.code.CodeOperation;
import io.github.cognitoemulator.core.code.CodePurpose;
import io.github.cognitoemulator.core.error.ErrorType;
import io.github.cognitoemulator.core.error.Errors;
import io.github.cognitoemulator.core.pool.UserPool;
import io.github.cognitoemulator.core.protocol.ActionFamily;
import io.github.cognitoemulator.core.protocol.ActionRegistry;
import io.github.cognitoemulator.core.protocol.RequestContext;
import io.github.cognitoemulator.core.protocol.RequestReader;
import io.github.cognitoemulator.core.protocol.Shapes;
import io.github.cognitoemulator.core.support.Redacted;
import io.github.cognitoemulator.core.token.SignedInUsers.SignedInUser;
import io.github.cognitoemulator.core.user.PasswordChanges;
import io.github.cognitoemulator.core.user.User;
import io.github.cognitoemulator.core.user.UserStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * ChangePassword, ForgotPassword, ConfirmForgotPassword and AdminResetUserPassword.
 *
 * @see <a href="https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_ForgotPassword.html">ForgotPassword</a>
 */
public final class PasswordActions implements ActionFamily {

    private final SelfService service;

    private final PasswordChanges passwords;

    private final Clock clock;

    public PasswordActions(SelfService service, PasswordChanges passwords, Clock clock) {
        this.service = Objects.requireNonNull(service, "'service' must not be null");
        this.passwords = Objects.requireNonNull(passwords, "'passwords' must not be null");
        this.clock = Objects.requireNonNull(clock, "'clock' must not be null");
    }

    @Override
    public void registerTo(ActionRegistry.Builder registry) {
        registry.addUnsigned("ChangePassword", ChangePasswordRequest::parse, this::changePassword);
        registry.addUnsigned("ForgotPassword", UserRegistrationActions.ClientUserRequest::parse, this::forgotPassword);
        registry.addUnsigned("ConfirmForgotPassword", ConfirmForgotPasswordRequest::parse, this::confirmForgotPassword);
        registry.add("AdminResetUserPassword", AdminResetUserPasswordRequest::parse, this::adminResetUserPassword);
    }

    @Nullable
    Object changePassword(ChangePasswordRequest request, RequestContext context) {
        SignedInUser caller = this.service.authenticate(request.accessToken());
        UserPool pool = caller.pool();
        User user = caller.user();
        if (request.previousPassword() == null
                || user.password() == null
                || !user.password().matches(pool.idSuffix(), user.username(), request.previousPassword())) {
            throw ErrorType.NOT_AUTHORIZED.exception("Incorrect username or password.");
        }
        this.passwords.setPassword(pool, user, request.proposedPassword(), User::status, (current) -> {
            // A password changed meanwhile (by a reset, say) must be proven again.
            if (!Objects.equals(current.password(), user.password())) {
                throw ErrorType.NOT_AUTHORIZED.exception("Incorrect username or password.");
            }
            return current;
        });
        return null;
    }

    Map<String, Object> forgotPassword(UserRegistrationActions.ClientUserRequest request, RequestContext context) {
        SelfService.ClientCall call =
                this.service.identify(request.clientId(), request.secretHash(), request.username());
        UserPoolClient client = call.client();
        UserPool pool = call.pool();
        User user = call.user();
        if (user == null) {
            user = this.service
                    .triggers
                    .migrateUser(
                            pool,
                            client,
                            "UserMigration_ForgotPassword",
                            request.username(),
                            null,
                            request.clientMetadata())
                    .orElse(null);
        }
        if (user == null) {
            if (client.preventsUserExistenceErrors()) {
                // Cognito answers as if a code had gone out, so that callers cannot probe for users.
                return Map.of("CodeDeliveryDetails", SelfService.simulatedDelivery(request.username()));
            }
            throw ErrorType.USER_NOT_FOUND.exception("Username/client id combination not found.");
        }
        if (!user.enabled()) {
            throw ErrorType.NOT_AUTHORIZED.exception("User is disabled.");
        }
        if (user.status() == UserStatus.FORCE_CHANGE_PASSWORD || user.status() == UserStatus.UNCONFIRMED) {
            throw ErrorType.NOT_AUTHORIZED.exception("User password cannot be reset in the current state.");
        }
        String destination = recoveryDestination(pool, user);
        if (destination == null) {
            throw Errors.invalidParameter(
                    "Cannot reset password for the user as there is no registered/verified email or phone_number");
        }
        this.service.codes.countRequest(pool.id(), user.sub(), CodeOperation.FORGOT_PASSWORD);
        return Map.of(
                "CodeDeliveryDetails",
                this.service.sendCode(
                        pool,
                        user,
                        CodePurpose.FORGOT_PASSWORD,
                        "ForgotPassword",
                        destination,
                        client.clientId(),
                        request.clientMetadata()));
    }

    @Nullable
    Object confirmForgotPassword(ConfirmForgotPasswordRequest request, RequestContext context) {
        SelfService.ClientCall call =
                this.service.identify(request.clientId(), request.secretHash(), request.username());
        UserPool pool = call.pool();
        User user = call.requireUser();
        // The password is checked before the code is spent, so a rejected password leaves the code usable.
        PasswordChanges.checkPolicy(pool, request.password());
        this.service.codes.consume(pool.id(), user.sub(), CodePurpose.FORGOT_PASSWORD, request.confirmationCode());
        User updated = this.passwords.setPassword(
                pool,
                user,
                request.password(),
                (current) -> (current.status() == UserStatus.RESET_REQUIRED) ? UserStatus.CONFIRMED : current.status(),
                UnaryOperator.identity());
        this.service.triggers.postConfirmation(
                pool,
                call.client().clientId(),
                "PostConfirmation_ConfirmForgotPassword",
                updated,
                request.clientMetadata());
        return null;
    }

    /**
     * AdminResetUserPassword: the user must choose a new password through ConfirmForgotPassword before signing in
     * again, with a code sent to a verified email address or phone number when there is one.
     */
    @Nullable
    Object adminResetUserPassword(AdminResetUserPasswordRequest request, RequestContext context) {
        UserPool pool = this.service
                .pools
                .findInRegion(request.userPoolId(), context.region())
                .orElseThrow(() -> Errors.userPoolNotFound(request.userPoolId()));
        User found = this.service.users.resolve(pool, request.username()).orElseThrow(Errors::userNotFound);
        Instant now = this.clock.instant();
        User reset = this.service.users.modify(pool, found.sub(), (user) -> {
            if (!user.enabled()) {
                throw ErrorType.NOT_AUTHORIZED.exception("User is disabled");
            }
            if (user.status() == UserStatus.FORCE_CHANGE_PASSWORD || user.status() == UserStatus.UNCONFIRMED) {
                throw ErrorType.NOT_AUTHORIZED.exception("User password cannot be reset in the current state.");
            }
            return user.withStatus(UserStatus.RESET_REQUIRED, now);
        });
        String destination = recoveryDestination(pool, reset);
        if (destination != null) {
            this.service.sendCode(pool, reset, CodePurpose.FORGOT_PASSWORD, "ForgotPassword", destination);
        }
        return null;
    }

    /**
     * Where a password-reset code goes: by the pool's {@code AccountRecoverySetting} when it has one, otherwise a
     * verified phone number, then a verified email address.
     */
    private static @Nullable String recoveryDestination(UserPool pool, User user) {
        List<String> order = new ArrayList<>(List.of("phone_number", "email"));
        Object setting = pool.settings().get("AccountRecoverySetting");
        if (setting instanceof Map<?, ?> recovery && recovery.get("RecoveryMechanisms") instanceof List<?> mechanisms) {
            order.clear();
            mechanisms.stream()
                    .filter(Map.class::isInstance)
                    .map(Map.class::cast)
                    .sorted((a, b) -> Integer.compare(priority(a), priority(b)))
                    .forEach((mechanism) -> {
                        Object name = mechanism.get("Name");
                        if ("verified_email".equals(name)) {
                            order.add("email");
                        } else if ("verified_phone_number".equals(name)) {
                            order.add("phone_number");
                        }
                    });
        }
        for (String attribute : order) {
            if (user.attribute(attribute) != null && user.isVerified(attribute)) {
                return attribute;
            }
        }
        return null;
    }

    private static int priority(Map<?, ?> mechanism) {
        return (mechanism.get("Priority") instanceof Number number) ? number.intValue() : Integer.MAX_VALUE;
    }

    /**
     * A ChangePassword request.
     *
     * @param previousPassword the current password
     * @param proposedPassword the new password
     * @param accessToken the user's access token
     */
    record ChangePasswordRequest(@Nullable String previousPassword, String proposedPassword, String accessToken) {

        static ChangePasswordRequest parse(RequestReader in) {
            String previous = in.string("PreviousPassword", Shapes.PASSWORD);
            String proposed = in.requiredString("ProposedPassword", Shapes.PASSWORD);
            String accessToken = in.requiredString("AccessToken", Shapes.ACCESS_TOKEN);
            return new ChangePasswordRequest(previous, proposed, accessToken);
        }

        /** A description without the passwords and the access token. */
        @Override
        public String toString() {
            return "ChangePasswordRequest[previousPassword=" + Redacted.secret(this.previousPassword)
                    + ", proposedPassword=" + Redacted.secret(this.proposedPassword) + ", accessToken="
                    + Redacted.secret(this.accessToken) + "]";
        }
    }

    /**
     * An AdminResetUserPassword request.
     *
     * @param userPoolId the pool
     * @param username the username, alias or sub
     */
    record AdminResetUserPasswordRequest(String userPoolId, String username) {

        static AdminResetUserPasswordRequest parse(RequestReader in) {
            String userPoolId = in.requiredString("UserPoolId", Shapes.USER_POOL_ID);
            String username = in.requiredString("Username", Shapes.USERNAME);
            in.stringMap("ClientMetadata");
            return new AdminResetUserPasswordRequest(userPoolId, username);
        }
    }

    /**
     * A ConfirmForgotPassword request.
     *
     * @param clientId the app client
     * @param secretHash the secret hash, for clients with a secret
     * @param username the username
     * @param confirmationCode the code the user received
     * @param password the new password
     */
    record ConfirmForgotPasswordRequest(
            String clientId,
            @Nullable String secretHash,
            String username,
            String confirmationCode,
            String password,
            Map<String, String> clientMetadata) {

        ConfirmForgotPasswordRequest(
                String clientId,
                @Nullable String secretHash,
                String username,
                String confirmationCode,
                String password) {
            this(clientId, secretHash, username, confirmationCode, password, Map.of());
        }

        static ConfirmForgotPasswordRequest parse(RequestReader in) {
            String clientId = in.requiredString("ClientId", Shapes.CLIENT_ID);
            String secretHash = in.string("SecretHash", UserRegistrationActions.SECRET_HASH);
            String username = in.requiredString("Username", Shapes.USERNAME);
            String code = in.requiredString("ConfirmationCode", UserRegistrationActions.CONFIRMATION_CODE);
            String password = in.requiredString("Password", Shapes.PASSWORD);
            Map<String, String> clientMetadata = in.stringMap("ClientMetadata");
            in.document("AnalyticsMetadata");
            in.document("UserContextData");
            return new ConfirmForgotPasswordRequest(
                    clientId,
                    secretHash,
                    username,
                    code,
                    password,
                    (clientMetadata != null) ? clientMetadata : Map.of());
        }

        /** A description without the secret hash, the code and the password. */
        @Override
        public String toString() {
            return "ConfirmForgotPasswordRequest[clientId=" + this.clientId + ", secretHash="
                    + Redacted.secret(this.secretHash) + ", username=" + this.username + ", confirmationCode="
                    + Redacted.secret(this.confirmationCode) + ", password=" + Redacted.secret(this.password) + "]";
        }
    }
}
