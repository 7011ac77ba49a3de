package io.github.cognitoemulator.core.trigger;

import io.github.cognitoemulator.core.client.UserPoolClient;
import io.github.cognitoemulator.core.message.MessageTemplates;
import io.github.cognitoemulator.core.pool.UserPool;
import io.github.cognitoemulator.core.token.TokenCustomizer;
import io.github.cognitoemulator.core.token.TokenRequest;
import io.github.cognitoemulator.core.user.AttributeRules;
import io.github.cognitoemulator.core.user.User;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Runs a pool's triggers at the points of Cognito's actions where Cognito runs them, building the events and
 * applying the responses.
 */
public final class Triggers implements TokenCustomizer {

    /** Claims of both tokens that Cognito does not let a pre token generation trigger add, change or remove. */
    static final Set<String> PROTECTED_CLAIMS = Set.of(
            "acr",
            "amr",
            "aud",
            "at_hash",
            "auth_time",
            "azp",
            "client_id",
            "cognito:groups",
            "cognito:preferred_role",
            "cognito:roles",
            "cognito:username",
            "event_id",
            "exp",
            "iat",
            "identities",
            "iss",
            "jti",
            "nbf",
            "nonce",
            "origin_jti",
            "scope",
            "sub",
            "token_use",
            "username",
            "version");

    private static final String GROUPS = "cognito:groups";

    /** Where a custom message puts the code. */
    static final String CODE_PARAMETER = "{####}";

    /** Where an invitation puts the username. */
    static final String USERNAME_PARAMETER = "{username}";

    private final LambdaTriggers handlers;

    private final UserMigration migration;

    /** @param migration what creates the users the migrate user trigger returns */
    public Triggers(LambdaTriggers handlers, UserMigration migration) {
        this.handlers = Objects.requireNonNull(handlers, "'handlers' must not be null");
        this.migration = Objects.requireNonNull(migration, "'migration' must not be null");
    }

    /**
     * Runs the migrate user trigger for a name that no user has, creating the user it returns.
     *
     * @param source {@code UserMigration_Authentication} or {@code UserMigration_ForgotPassword}
     * @param password the password the user signed in with, or {@code null} for a password reset
     * @return the new user, or empty when the pool has no migrate user trigger
     */
    public Optional<User> migrateUser(
            UserPool pool,
            UserPoolClient client,
            String source,
            String username,
            @Nullable String password,
            Map<String, String> clientMetadata) {
        return this.migration.migrate(pool, client, source, username, password, clientMetadata);
    }

    /**
     * Runs the pre sign-up trigger.
     *
     * @param source {@code PreSignUp_SignUp}, {@code PreSignUp_AdminCreateUser} or, for the first sign-in of a
     *     federated user, {@code PreSignUp_ExternalProvider}
     * @param clientId the app client, or {@code null} for AdminCreateUser
     * @return the trigger's decision, or {@link PreSignUpTrigger.Response#proceed()} when the pool has none
     */
    public PreSignUpTrigger.Response preSignUp(
            UserPool pool,
            @Nullable String clientId,
            String source,
            String userName,
            Map<String, String> userAttributes,
            Map<String, String> validationData,
            Map<String, String> clientMetadata) {
        Optional<PreSignUpTrigger> handler = this.handlers.find(pool, TriggerType.PRE_SIGN_UP, PreSignUpTrigger.class);
        if (handler.isEmpty()) {
            return PreSignUpTrigger.Response.proceed();
        }
        TriggerEvent<PreSignUpTrigger.Request> event = event(
                pool,
                source,
                userName,
                clientId,
                new PreSignUpTrigger.Request(
                        Map.copyOf(userAttributes), Map.copyOf(validationData), Map.copyOf(clientMetadata)));
        return LambdaTriggers.invoke(
                TriggerType.PRE_SIGN_UP, () -> handler.get().preSignUp(event));
    }

