package io.github.cognitoemulator.core.mfa;

import io.github.cognitoemulator.core.auth.AuthSession;
import io.github.cognitoemulator.core.auth.AuthSessions;
import io.github.cognitoemulator.core.auth.ChallengeName;
import io.github.cognitoemulator.core.error.ErrorType;
import io.github.cognitoemulator.core.error.Errors;
import io.github.cognitoemulator.core.pool.MfaSettings;
import io.github.cognitoemulator.core.pool.PoolStore;
import io.github.cognitoemulator.core.pool.UserPool;
import io.github.cognitoemulator.core.protocol.ActionFamily;
import io.github.cognitoemulator.core.protocol.ActionRegistry;
import io.github.cognitoemulator.core.protocol.RequestContext;
import io.github.cognitoemulator.core.protocol.RequestReader;
import io.github.cognitoemulator.core.protocol.Shapes;
import io.github.cognitoemulator.core.protocol.StringShape;
import io.github.cognitoemulator.core.support.Ids;
import io.github.cognitoemulator.core.support.Redacted;
import io.github.cognitoemulator.core.token.SignedInUsers;
import io.github.cognitoemulator.core.token.TokenService;
import io.github.cognitoemulator.core.user.MfaMembers;
import io.github.cognitoemulator.core.user.User;
import io.github.cognitoemulator.core.user.UserDirectory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * AssociateSoftwareToken, VerifySoftwareToken, SetUserMFAPreference, AdminSetUserMFAPreference, SetUserSettings and
 * AdminSetUserSettings: a user's software token and which second factors the user has.
 *
 * @see <a href="https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-mfa-totp.html">TOTP
 *     software token MFA</a>
 */
public final class MfaActions implements ActionFamily, MfaMembers {

    /** The data of an MFA_SETUP session once its software token was verified. */
    public static final String TOKEN_VERIFIED = "SOFTWARE_TOKEN_VERIFIED";

    static final String NOT_ENABLED_BY_POOL = "Software Token MFA has not been enabled by the userPool.";

    static final String NOT_SET_UP = "User has not set up software token mfa";

    static final String NOT_VERIFIED = "User has not verified software token mfa";

    static final String ACCESS_TOKEN_OR_SESSION = "Either AccessToken or Session must be provided, but not both.";

    private static final StringShape USER_CODE =
            StringShape.length(6, 6).pattern("[0-9]+").asSensitive();

    private final PoolStore pools;

    private final UserDirectory users;

    private final SignedInUsers signedIn;

    private final AuthSessions sessions;

    private final UserMfaDirectory mfa;

    private final Ids ids;

    public MfaActions(
            PoolStore pools,
            UserDirectory users,
            TokenService tokens,
            AuthSessions sessions,
            UserMfaDirectory mfa,
            Ids ids) {
        this.pools = Objects.requireNonNull(pools, "'pools' must not be null");
        this.users = Objects.requireNonNull(users, "'users' must not be null");
        this.signedIn = new SignedInUsers(tokens, pools, users);
        this.sessions = Objects.requireNonNull(sessions, "'sessions' must not be null");
        this.mfa = Objects.requireNonNull(mfa, "'mfa' must not be null");
        this.ids = Objects.requireNonNull(ids, "'ids' must not be null");
    }

    @Override
    public void registerTo(ActionRegistry.Builder registry) {
        registry.addUnsigned("AssociateSoftwareToken", AssociateSoftwareTokenRequest::parse, this::associate);
        registry.addUnsigned("VerifySoftwareToken", VerifySoftwareTokenRequest::parse, this::verify);
        registry.addUnsigned(
                "SetUserMFAPreference", (in) -> MfaPreferenceRequest.parse(in, false), this::setPreference);
        registry.add("AdminSetUserMFAPreference", (in) -> MfaPreferenceRequest.parse(in, true), this::setPreference);
        registry.addUnsigned("SetUserSettings", (in) -> UserSettingsRequest.parse(in, false), this::setSettings);
        registry.add("AdminSetUserSettings", (in) -> UserSettingsRequest.parse(in, true), this::setSettings);
    }

    Map<String, Object> associate(AssociateSoftwareTokenRequest request, RequestContext context) {
        Caller caller = caller(request.accessToken(), request.session(), context);
        requireSoftwareTokens(caller.pool());
        String secret = Totp.encode(this.ids.randomBytes(Totp.SECRET_BYTES));
        // The session is moved on before the secret is stored, so that of two requests with one session only the
        // one whose secret is stored gets an answer.
        String next = (caller.session() != null) ? this.sessions.advance(request.session(), caller.session()) : null;
        this.mfa.associate(caller.pool().id(), caller.user().sub(), secret);
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("SecretCode", secret);
        if (next != null) {
            response.put("Session", next);
        }
        return response;
    }

