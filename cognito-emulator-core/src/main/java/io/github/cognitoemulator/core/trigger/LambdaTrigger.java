package io.github.cognitoemulator.core.trigger;

/**
 * What the handlers of all triggers are: an object implementing one or more of the trigger interfaces, such as
 * {@link PreSignUpTrigger}, bound to a function name through {@link LambdaTriggers}.
 */
public interface LambdaTrigger {}