    /**
     * Marks the email address and phone number verified when the pre sign-up trigger said so and the user has them.
     */
    public static void applyAutoVerification(PreSignUpTrigger.Response decision, Map<String, String> attributes) {
        if (decision.autoVerifyEmail() && attributes.containsKey("email")) {
            attributes.put("email_verified", "true");
        }
        if (decision.autoVerifyPhone() && attributes.containsKey("phone_number")) {
            attributes.put("phone_number_verified", "true");
        }
    }

    /** The {@code ValidationData} of a request as the triggers see it: name to value. */
    public static Map<String, String> validationData(@Nullable List<AttributeRules.Attribute> attributes) {
        Map<String, String> values = new LinkedHashMap<>();
        if (attributes != null) {
            for (AttributeRules.Attribute attribute : attributes) {
                if (attribute.value() != null) {
                    values.put(attribute.name(), attribute.value());
                }
            }
        }
        return values;
    }

    /**
     * Runs the post confirmation trigger.
     *
     * @param source {@code PostConfirmation_ConfirmSignUp} (also for the first sign-in of a federated user) or
     *     {@code PostConfirmation_ConfirmForgotPassword}
     */
    public void postConfirmation(
            UserPool pool, @Nullable String clientId, String source, User user, Map<String, String> clientMetadata) {
        Optional<PostConfirmationTrigger> handler =
                this.handlers.find(pool, TriggerType.POST_CONFIRMATION, PostConfirmationTrigger.class);
        if (handler.isPresent()) {
            Map<String, String> attributes = new LinkedHashMap<>(user.attributes());
            attributes.put("cognito:user_status", user.status().name());
            TriggerEvent<PostConfirmationTrigger.Request> event = event(
                    pool,
                    source,
                    user.username(),
                    clientId,
                    new PostConfirmationTrigger.Request(Map.copyOf(attributes), Map.copyOf(clientMetadata)));
            LambdaTriggers.invoke(
                    TriggerType.POST_CONFIRMATION, () -> handler.get().postConfirmation(event));
        }
    }

    /**
     * Runs the pre authentication trigger, before the password is checked.
     *
     * @param user the user, or {@code null} when there is none and the client hides that
     */
    public void preAuthentication(
            UserPool pool, String clientId, String userName, @Nullable User user, Map<String, String> clientMetadata) {
        Optional<PreAuthenticationTrigger> handler =
                this.handlers.find(pool, TriggerType.PRE_AUTHENTICATION, PreAuthenticationTrigger.class);
        if (handler.isPresent()) {
            TriggerEvent<PreAuthenticationTrigger.Request> event = event(
                    pool,
                    "PreAuthentication_Authentication",
                    (user != null) ? user.username() : userName,
                    clientId,
                    new PreAuthenticationTrigger.Request(
                            attributes(user), user == null, Map.of(), Map.copyOf(clientMetadata)));
            LambdaTriggers.invoke(
                    TriggerType.PRE_AUTHENTICATION, () -> handler.get().preAuthentication(event));
        }
    }

    /** Runs the post authentication trigger, once the tokens are issued. */
    public void postAuthentication(
            UserPool pool, String clientId, User user, boolean newDeviceUsed, Map<String, String> clientMetadata) {
        Optional<PostAuthenticationTrigger> handler =
                this.handlers.find(pool, TriggerType.POST_AUTHENTICATION, PostAuthenticationTrigger.class);
        if (handler.isPresent()) {
            TriggerEvent<PostAuthenticationTrigger.Request> event = event(
                    pool,
                    "PostAuthentication_Authentication",
                    user.username(),
                    clientId,
                    new PostAuthenticationTrigger.Request(attributes(user), newDeviceUsed, Map.copyOf(clientMetadata)));
            LambdaTriggers.invoke(
                    TriggerType.POST_AUTHENTICATION, () -> handler.get().postAuthentication(event));
        }
    }

