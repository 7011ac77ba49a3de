package io.github.cognitoemulator.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Explains a startup that failed on a pool of {@code cognito.emulator.pools}: which property, and what is wrong. */
final class CognitoEmulatorSeedFailureAnalyzer extends AbstractFailureAnalyzer<CognitoEmulatorSeedException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, CognitoEmulatorSeedException cause) {
        String description = "The Cognito emulator could not create the user pools of '"
                + CognitoEmulatorProperties.PREFIX + ".pools':\n\n    Property: " + cause.propertyName()
                + "\n    Reason: " + cause.reason() + "\n";
        String action = "Correct '" + cause.propertyName() + "'. Pools, clients, groups, resource servers, domains and"
                + " users that already exist, in a database kept across restarts for example, are left as they are.";
        return new FailureAnalysis(description, action, cause);
    }
}
