package io.github.cognitoemulator.core.trigger;

/** The triggers of a pool's {@code LambdaConfig} that the emulator runs, by their member name. */
public enum TriggerType {
    PRE_SIGN_UP("PreSignUp"),
    POST_CONFIRMATION("PostConfirmation"),
    PRE_AUTHENTICATION("PreAuthentication"),
    POST_AUTHENTICATION("PostAuthentication"),
    PRE_TOKEN_GENERATION("PreTokenGeneration"),
    CUSTOM_MESSAGE("CustomMessage"),
    USER_MIGRATION("UserMigration"),
    DEFINE_AUTH_CHALLENGE("DefineAuthChallenge"),
    CREATE_AUTH_CHALLENGE("CreateAuthChallenge"),
    VERIFY_AUTH_CHALLENGE_RESPONSE("VerifyAuthChallengeResponse");

    private final String configName;

    TriggerType(String configName) {
        this.configName = configName;
    }

    /** The member of {@code LambdaConfig} that holds the function ARN, which is also the name in error messages. */
    public String configName() {
        return this.configName;
    }
}
