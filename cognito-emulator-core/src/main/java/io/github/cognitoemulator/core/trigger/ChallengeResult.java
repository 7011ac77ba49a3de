package io.github.cognitoemulator.core.trigger;

import org.jspecify.annotations.Nullable;

/**
 * One round of a custom authentication, as the custom auth triggers see it in {@code request.session}.
 *
 * @param challengeName {@code CUSTOM_CHALLENGE}, or {@code SRP_A} and {@code PASSWORD_VERIFIER} for the rounds of a
 *     sign-in that starts with SRP
 * @param challengeResult whether the user answered it correctly
 * @param challengeMetadata what the create auth challenge trigger noted for it, or {@code null}
 */
public record ChallengeResult(
        String challengeName,
        boolean challengeResult,
        @Nullable String challengeMetadata) {}
