package io.github.cognitoemulator.core.pool;

import io.github.cognitoemulator.core.error.Errors;
import io.github.cognitoemulator.core.protocol.ActionFamily;
import io.github.cognitoemulator.core.protocol.ActionRegistry;
import io.github.cognitoemulator.core.protocol.RequestContext;
import io.github.cognitoemulator.core.protocol.RequestReader;
import io.github.cognitoemulator.core.protocol.Shapes;
import io.github.cognitoemulator.core.protocol.StringShape;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * GetUserPoolMfaConfig and SetUserPoolMfaConfig. SetUserPoolMfaConfig replaces the factors: one it leaves out is
 * turned off, as in Cognito, where MFA required or optional without any factor is refused.
 *
 * @see <a href="https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_SetUserPoolMfaConfig.html">SetUserPoolMfaConfig</a>
 */
public final class MfaConfigActions implements ActionFamily {

    static final String OFF_WITH_FACTOR =
            "Invalid MFA configuration given, can't turn off MFA and configure an MFA together.";

    static final String NO_FACTOR =
            "Invalid MFA configuration given, can't disable all MFAs with a required or optional configuration.";

    static final String EMAIL_NEEDS_DEVELOPER_SES =
            "Invalid MFA configuration given, email MFA requires the user pool to send email with Amazon SES"
                    + " (EmailSendingAccount DEVELOPER).";

    private static final StringShape SMS_MESSAGE = StringShape.length(6, 140).pattern(".*\\{####\\}.*");

    private final PoolStore pools;

    /** @param pools where pools are kept */
    public MfaConfigActions(PoolStore pools) {
        this.pools = Objects.requireNonNull(pools, "'pools' must not be null");
    }

    @Override
    public void registerTo(ActionRegistry.Builder registry) {
        registry.add("GetUserPoolMfaConfig", UserPoolActions.UserPoolIdRequest::parse, this::getUserPoolMfaConfig);
        registry.add("SetUserPoolMfaConfig", SetMfaConfigRequest::parse, this::setUserPoolMfaConfig);
    }

    Map<String, Object> getUserPoolMfaConfig(UserPoolActions.UserPoolIdRequest request, RequestContext context) {
        UserPool pool = this.pools
                .findInRegion(request.userPoolId(), context.region())
                .orElseThrow(() -> Errors.userPoolNotFound(request.userPoolId()));
        return mfaConfig(pool);
    }

    Map<String, Object> setUserPoolMfaConfig(SetMfaConfigRequest request, RequestContext context) {
        boolean anyFactor = request.smsEnabled() || request.softwareTokenEnabled() || request.email() != null;
        if (request.mfaConfiguration().equals("OFF") && anyFactor) {
            throw Errors.invalidParameter(OFF_WITH_FACTOR);
        }
        if (!request.mfaConfiguration().equals("OFF") && !anyFactor) {
            throw Errors.invalidParameter(NO_FACTOR);
        }
        while (true) {
            UserPool current = this.pools
                    .findInRegion(request.userPoolId(), context.region())
                    .orElseThrow(() -> Errors.userPoolNotFound(request.userPoolId()));
            if (request.email() != null && !sendsWithDeveloperSes(current)) {
                throw Errors.invalidParameter(EMAIL_NEEDS_DEVELOPER_SES);
            }
            Map<String, Object> settings = new LinkedHashMap<>(current.settings());
            if (request.smsAuthenticationMessage() != null) {
                settings.put("SmsAuthenticationMessage", request.smsAuthenticationMessage());
            }
            if (request.smsConfiguration() != null) {
                settings.put(UserPoolSettings.SMS_CONFIGURATION, request.smsConfiguration());
            }
            if (request.smsEnabled() && !settings.containsKey(UserPoolSettings.SMS_CONFIGURATION)) {
                throw Errors.invalidParameter(PoolConfiguration.MFA_NEEDS_SMS);
            }
            MfaSettings.WebAuthn webAuthn = (request.webAuthn() != null)
                    ? request.webAuthn()
                    : current.mfaSettings().webAuthn();
            MfaSettings factors =
                    new MfaSettings(request.smsEnabled(), request.softwareTokenEnabled(), request.email(), webAuthn);
            UserPool updated = new UserPool(
                    current.id(),
                    current.name(),
                    current.arn(),
                    current.creationDate(),
                    current.lastModifiedDate(),
                    current.passwordPolicy(),
                    current.schema(),
                    current.autoVerifiedAttributes(),
                    current.aliasAttributes(),
                    current.usernameAttributes(),
                    current.usernameCaseSensitive(),
                    request.mfaConfiguration(),
                    current.deletionProtection(),
                    factors,
                    settings);
            if (this.pools.replace(current, updated)) {
                return mfaConfig(updated);
            }
        }
    }

