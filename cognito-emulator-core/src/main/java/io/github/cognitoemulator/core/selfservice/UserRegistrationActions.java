package io.github.cognitoemulator.core.selfservice;

import io.github.cognitoemulator.core.auth.SecretHash;
import io.github.cognitoemulator.core.client.UserPoolClient;
import io.github.cognitoemulator.core.code.CodeOperation;
import io.github.cognitoemulator.core.code.CodePurpose;
import io.github.cognitoemulator.core.error.ErrorType;
import io.github.cognitoemulator.core.error.Errors;
import io.github.cognitoemulator.core.pool.SchemaAttribute;
import io.github.cognitoemulator.core.pool.UserPool;
import io.github.cognitoemulator.core.protocol.ActionFamily;
import io.github.cognitoemulator.core.protocol.ActionRegistry;
import io.github.cognitoemulator.core.protocol.RequestContext;
import io.github.cognitoemulator.core.protocol.RequestReader;
import io.github.cognitoemulator.core.protocol.Shapes;
import io.github.cognitoemulator.core.protocol.StringShape;
import io.github.cognitoemulator.core.support.Ids;
import io.github.cognitoemulator.core.support.Redacted;
import io.github.cognitoemulator.core.trigger.PreSignUpTrigger;
import io.github.cognitoemulator.core.trigger.Triggers;
import io.github.cognitoemulator.core.user.AttributeRules;
import io.github.cognitoemulator.core.user.PasswordChanges;
import io.github.cognitoemulator.core.user.User;
import io.github.cognitoemulator.core.user.UserStatus;
import io.github.cognitoemulator.core.user.Usernames;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * SignUp, ConfirmSignUp and ResendConfirmationCode.
 *
 * @see <a href="https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_SignUp.html">SignUp</a>
 */
public final class UserRegistrationActions implements ActionFamily {

    /**
     * {@code ConfirmationCodeType}. The service model does not mark it sensitive, so Cognito repeats a malformed code
     * in its validation message; the emulator never does, since a malformed code is often the real one with a stray
     * space around it, and codes must not reach error messages or logs.
     */
    static final StringShape CONFIRMATION_CODE =
            StringShape.length(1, 2048).pattern("[\\S]+").asSensitive();

    static final StringShape SECRET_HASH =
            StringShape.length(1, 128).pattern("[\\w+=/]+").asSensitive();

    private final SelfService service;

    private final PasswordChanges passwords;

    private final Clock clock;

    private final Ids ids;

    public UserRegistrationActions(SelfService service, PasswordChanges passwords, Clock clock, Ids ids) {
        this.service = Objects.requireNonNull(service, "'service' must not be null");
        this.passwords = Objects.requireNonNull(passwords, "'passwords' must not be null");
        this.clock = Objects.requireNonNull(clock, "'clock' must not be null");
        this.ids = Objects.requireNonNull(ids, "'ids' must not be null");
    }

    @Override
    public void registerTo(ActionRegistry.Builder registry) {
        registry.addUnsigned("SignUp", SignUpRequest::parse, this::signUp);
        registry.addUnsigned("ConfirmSignUp", ConfirmSignUpRequest::parse, this::confirmSignUp);
        registry.addUnsigned("ResendConfirmationCode", ClientUserRequest::parse, this::resendConfirmationCode);
    }

    Map<String, Object> signUp(SignUpRequest request, RequestContext context) {
        UserPoolClient client = this.service.client(request.clientId());
        UserPool pool = this.service.pool(client);
        SecretHash.check(client, this.service.clientSecrets.values(client), request.secretHash(), request.username());
        if (Boolean.TRUE.equals(adminCreateUserOnly(pool))) {
            throw ErrorType.NOT_AUTHORIZED.exception("SignUp is not permitted for this user pool");
        }
        Usernames.check(pool, request.username());
        List<String> violations = pool.passwordPolicy().violations(request.password());
        if (!violations.isEmpty()) {
            throw ErrorType.INVALID_PASSWORD.exception("Password did not conform with policy: " + violations.get(0));
        }
        AttributeRules.check(pool, request.userAttributes(), null);
        Instant now = this.clock.instant();
        String sub = this.ids.uuid();
        Map<String, String> attributes = AttributeRules.initial(sub, request.userAttributes());
        String username = Usernames.internalUsername(pool, request.username(), sub, attributes);
        checkRequiredAttributes(pool, attributes);
        PreSignUpTrigger.Response decision = this.service.triggers.preSignUp(
                pool,
                client.clientId(),
                "PreSignUp_SignUp",
                username,
                attributes,
                request.validationData(),
                request.clientMetadata());
        Triggers.applyAutoVerification(decision, attributes);
        var user = new User(
                pool.id(),
                username,
                sub,
                attributes,
                decision.autoConfirmUser() ? UserStatus.CONFIRMED : UserStatus.UNCONFIRMED,
                true,
                now,
                now,
                this.passwords.credential(pool, username, request.password()),
                now,
                0);
        this.service.users.create(pool, user, "User already exists");
        if (decision.autoConfirmUser()) {
            // Confirmed by the pre sign-up trigger, the user reaches the post confirmation trigger at once.
            this.service.triggers.postConfirmation(
                    pool, client.clientId(), "PostConfirmation_ConfirmSignUp", user, request.clientMetadata());
        }
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("UserConfirmed", decision.autoConfirmUser());
        response.put("UserSub", sub);
        String destination = SelfService.autoVerifiedDestination(pool, user);
        if (destination != null && !decision.autoConfirmUser()) {
            response.put(
                    "CodeDeliveryDetails",
                    this.service.sendCode(
                            pool,
                            user,
                            CodePurpose.SIGN_UP,
                            "SignUp",
                            destination,
                            client.clientId(),
                            request.clientMetadata()));
        }
        return response;
    }