    Map<String, Object> verify(VerifySoftwareTokenRequest request, RequestContext context) {
        Caller caller = caller(request.accessToken(), request.session(), context);
        requireSoftwareTokens(caller.pool());
        String sub = caller.user().sub();
        this.mfa.verify(caller.pool().id(), sub, request.userCode(), request.friendlyDeviceName());
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("Status", "SUCCESS");
        AuthSession session = caller.session();
        if (session != null) {
            // Set up while signing in, the token is the user's second factor from now on.
            this.mfa.update(
                    caller.pool().id(), sub, (current) -> current.withFactor(MfaFactor.SOFTWARE_TOKEN_MFA, true, true));
            Map<String, String> data = new LinkedHashMap<>(session.data());
            data.put(TOKEN_VERIFIED, "true");
            response.put(
                    "Session",
                    this.sessions.advance(
                            request.session(),
                            new AuthSession(
                                    session.userPoolId(),
                                    session.clientId(),
                                    session.sub(),
                                    session.challenge(),
                                    session.expiresAt(),
                                    data)));
        }
        return response;
    }

    @Nullable
    Object setPreference(MfaPreferenceRequest request, RequestContext context) {
        Caller caller = (request.accessToken() != null)
                ? authenticate(request.accessToken())
                : adminCaller(request.userPoolId(), request.username(), context);
        UserPool pool = caller.pool();
        User user = caller.user();
        List<MfaSetting> settings = request.settings();
        long preferred = settings.stream()
                .filter((setting) -> setting.enabled() && setting.preferred())
                .count();
        if (preferred > 1) {
            throw Errors.invalidParameter("Only one MFA type can be preferred.");
        }
        this.mfa.update(pool.id(), user.sub(), (current) -> {
            UserMfa updated = current;
            for (MfaSetting setting : settings) {
                if (setting.enabled()) {
                    checkCanEnable(pool, user, current, setting.factor());
                }
                updated = updated.withFactor(setting.factor(), setting.enabled(), setting.preferred());
            }
            return updated;
        });
        return null;
    }

    @Nullable
    Object setSettings(UserSettingsRequest request, RequestContext context) {
        Caller caller = (request.accessToken() != null)
                ? authenticate(request.accessToken())
                : adminCaller(request.userPoolId(), request.username(), context);
        boolean sms = false;
        for (MfaOption option : request.mfaOptions()) {
            if (!"SMS".equals(option.deliveryMedium()) || !"phone_number".equals(option.attributeName())) {
                throw Errors.invalidParameter("Only SMS to phone_number is supported as an MFA option.");
            }
            sms = true;
        }
        boolean enableSms = sms;
        UserPool pool = caller.pool();
        User user = caller.user();
        this.mfa.update(pool.id(), user.sub(), (current) -> {
            if (enableSms) {
                checkCanEnable(pool, user, current, MfaFactor.SMS_MFA);
            }
            return current.withFactor(MfaFactor.SMS_MFA, enableSms, current.preferred() == MfaFactor.SMS_MFA);
        });
        return null;
    }

    /** Cognito's checks before a factor is enabled: the token verified, the destination there, the pool offering it. */
    private static void checkCanEnable(UserPool pool, User user, UserMfa current, MfaFactor factor) {
        MfaSettings offered = pool.mfaSettings();
        switch (factor) {
            case SOFTWARE_TOKEN_MFA:
                // A verified token keeps working when the pool stops offering tokens, so the pool is not asked.
                if (current.secret() == null) {
                    throw Errors.invalidParameter((current.pendingSecret() != null) ? NOT_VERIFIED : NOT_SET_UP);
                }
                return;
            case SMS_MFA:
                if (!offered.smsEnabled()) {
                    throw Errors.invalidParameter("SMS MFA is not enabled for the user pool.");
                }
                if (user.attribute("phone_number") == null) {
                    throw Errors.invalidParameter("User does not have a phone_number to use for SMS MFA.");
                }
                return;
            default:
                if (offered.email() == null) {
                    throw Errors.invalidParameter("Email MFA is not enabled for the user pool.");
                }
                if (user.attribute("email") == null) {
                    throw Errors.invalidParameter("User does not have an email to use for email MFA.");
                }
        }
    }

    private static void requireSoftwareTokens(UserPool pool) {
        if (!pool.mfaSettings().softwareTokenEnabled()) {
            throw ErrorType.SOFTWARE_TOKEN_MFA_NOT_FOUND.exception(NOT_ENABLED_BY_POOL);
        }
    }