    private static boolean sendsWithDeveloperSes(UserPool pool) {
        Object emailConfiguration = pool.settings().get(UserPoolSettings.EMAIL_CONFIGURATION);
        return emailConfiguration instanceof Map<?, ?> map && "DEVELOPER".equals(map.get("EmailSendingAccount"));
    }

    /** The GetUserPoolMfaConfig answer: {@code MfaConfiguration}, and each factor only while it is enabled. */
    static Map<String, Object> mfaConfig(UserPool pool) {
        MfaSettings factors = pool.mfaSettings();
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("MfaConfiguration", pool.mfaConfiguration());
        if (factors.smsEnabled()) {
            Map<String, Object> sms = new LinkedHashMap<>();
            Object message = pool.settings().get("SmsAuthenticationMessage");
            if (message != null) {
                sms.put("SmsAuthenticationMessage", message);
            }
            sms.put("SmsConfiguration", pool.settings().get(UserPoolSettings.SMS_CONFIGURATION));
            response.put("SmsMfaConfiguration", sms);
        }
        if (factors.softwareTokenEnabled()) {
            response.put("SoftwareTokenMfaConfiguration", Map.of("Enabled", true));
        }
        if (factors.email() != null) {
            Map<String, Object> email = new LinkedHashMap<>();
            putIfPresent(email, "Message", factors.email().message());
            putIfPresent(email, "Subject", factors.email().subject());
            response.put("EmailMfaConfiguration", email);
        }
        if (factors.webAuthn() != null) {
            Map<String, Object> webAuthn = new LinkedHashMap<>();
            putIfPresent(webAuthn, "RelyingPartyId", factors.webAuthn().relyingPartyId());
            webAuthn.put("UserVerification", factors.webAuthn().userVerification());
            response.put("WebAuthnConfiguration", webAuthn);
        }
        return response;
    }

    private static void putIfPresent(Map<String, Object> shape, String member, @Nullable String value) {
        if (value != null) {
            shape.put(member, value);
        }
    }

    /**
     * A SetUserPoolMfaConfig request.
     *
     * @param userPoolId the pool
     * @param mfaConfiguration {@code OFF} (also when left out), {@code ON} or {@code OPTIONAL}
     * @param smsEnabled whether {@code SmsMfaConfiguration} was given
     * @param smsAuthenticationMessage its message, when given
     * @param smsConfiguration its sending configuration, when given
     * @param softwareTokenEnabled {@code SoftwareTokenMfaConfiguration.Enabled}
     * @param email {@code EmailMfaConfiguration}, when given
     * @param webAuthn {@code WebAuthnConfiguration}, when given
     */
    record SetMfaConfigRequest(
            String userPoolId,
            String mfaConfiguration,
            boolean smsEnabled,
            @Nullable String smsAuthenticationMessage,
            @Nullable Map<String, Object> smsConfiguration,
            boolean softwareTokenEnabled,
            MfaSettings.@Nullable EmailMfa email,
            MfaSettings.@Nullable WebAuthn webAuthn) {

        static SetMfaConfigRequest parse(RequestReader in) {
            String userPoolId = in.requiredString("UserPoolId", Shapes.USER_POOL_ID);
            String mfa = in.string("MfaConfiguration", StringShape.oneOf("OFF", "ON", "OPTIONAL"));
            RequestReader sms = in.structure("SmsMfaConfiguration");
            String smsMessage = (sms != null) ? sms.string("SmsAuthenticationMessage", SMS_MESSAGE) : null;
            Map<String, Object> smsConfiguration = (sms != null) ? sms.document("SmsConfiguration") : null;
            RequestReader softwareToken = in.structure("SoftwareTokenMfaConfiguration");
            boolean softwareTokenEnabled = softwareToken != null && Boolean.TRUE.equals(softwareToken.bool("Enabled"));
            RequestReader emailIn = in.structure("EmailMfaConfiguration");
            MfaSettings.EmailMfa email = (emailIn != null)
                    ? new MfaSettings.EmailMfa(
                            emailIn.string("Message", StringShape.length(6, 20000)),
                            emailIn.string("Subject", StringShape.length(1, 140)))
                    : null;
            RequestReader webAuthnIn = in.structure("WebAuthnConfiguration");
            MfaSettings.WebAuthn webAuthn = null;
            if (webAuthnIn != null) {
                String relyingPartyId = webAuthnIn.string("RelyingPartyId", StringShape.length(1, 127));
                String verification = webAuthnIn.string("UserVerification", StringShape.oneOf("required", "preferred"));
                webAuthn =
                        new MfaSettings.WebAuthn(relyingPartyId, (verification != null) ? verification : "preferred");
            }
            return new SetMfaConfigRequest(
                    userPoolId,
                    (mfa != null) ? mfa : "OFF",
                    sms != null,
                    smsMessage,
                    smsConfiguration,
                    softwareTokenEnabled,
                    email,
                    webAuthn);
        }
    }
}
