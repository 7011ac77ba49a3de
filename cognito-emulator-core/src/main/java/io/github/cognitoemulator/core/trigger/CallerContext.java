package io.github.cognitoemulator.core.trigger;

/**
 * The {@code callerContext} of a trigger event.
 *
 * @param awsSdkVersion the SDK the caller used; the emulator cannot tell, and sends {@value #UNKNOWN_SDK} as Cognito
 *     does for callers it does not recognise
 * @param clientId the app client of the request, or {@value #NO_CLIENT} for administrative actions
 */
public record CallerContext(String awsSdkVersion, String clientId) {

    /** The {@code awsSdkVersion} of a caller whose SDK is not known. */
    public static final String UNKNOWN_SDK = "aws-sdk-unknown-unknown";

    /** The {@code clientId} of actions that name no app client, such as AdminCreateUser. */
    public static final String NO_CLIENT = "CLIENT_ID_NOT_APPLICABLE";
}
