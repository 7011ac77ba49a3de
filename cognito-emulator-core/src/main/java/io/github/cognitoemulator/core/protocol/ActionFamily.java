package io.github.cognitoemulator.core.protocol;

/** A group of related Cognito actions (user pools, app clients, admin user operations, ...) served by one class. */
@FunctionalInterface
public interface ActionFamily {

    /** Adds each of this family's actions to {@code registry}. */
    void registerTo(ActionRegistry.Builder registry);
}