    /**
     * Runs the custom message trigger for a message about to be sent, and returns the text to send: the trigger's,
     * with the placeholders filled in, or the pool's own where the trigger wrote none.
     *
     * @param clientId the app client of the request, or {@code null} for administrative actions
     * @param type what the message is for: {@code SignUp}, {@code ResendCode}, {@code ForgotPassword},
     *     {@code UpdateUserAttribute}, {@code VerifyUserAttribute}, {@code AdminCreateUser} or {@code Authentication}
     * @param email whether it goes by email rather than SMS
     * @param code the code or temporary password the message carries
     * @param username the username an invitation shows, or {@code null} for other messages
     * @param poolText the message the pool's templates give
     */
    public MessageTemplates.Text customMessage(
            UserPool pool,
            @Nullable String clientId,
            String type,
            User user,
            boolean email,
            String code,
            @Nullable String username,
            Map<String, String> clientMetadata,
            MessageTemplates.Text poolText) {
        Optional<CustomMessageTrigger> handler =
                this.handlers.find(pool, TriggerType.CUSTOM_MESSAGE, CustomMessageTrigger.class);
        if (handler.isEmpty()) {
            return poolText;
        }
        TriggerEvent<CustomMessageTrigger.Request> event = event(
                pool,
                "CustomMessage_" + type,
                user.username(),
                clientId,
                new CustomMessageTrigger.Request(
                        attributes(user),
                        CODE_PARAMETER,
                        (username != null) ? USERNAME_PARAMETER : null,
                        Map.copyOf(clientMetadata)));
        CustomMessageTrigger.Response response = LambdaTriggers.invoke(
                TriggerType.CUSTOM_MESSAGE, () -> handler.get().customMessage(event));
        String body = email ? response.emailMessage() : response.smsMessage();
        if (body == null) {
            return poolText;
        }
        body = body.replace(CODE_PARAMETER, code);
        if (username != null) {
            body = body.replace(USERNAME_PARAMETER, username);
        }
        String subject = (email && response.emailSubject() != null) ? response.emailSubject() : poolText.subject();
        return new MessageTemplates.Text(email ? subject : null, body);
    }

    /** Whether the pool runs CUSTOM_AUTH: it has a define auth challenge trigger. */
    public boolean hasCustomAuth(UserPool pool) {
        return this.handlers
                .find(pool, TriggerType.DEFINE_AUTH_CHALLENGE, DefineAuthChallengeTrigger.class)
                .isPresent();
    }

    /** Runs the define auth challenge trigger, which the pool must have. */
    public DefineAuthChallengeTrigger.Response defineAuthChallenge(
            UserPool pool, String clientId, String userName, DefineAuthChallengeTrigger.Request request) {
        DefineAuthChallengeTrigger handler = this.handlers
                .find(pool, TriggerType.DEFINE_AUTH_CHALLENGE, DefineAuthChallengeTrigger.class)
                .orElseThrow(() -> LambdaTriggers.unreachable(TriggerType.DEFINE_AUTH_CHALLENGE));
        TriggerEvent<DefineAuthChallengeTrigger.Request> event =
                event(pool, "DefineAuthChallenge_Authentication", userName, clientId, request);
        return LambdaTriggers.invoke(TriggerType.DEFINE_AUTH_CHALLENGE, () -> handler.defineAuthChallenge(event));
    }

    /** Runs the create auth challenge trigger; a pool without one fails as Cognito does. */
    public CreateAuthChallengeTrigger.Response createAuthChallenge(
            UserPool pool, String clientId, String userName, CreateAuthChallengeTrigger.Request request) {
        CreateAuthChallengeTrigger handler = this.handlers
                .find(pool, TriggerType.CREATE_AUTH_CHALLENGE, CreateAuthChallengeTrigger.class)
                .orElseThrow(() -> LambdaTriggers.unreachable(TriggerType.CREATE_AUTH_CHALLENGE));
        TriggerEvent<CreateAuthChallengeTrigger.Request> event =
                event(pool, "CreateAuthChallenge_Authentication", userName, clientId, request);
        return LambdaTriggers.invoke(TriggerType.CREATE_AUTH_CHALLENGE, () -> handler.createAuthChallenge(event));
    }

