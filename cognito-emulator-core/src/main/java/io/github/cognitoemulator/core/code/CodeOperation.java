package io.github.cognitoemulator.core.code;

/**
 * An operation that sends a one-time code or checks one, with how many times one user may perform it in
 * {@link CodeAttempts#WINDOW}, as Cognito's per-user quotas count them. Sending operations count every code sent;
 * checking operations count every wrong code presented. Going over answers {@code LimitExceededException}.
 *
 * <p>The numbers are those of the Cognito Developer Guide: its quotas page ("limits") gives ResendConfirmationCode 5,
 * ConfirmSignUp 15, GetUserAttributeVerificationCode 5 and VerifyUserAttribute 15 per user and hour; its account
 * recovery page ("how-to-recover-a-user-account") allows "between 5 and 20" forgot-password requests and entries an
 * hour, depending on risk, of which the emulator takes the strict end: 5 requests and 5 wrong entries.
 */
public enum CodeOperation {
    /** ResendConfirmationCode: 5 codes an hour. */
    RESEND_CONFIRMATION_CODE(5),
    /** ForgotPassword: 5 codes an hour. */
    FORGOT_PASSWORD(5),
    /** GetUserAttributeVerificationCode: 5 codes an hour. */
    GET_USER_ATTRIBUTE_VERIFICATION_CODE(5),
    /** ConfirmSignUp: 15 wrong codes an hour. */
    CONFIRM_SIGN_UP(15),
    /** ConfirmForgotPassword: 5 wrong codes an hour. */
    CONFIRM_FORGOT_PASSWORD(5),
    /** VerifyUserAttribute: 15 wrong codes an hour. */
    VERIFY_USER_ATTRIBUTE(15);

    private final int limit;

    CodeOperation(int limit) {
        this.limit = limit;
    }

    /** How many attempts one user may make in {@link CodeAttempts#WINDOW}. */
    public int limit() {
        return this.limit;
    }

    /** The operation that checks codes of {@code purpose}. */
    public static CodeOperation checking(CodePurpose purpose) {
        switch (purpose) {
            case SIGN_UP:
                return CONFIRM_SIGN_UP;
            case FORGOT_PASSWORD:
                return CONFIRM_FORGOT_PASSWORD;
            default:
                return VERIFY_USER_ATTRIBUTE;
        }
    }
}
