package io.github.cognitoemulator.core.error;

/** Errors that many actions raise, with the messages Cognito uses for them. */
public final class Errors {

    private Errors() {}

    public static CognitoException userPoolNotFound(String userPoolId) {
        return ErrorType.RESOURCE_NOT_FOUND.exception("User pool " + userPoolId + " does not exist.");
    }

    public static CognitoException clientNotFound(String clientId) {
        return ErrorType.RESOURCE_NOT_FOUND.exception("User pool client " + clientId + " does not exist.");
    }

    public static CognitoException userNotFound() {
        return ErrorType.USER_NOT_FOUND.exception("User does not exist.");
    }

    public static CognitoException invalidParameter(String message) {
        return ErrorType.INVALID_PARAMETER.exception(message);
    }
}
