package io.github.cognitoemulator.core.mfa;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.cognitoemulator.core.support.Redacted;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A user's MFA state: the software token, and which factors the user enabled and prefers.
 *
 * @param userPoolId the pool
 * @param sub the user
 * @param pendingSecret the base32 secret of a software token associated but not verified yet, or {@code null}
 * @param secret the base32 secret of the verified software token, or {@code null}
 * @param friendlyDeviceName the name given to the verified software token, or {@code null}
 * @param lastUsedStep the TOTP time step of the last code accepted, so that a code works once; 0 when none
 * @param smsEnabled whether SMS MFA is enabled
 * @param softwareTokenEnabled whether software token MFA is enabled
 * @param emailEnabled whether email MFA is enabled
 * @param preferred the preferred factor, or {@code null}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UserMfa(
        String userPoolId,
        String sub,
        @Nullable String pendingSecret,
        @Nullable String secret,
        @Nullable String friendlyDeviceName,
        long lastUsedStep,
        boolean smsEnabled,
        boolean softwareTokenEnabled,
        boolean emailEnabled,
        @Nullable MfaFactor preferred) {

    /** The state of a user who never set anything up. */
    public static UserMfa none(String userPoolId, String sub) {
        return new UserMfa(userPoolId, sub, null, null, null, 0, false, false, false, null);
    }

    /** The factors enabled, in Cognito's order. */
    public List<MfaFactor> enabled() {
        List<MfaFactor> enabled = new ArrayList<>();
        if (this.smsEnabled) {
            enabled.add(MfaFactor.SMS_MFA);
        }
        if (this.softwareTokenEnabled) {
            enabled.add(MfaFactor.SOFTWARE_TOKEN_MFA);
        }
        if (this.emailEnabled) {
            enabled.add(MfaFactor.EMAIL_OTP);
        }
        return enabled;
    }

    /** This state with a new token associated, waiting for its first code. */
    UserMfa withPendingSecret(String newSecret) {
        return new UserMfa(
                this.userPoolId,
                this.sub,
                newSecret,
                this.secret,
                this.friendlyDeviceName,
                this.lastUsedStep,
                this.smsEnabled,
                this.softwareTokenEnabled,
                this.emailEnabled,
                this.preferred);
    }

    /** This state with the pending token verified: it replaces any earlier token. */
    UserMfa withVerifiedToken(@Nullable String deviceName, long step) {
        return new UserMfa(
                this.userPoolId,
                this.sub,
                null,
                this.pendingSecret,
                deviceName,
                step,
                this.smsEnabled,
                this.softwareTokenEnabled,
                this.emailEnabled,
                this.preferred);
    }

    /** This state once a code of {@code step} was accepted. */
    UserMfa withLastUsedStep(long step) {
        return new UserMfa(
                this.userPoolId,
                this.sub,
                this.pendingSecret,
                this.secret,
                this.friendlyDeviceName,
                step,
                this.smsEnabled,
                this.softwareTokenEnabled,
                this.emailEnabled,
                this.preferred);
    }

    /** This state with {@code factor} enabled or not, preferred or not. */
    UserMfa withFactor(MfaFactor factor, boolean enabled, boolean preferredFactor) {
        MfaFactor newPreferred = this.preferred;
        if (enabled && preferredFactor) {
            newPreferred = factor;
        } else if (this.preferred == factor) {
            newPreferred = null;
        }
        return new UserMfa(
                this.userPoolId,
                this.sub,
                this.pendingSecret,
                this.secret,
                this.friendlyDeviceName,
                this.lastUsedStep,
                (factor == MfaFactor.SMS_MFA) ? enabled : this.smsEnabled,
                (factor == MfaFactor.SOFTWARE_TOKEN_MFA) ? enabled : this.softwareTokenEnabled,
                (factor == MfaFactor.EMAIL_OTP) ? enabled : this.emailEnabled,
                newPreferred);
    }

    /** A description without the secrets. */
    @Override
    public String toString() {
        return "UserMfa[userPoolId=" + this.userPoolId + ", sub=" + this.sub + ", pendingSecret="
                + Redacted.secret(this.pendingSecret) + ", secret=" + Redacted.secret(this.secret)
                + ", friendlyDeviceName=" + this.friendlyDeviceName + ", lastUsedStep=" + this.lastUsedStep
                + ", smsEnabled=" + this.smsEnabled + ", softwareTokenEnabled=" + this.softwareTokenEnabled
                + ", emailEnabled=" + this.emailEnabled + ", preferred=" + this.preferred + "]";
    }
}