    /** Runs the verify auth challenge response trigger; a pool without one fails as Cognito does. */
    public VerifyAuthChallengeResponseTrigger.Response verifyAuthChallengeResponse(
            UserPool pool, String clientId, String userName, VerifyAuthChallengeResponseTrigger.Request request) {
        VerifyAuthChallengeResponseTrigger handler = this.handlers
                .find(pool, TriggerType.VERIFY_AUTH_CHALLENGE_RESPONSE, VerifyAuthChallengeResponseTrigger.class)
                .orElseThrow(() -> LambdaTriggers.unreachable(TriggerType.VERIFY_AUTH_CHALLENGE_RESPONSE));
        TriggerEvent<VerifyAuthChallengeResponseTrigger.Request> event =
                event(pool, "VerifyAuthChallengeResponse_Authentication", userName, clientId, request);
        return LambdaTriggers.invoke(
                TriggerType.VERIFY_AUTH_CHALLENGE_RESPONSE, () -> handler.verifyAuthChallengeResponse(event));
    }

    /** Runs the pre token generation trigger of the pool, in the event version it is configured for. */
    @Override
    public void customize(TokenRequest request, Map<String, Object> idClaims, Map<String, Object> accessClaims) {
        UserPool pool = request.pool();
        String source =
                (request.refreshedFrom() != null) ? "TokenGeneration_RefreshTokens" : "TokenGeneration_Authentication";
        String version = LambdaConfig.of(pool).preTokenGenerationVersion();
        boolean configured = LambdaConfig.of(pool)
                .functionArn(TriggerType.PRE_TOKEN_GENERATION)
                .isPresent();
        Optional<PreTokenGenerationTrigger> v1 = (configured && !version.equals("V1_0"))
                ? Optional.empty()
                : this.handlers.find(pool, TriggerType.PRE_TOKEN_GENERATION, PreTokenGenerationTrigger.class);
        if (v1.isPresent()) {
            TriggerEvent<PreTokenGenerationTrigger.Request> event = event(
                    pool,
                    source,
                    request.user().username(),
                    request.client().clientId(),
                    new PreTokenGenerationTrigger.Request(
                            attributes(request.user()), groups(idClaims), request.clientMetadata()));
            PreTokenGenerationTrigger.Response response = LambdaTriggers.invoke(
                    TriggerType.PRE_TOKEN_GENERATION, () -> v1.get().preTokenGeneration(event));
            PreTokenGenerationTrigger.ClaimsOverrideDetails details = response.claimsOverrideDetails();
            if (details != null) {
                apply(idClaims, details.claimsToAddOrOverride(), details.claimsToSuppress());
                overrideGroups(idClaims, accessClaims, details.groupOverrideDetails());
            }
            return;
        }
        // A configured function is of version 2 or 3 here; a handler for all pools is of either interface.
        Optional<PreTokenGenerationV2Trigger> v2 =
                this.handlers.find(pool, TriggerType.PRE_TOKEN_GENERATION, PreTokenGenerationV2Trigger.class);
        if (v2.isEmpty()) {
            return;
        }
        List<String> scopes = scopes(accessClaims);
        TriggerEvent<PreTokenGenerationV2Trigger.Request> event = new TriggerEvent<>(
                version.equals("V3_0") ? "3" : "2",
                source,
                pool.region(),
                pool.id(),
                request.user().username(),
                new CallerContext(CallerContext.UNKNOWN_SDK, request.client().clientId()),
                new PreTokenGenerationV2Trigger.Request(
                        attributes(request.user()), scopes, groups(idClaims), request.clientMetadata()));
        PreTokenGenerationV2Trigger.Response response = LambdaTriggers.invoke(
                TriggerType.PRE_TOKEN_GENERATION, () -> v2.get().preTokenGeneration(event));
        PreTokenGenerationV2Trigger.ClaimsAndScopeOverrideDetails details = response.claimsAndScopeOverrideDetails();
        if (details == null) {
            return;
        }
        PreTokenGenerationV2Trigger.IdTokenGeneration idChanges = details.idTokenGeneration();
        if (idChanges != null) {
            apply(idClaims, idChanges.claimsToAddOrOverride(), idChanges.claimsToSuppress());
        }
        PreTokenGenerationV2Trigger.AccessTokenGeneration accessChanges = details.accessTokenGeneration();
        if (accessChanges != null) {
            apply(accessClaims, accessChanges.claimsToAddOrOverride(), accessChanges.claimsToSuppress());
            Set<String> granted = new LinkedHashSet<>(scopes);
            if (accessChanges.scopesToAdd() != null) {
                granted.addAll(accessChanges.scopesToAdd());
            }
            if (accessChanges.scopesToSuppress() != null) {
                granted.removeAll(accessChanges.scopesToSuppress());
            }
            if (granted.isEmpty()) {
                accessClaims.remove("scope");
            } else {
                accessClaims.put("scope", String.join(" ", granted));
            }
        }
        overrideGroups(idClaims, accessClaims, details.groupOverrideDetails());
    }

