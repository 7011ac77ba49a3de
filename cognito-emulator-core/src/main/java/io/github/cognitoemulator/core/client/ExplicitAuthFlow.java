package io.github.cognitoemulator.core.client;

/** The values of an app client's {@code ExplicitAuthFlows}. The first three are Cognito's legacy names. */
public enum ExplicitAuthFlow {
    ADMIN_NO_SRP_AUTH,
    CUSTOM_AUTH_FLOW_ONLY,
    USER_PASSWORD_AUTH,
    ALLOW_ADMIN_USER_PASSWORD_AUTH,
    ALLOW_CUSTOM_AUTH,
    ALLOW_USER_PASSWORD_AUTH,
    ALLOW_USER_SRP_AUTH,
    ALLOW_REFRESH_TOKEN_AUTH,
    ALLOW_USER_AUTH;

    /** Whether this is one of the names used before the {@code ALLOW_} flows existed. */
    public boolean isLegacy() {
        return !name().startsWith("ALLOW_");
    }
}
