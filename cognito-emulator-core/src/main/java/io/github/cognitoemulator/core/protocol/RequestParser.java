package io.github.cognitoemulator.core.protocol;

/**
 * Reads an action's request from its JSON members; violations are recorded on the reader and reported after.
 *
 * @param <R> the action's request type
 */
@FunctionalInterface
public interface RequestParser<R> {

    R parse(RequestReader input);
}
