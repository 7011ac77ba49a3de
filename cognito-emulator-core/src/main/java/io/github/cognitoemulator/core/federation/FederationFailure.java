package io.github.cognitoemulator.core.federation;

/**
 * Why a federated sign-in failed, in the terms of the error redirect to the app client: the OAuth {@code error} code
 * and the {@code error_description}.
 */
final class FederationFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The code Cognito gives failures of a federated sign-in. */
    static final String INVALID_REQUEST = "invalid_request";

    private final String error;

    FederationFailure(String error, String description) {
        super(description, null, false, false);
        this.error = error;
    }

    /** A failure reported as {@code invalid_request}. */
    static FederationFailure invalidRequest(String description) {
        return new FederationFailure(INVALID_REQUEST, description);
    }

    /** The OAuth {@code error} code. */
    String error() {
        return this.error;
    }

    /** The {@code error_description}. */
    String description() {
        return getMessage();
    }
}
