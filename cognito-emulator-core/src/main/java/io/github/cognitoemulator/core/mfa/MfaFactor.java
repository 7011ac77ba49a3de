package io.github.cognitoemulator.core.mfa;

/** The second factors a user can have, named as Cognito names them in {@code UserMFASettingList}. */
public enum MfaFactor {
    SMS_MFA,
    SOFTWARE_TOKEN_MFA,
    EMAIL_OTP
}
