package io.github.cognitoemulator.core.trigger;

/**
 * What every trigger receives: the common part of Cognito's trigger events and the trigger's own {@code request}.
 * The {@code response} is what the handler returns.
 *
 * @param version {@code "1"}, or {@code "2"} and {@code "3"} for the pre token generation events of those versions
 * @param triggerSource why the trigger runs, for example {@code PreSignUp_SignUp}
 * @param region the pool's region
 * @param userPoolId the pool
 * @param userName the user's (internal) username, or the name that was sent for a user that does not exist yet
 * @param callerContext the caller's SDK and app client
 * @param request the trigger's own input
 * @param <R> the type of the trigger's request
 */
public record TriggerEvent<R>(
        String version,
        String triggerSource,
        String region,
        String userPoolId,
        String userName,
        CallerContext callerContext,
        R request) {}