    /** Adds and overrides, then suppresses, so that a claim both added and suppressed stays out. */
    private static void apply(
            Map<String, Object> claims, @Nullable Map<String, ?> toAddOrOverride, @Nullable List<String> toSuppress) {
        if (toAddOrOverride != null) {
            toAddOrOverride.forEach((name, value) -> {
                if (!PROTECTED_CLAIMS.contains(name) && value != null) {
                    claims.put(name, value);
                }
            });
        }
        if (toSuppress != null) {
            for (String name : toSuppress) {
                if (!PROTECTED_CLAIMS.contains(name)) {
                    claims.remove(name);
                }
            }
        }
    }

    private static void overrideGroups(
            Map<String, Object> idClaims, Map<String, Object> accessClaims, @Nullable GroupConfiguration groups) {
        if (groups == null) {
            return;
        }
        if (groups.groupsToOverride() != null) {
            putOrRemove(idClaims, GROUPS, groups.groupsToOverride());
            putOrRemove(accessClaims, GROUPS, groups.groupsToOverride());
        }
        if (groups.iamRolesToOverride() != null) {
            putOrRemove(idClaims, "cognito:roles", groups.iamRolesToOverride());
        }
        if (groups.preferredRole() != null) {
            idClaims.put("cognito:preferred_role", groups.preferredRole());
        }
    }

    private static void putOrRemove(Map<String, Object> claims, String name, List<String> values) {
        if (values.isEmpty()) {
            claims.remove(name);
        } else {
            claims.put(name, List.copyOf(values));
        }
    }

    private static GroupConfiguration groups(Map<String, Object> idClaims) {
        return new GroupConfiguration(
                strings(idClaims.get(GROUPS)),
                strings(idClaims.get("cognito:roles")),
                (idClaims.get("cognito:preferred_role") instanceof String role) ? role : null);
    }

    private static List<String> strings(@Nullable Object claim) {
        List<String> values = new ArrayList<>();
        if (claim instanceof List<?> list) {
            list.forEach((value) -> values.add(String.valueOf(value)));
        }
        return List.copyOf(values);
    }

    private static List<String> scopes(Map<String, Object> accessClaims) {
        return (accessClaims.get("scope") instanceof String scope) ? List.of(scope.split(" ")) : List.of();
    }

    private static Map<String, String> attributes(@Nullable User user) {
        return (user != null) ? Map.copyOf(user.attributes()) : Map.of();
    }

    private static <R> TriggerEvent<R> event(
            UserPool pool, String source, String userName, @Nullable String clientId, R request) {
        return new TriggerEvent<>(
                "1",
                source,
                pool.region(),
                pool.id(),
                userName,
                new CallerContext(CallerContext.UNKNOWN_SDK, (clientId != null) ? clientId : CallerContext.NO_CLIENT),
                request);
    }
}