    /** The user an AccessToken or an MFA_SETUP Session names; exactly one of them must be given. */
    private Caller caller(@Nullable String accessToken, @Nullable String session, RequestContext context) {
        if ((accessToken == null) == (session == null)) {
            throw Errors.invalidParameter(ACCESS_TOKEN_OR_SESSION);
        }
        if (accessToken != null) {
            return authenticate(accessToken);
        }
        AuthSession open = this.sessions.find(session, ChallengeName.MFA_SETUP);
        UserPool pool = this.pools
                .find(open.userPoolId())
                .orElseThrow(() -> ErrorType.NOT_AUTHORIZED.exception("Invalid session for the user."));
        User user = this.users
                .findBySub(pool, open.sub())
                .orElseThrow(() -> ErrorType.NOT_AUTHORIZED.exception("Invalid session for the user."));
        return new Caller(pool, user, open);
    }

    /** The user behind a valid access token, checked as the other self-service actions check it. */
    private Caller authenticate(String accessToken) {
        SignedInUsers.SignedInUser caller = this.signedIn.require(accessToken);
        return new Caller(caller.pool(), caller.user(), null);
    }

    private Caller adminCaller(@Nullable String userPoolId, @Nullable String username, RequestContext context) {
        UserPool pool = this.pools.require(Objects.requireNonNull(userPoolId), context.region());
        User user = this.users.resolve(pool, Objects.requireNonNull(username)).orElseThrow(Errors::userNotFound);
        return new Caller(pool, user, null);
    }

    /** {@code MFAOptions}, {@code PreferredMfaSetting} and {@code UserMFASettingList}, each only when set. */
    @Override
    public Map<String, Object> of(User user) {
        UserMfa state = this.mfa.find(user.userPoolId(), user.sub());
        Map<String, Object> members = new LinkedHashMap<>();
        if (state.smsEnabled()) {
            members.put("MFAOptions", List.of(Map.of("DeliveryMedium", "SMS", "AttributeName", "phone_number")));
        }
        if (state.preferred() != null) {
            members.put("PreferredMfaSetting", state.preferred().name());
        }
        List<String> enabled = state.enabled().stream().map(Enum::name).toList();
        if (!enabled.isEmpty()) {
            members.put("UserMFASettingList", enabled);
        }
        return members;
    }

    /**
     * Who an action is for.
     *
     * @param pool the user's pool
     * @param user the user
     * @param session the MFA_SETUP session the request came with, or {@code null} for an access token
     */
    private record Caller(
            UserPool pool, User user, @Nullable AuthSession session) {}

    /**
     * An AssociateSoftwareToken request.
     *
     * @param accessToken the user's access token, or {@code null}
     * @param session the MFA_SETUP session, or {@code null}
     */
    record AssociateSoftwareTokenRequest(
            @Nullable String accessToken, @Nullable String session) {

        static AssociateSoftwareTokenRequest parse(RequestReader in) {
            return new AssociateSoftwareTokenRequest(
                    in.string("AccessToken", Shapes.ACCESS_TOKEN), in.string("Session", Shapes.SESSION));
        }

        /** A description without the access token and the session. */
        @Override
        public String toString() {
            return "AssociateSoftwareTokenRequest[accessToken=" + Redacted.secret(this.accessToken) + ", session="
                    + Redacted.secret(this.session) + "]";
        }
    }

    /**
     * A VerifySoftwareToken request.
     *
     * @param accessToken the user's access token, or {@code null}
     * @param session the session from AssociateSoftwareToken, or {@code null}
     * @param userCode the first code of the token
     * @param friendlyDeviceName the name of the token, or {@code null}
     */
    record VerifySoftwareTokenRequest(
            @Nullable String accessToken,
            @Nullable String session,
            String userCode,
            @Nullable String friendlyDeviceName) {

        static VerifySoftwareTokenRequest parse(RequestReader in) {
            String accessToken = in.string("AccessToken", Shapes.ACCESS_TOKEN);
            String session = in.string("Session", Shapes.SESSION);
            String userCode = in.requiredString("UserCode", USER_CODE);
            String name = in.string("FriendlyDeviceName", StringShape.length(0, 131072));
            return new VerifySoftwareTokenRequest(accessToken, session, userCode, name);
        }

        /** A description without the access token, the session and the code. */
        @Override
        public String toString() {
            return "VerifySoftwareTokenRequest[accessToken=" + Redacted.secret(this.accessToken) + ", session="
                    + Redacted.secret(this.session) + ", userCode=" + Redacted.secret(this.userCode)
                    + ", friendlyDeviceName=" + this.friendlyDeviceName + "]";
        }
    }