    @Nullable
    Object confirmSignUp(ConfirmSignUpRequest request, RequestContext context) {
        SelfService.ClientCall call =
                this.service.identify(request.clientId(), request.secretHash(), request.username());
        UserPool pool = call.pool();
        User user = call.requireUser();
        if (user.status() != UserStatus.UNCONFIRMED) {
            throw ErrorType.NOT_AUTHORIZED.exception("User cannot be confirmed. Current status is "
                    + user.status().name());
        }
        this.service.codes.consume(pool.id(), user.sub(), CodePurpose.SIGN_UP, request.confirmationCode());
        Instant now = this.clock.instant();
        User confirmed = this.service.users.modify(pool, user.sub(), (current) -> {
            Map<String, String> attributes = new LinkedHashMap<>(current.attributes());
            String verified = SelfService.autoVerifiedDestination(pool, current);
            if (verified != null) {
                attributes.put(verified + "_verified", "true");
            }
            return current.withAttributes(attributes, now).withStatus(UserStatus.CONFIRMED, now);
        });
        this.service.triggers.postConfirmation(
                pool, call.client().clientId(), "PostConfirmation_ConfirmSignUp", confirmed, request.clientMetadata());
        return null;
    }

    Map<String, Object> resendConfirmationCode(ClientUserRequest request, RequestContext context) {
        SelfService.ClientCall call =
                this.service.identify(request.clientId(), request.secretHash(), request.username());
        UserPool pool = call.pool();
        User user = call.user();
        if (user == null) {
            if (call.client().preventsUserExistenceErrors()) {
                return Map.of("CodeDeliveryDetails", SelfService.simulatedDelivery(request.username()));
            }
            throw ErrorType.USER_NOT_FOUND.exception("Username/client id combination not found.");
        }
        if (user.status() != UserStatus.UNCONFIRMED) {
            throw Errors.invalidParameter("User is already confirmed.");
        }
        String destination = SelfService.autoVerifiedDestination(pool, user);
        if (destination == null) {
            throw Errors.invalidParameter("Cannot resend codes. Auto verification not turned on.");
        }
        this.service.codes.countRequest(pool.id(), user.sub(), CodeOperation.RESEND_CONFIRMATION_CODE);
        return Map.of(
                "CodeDeliveryDetails",
                this.service.sendCode(
                        pool,
                        user,
                        CodePurpose.SIGN_UP,
                        "ResendCode",
                        destination,
                        call.client().clientId(),
                        request.clientMetadata()));
    }

    private static void checkRequiredAttributes(UserPool pool, Map<String, String> attributes) {
        List<String> missing = new ArrayList<>();
        for (SchemaAttribute attribute : pool.schema()) {
            if (attribute.required() && !attributes.containsKey(attribute.name())) {
                missing.add(attribute.name() + ": The attribute is required");
            }
        }
        if (!missing.isEmpty()) {
            throw Errors.invalidParameter("Attributes did not conform to the schema: " + String.join("\n", missing));
        }
    }

    private static @Nullable Object adminCreateUserOnly(UserPool pool) {
        Object config = pool.settings().get("AdminCreateUserConfig");
        return (config instanceof Map<?, ?> map) ? map.get("AllowAdminCreateUserOnly") : null;
    }

