package io.github.cognitoemulator.core.pool;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * Which MFA factors a pool offers and how, as SetUserPoolMfaConfig configures them. Whether MFA is off, optional or
 * required is the pool's {@link UserPool#mfaConfiguration()}; the SMS message and sending configuration are the pool's
 * {@code SmsAuthenticationMessage} and {@code SmsConfiguration}.
 *
 * @param smsEnabled whether codes may be sent by SMS
 * @param softwareTokenEnabled whether authenticator apps (TOTP) may be used
 * @param email the email factor's message, {@code null} when codes are not sent by email
 * @param webAuthn the passkey settings, {@code null} when never configured
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MfaSettings(
        boolean smsEnabled,
        boolean softwareTokenEnabled,
        @Nullable EmailMfa email,
        @Nullable WebAuthn webAuthn) {

    /** What a new pool offers: no factor, and passkeys not configured. */
    public static final MfaSettings NONE = new MfaSettings(false, false, null, null);

    /** Whether any factor that delivers a second factor is enabled; passkeys are a first factor, not MFA. */
    public boolean anyFactor() {
        return this.smsEnabled || this.softwareTokenEnabled || this.email != null;
    }

    /** These settings with every MFA factor off, as they are once MFA is turned off. */
    MfaSettings withoutFactors() {
        return new MfaSettings(false, false, null, this.webAuthn);
    }

    /**
     * The email MFA message ({@code EmailMfaConfigType}).
     *
     * @param message the message template, {@code null} for Cognito's default
     * @param subject the subject, {@code null} for Cognito's default
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record EmailMfa(
            @Nullable String message, @Nullable String subject) {}

    /**
     * The passkey settings ({@code WebAuthnConfigurationType}).
     *
     * @param relyingPartyId the relying party id, {@code null} for the pool's domain
     * @param userVerification {@code required} or {@code preferred}
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record WebAuthn(@Nullable String relyingPartyId, String userVerification) {}
}