    /**
     * One factor's settings in a preference request.
     *
     * @param factor the factor
     * @param enabled {@code Enabled}
     * @param preferred {@code PreferredMfa}
     */
    record MfaSetting(MfaFactor factor, boolean enabled, boolean preferred) {

        static @Nullable MfaSetting read(@Nullable RequestReader in, MfaFactor factor) {
            if (in == null) {
                return null;
            }
            return new MfaSetting(
                    factor, Boolean.TRUE.equals(in.bool("Enabled")), Boolean.TRUE.equals(in.bool("PreferredMfa")));
        }
    }

    /**
     * A SetUserMFAPreference or AdminSetUserMFAPreference request.
     *
     * @param accessToken the user's access token, for SetUserMFAPreference
     * @param userPoolId the pool, for AdminSetUserMFAPreference
     * @param username the user, for AdminSetUserMFAPreference
     * @param settings the factors' settings given, in the order SMS, software token, email
     */
    record MfaPreferenceRequest(
            @Nullable String accessToken,
            @Nullable String userPoolId,
            @Nullable String username,
            List<MfaSetting> settings) {

        static MfaPreferenceRequest parse(RequestReader in, boolean admin) {
            String accessToken = admin ? null : in.requiredString("AccessToken", Shapes.ACCESS_TOKEN);
            String userPoolId = admin ? in.requiredString("UserPoolId", Shapes.USER_POOL_ID) : null;
            String username = admin ? in.requiredString("Username", Shapes.USERNAME) : null;
            List<MfaSetting> settings = new ArrayList<>();
            addIfPresent(settings, MfaSetting.read(in.structure("SMSMfaSettings"), MfaFactor.SMS_MFA));
            addIfPresent(
                    settings, MfaSetting.read(in.structure("SoftwareTokenMfaSettings"), MfaFactor.SOFTWARE_TOKEN_MFA));
            addIfPresent(settings, MfaSetting.read(in.structure("EmailMfaSettings"), MfaFactor.EMAIL_OTP));
            // Passkeys as a second factor belong to the passkey settings; the member is accepted and read.
            in.document("WebAuthnMfaSettings");
            return new MfaPreferenceRequest(accessToken, userPoolId, username, settings);
        }

        private static void addIfPresent(List<MfaSetting> settings, @Nullable MfaSetting setting) {
            if (setting != null) {
                settings.add(setting);
            }
        }

        /** A description without the access token. */
        @Override
        public String toString() {
            return "MfaPreferenceRequest[accessToken=" + Redacted.secret(this.accessToken) + ", userPoolId="
                    + this.userPoolId + ", username=" + this.username + ", settings=" + this.settings + "]";
        }
    }

    /**
     * One legacy {@code MFAOptionType}.
     *
     * @param deliveryMedium {@code SMS} or {@code EMAIL}
     * @param attributeName the attribute the codes go to
     */
    record MfaOption(
            @Nullable String deliveryMedium, @Nullable String attributeName) {}

    /**
     * A SetUserSettings or AdminSetUserSettings request.
     *
     * @param accessToken the user's access token, for SetUserSettings
     * @param userPoolId the pool, for AdminSetUserSettings
     * @param username the user, for AdminSetUserSettings
     * @param mfaOptions the legacy MFA options; none turns SMS MFA off
     */
    record UserSettingsRequest(
            @Nullable String accessToken,
            @Nullable String userPoolId,
            @Nullable String username,
            List<MfaOption> mfaOptions) {

        static UserSettingsRequest parse(RequestReader in, boolean admin) {
            String accessToken = admin ? null : in.requiredString("AccessToken", Shapes.ACCESS_TOKEN);
            String userPoolId = admin ? in.requiredString("UserPoolId", Shapes.USER_POOL_ID) : null;
            String username = admin ? in.requiredString("Username", Shapes.USERNAME) : null;
            List<RequestReader> items = in.structureList("MFAOptions", 0, Integer.MAX_VALUE);
            if (items == null) {
                in.missing("MFAOptions");
            }
            List<MfaOption> options = new ArrayList<>();
            for (RequestReader item : (items != null) ? items : List.<RequestReader>of()) {
                options.add(new MfaOption(
                        item.string("DeliveryMedium", StringShape.oneOf("SMS", "EMAIL")),
                        item.string("AttributeName", StringShape.length(1, 32))));
            }
            return new UserSettingsRequest(accessToken, userPoolId, username, options);
        }

        /** A description without the access token. */
        @Override
        public String toString() {
            return "UserSettingsRequest[accessToken=" + Redacted.secret(this.accessToken) + ", userPoolId="
                    + this.userPoolId + ", username=" + this.username + ", mfaOptions=" + this.mfaOptions + "]";
        }
    }
}
