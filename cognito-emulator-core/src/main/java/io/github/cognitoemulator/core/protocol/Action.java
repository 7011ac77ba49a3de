package io.github.cognitoemulator.core.protocol;

/**
 * Carries out one Cognito action on a request that has already been read and validated.
 *
 * @param <R> the action's request type
 */
@FunctionalInterface
public interface Action<R> {

    /**
     * Carries out the action.
     *
     * @return the response shape, written as the response body; {@code null} for Cognito's empty {@code {}}
     */
    Object handle(R request, RequestContext context);
}