    /**
     * A SignUp request.
     *
     * @param clientId the app client
     * @param secretHash the secret hash, for clients with a secret
     * @param username the username (an email or phone number in pools that sign in with those)
     * @param password the password
     * @param userAttributes the attributes
     * @param validationData the {@code ValidationData}, for the pre sign-up trigger only
     * @param clientMetadata the {@code ClientMetadata}, for the triggers
     */
    record SignUpRequest(
            String clientId,
            @Nullable String secretHash,
            String username,
            String password,
            List<AttributeRules.Attribute> userAttributes,
            Map<String, String> validationData,
            Map<String, String> clientMetadata) {

        SignUpRequest(
                String clientId,
                @Nullable String secretHash,
                String username,
                String password,
                List<AttributeRules.Attribute> userAttributes) {
            this(clientId, secretHash, username, password, userAttributes, Map.of(), Map.of());
        }

        static SignUpRequest parse(RequestReader in) {
            String clientId = in.requiredString("ClientId", Shapes.CLIENT_ID);
            String secretHash = in.string("SecretHash", SECRET_HASH);
            String username = in.requiredString("Username", Shapes.USERNAME);
            String password = in.requiredString("Password", Shapes.PASSWORD);
            List<AttributeRules.Attribute> attributes = AttributeRules.read(in, "UserAttributes");
            List<AttributeRules.Attribute> validationData = AttributeRules.read(in, "ValidationData");
            Map<String, String> clientMetadata = in.stringMap("ClientMetadata");
            in.document("AnalyticsMetadata");
            in.document("UserContextData");
            return new SignUpRequest(
                    clientId,
                    secretHash,
                    username,
                    password,
                    (attributes != null) ? attributes : List.of(),
                    Triggers.validationData(validationData),
                    (clientMetadata != null) ? clientMetadata : Map.of());
        }

        /** A description without the secret hash and the password. */
        @Override
        public String toString() {
            return "SignUpRequest[clientId=" + this.clientId + ", secretHash=" + Redacted.secret(this.secretHash)
                    + ", username=" + this.username + ", password=" + Redacted.secret(this.password)
                    + ", userAttributes=" + this.userAttributes + "]";
        }
    }

    /**
     * A ConfirmSignUp request.
     *
     * @param clientId the app client
     * @param secretHash the secret hash, for clients with a secret
     * @param username the username
     * @param confirmationCode the code the user received
     * @param clientMetadata the {@code ClientMetadata}, for the post confirmation trigger
     */
    record ConfirmSignUpRequest(
            String clientId,
            @Nullable String secretHash,
            String username,
            String confirmationCode,
            Map<String, String> clientMetadata) {

        ConfirmSignUpRequest(String clientId, @Nullable String secretHash, String username, String confirmationCode) {
            this(clientId, secretHash, username, confirmationCode, Map.of());
        }

        static ConfirmSignUpRequest parse(RequestReader in) {
            String clientId = in.requiredString("ClientId", Shapes.CLIENT_ID);
            String secretHash = in.string("SecretHash", SECRET_HASH);
            String username = in.requiredString("Username", Shapes.USERNAME);
            String code = in.requiredString("ConfirmationCode", CONFIRMATION_CODE);
            in.bool("ForceAliasCreation");
            Map<String, String> clientMetadata = in.stringMap("ClientMetadata");
            in.document("AnalyticsMetadata");
            in.document("UserContextData");
            in.string("Session", Shapes.SESSION);
            return new ConfirmSignUpRequest(
                    clientId, secretHash, username, code, (clientMetadata != null) ? clientMetadata : Map.of());
        }

        /** A description without the secret hash and the code. */
        @Override
        public String toString() {
            return "ConfirmSignUpRequest[clientId=" + this.clientId + ", secretHash=" + Redacted.secret(this.secretHash)
                    + ", username=" + this.username + ", confirmationCode=" + Redacted.secret(this.confirmationCode)
                    + "]";
        }
    }

    /**
     * A request naming an app client and a user: ResendConfirmationCode, ForgotPassword.
     *
     * @param clientId the app client
     * @param secretHash the secret hash, for clients with a secret
     * @param username the username
     * @param clientMetadata the {@code ClientMetadata}, for the triggers
     */
    record ClientUserRequest(
            String clientId, @Nullable String secretHash, String username, Map<String, String> clientMetadata) {

        ClientUserRequest(String clientId, @Nullable String secretHash, String username) {
            this(clientId, secretHash, username, Map.of());
        }

        static ClientUserRequest parse(RequestReader in) {
            String clientId = in.requiredString("ClientId", Shapes.CLIENT_ID);
            String secretHash = in.string("SecretHash", SECRET_HASH);
            String username = in.requiredString("Username", Shapes.USERNAME);
            Map<String, String> clientMetadata = in.stringMap("ClientMetadata");
            in.document("AnalyticsMetadata");
            in.document("UserContextData");
            return new ClientUserRequest(
                    clientId, secretHash, username, (clientMetadata != null) ? clientMetadata : Map.of());
        }

        /** A description without the secret hash. */
        @Override
        public String toString() {
            return "ClientUserRequest[clientId=" + this.clientId + ", secretHash=" + Redacted.secret(this.secretHash)
                    + ", username=" + this.username + "]";
        }
    }
}
