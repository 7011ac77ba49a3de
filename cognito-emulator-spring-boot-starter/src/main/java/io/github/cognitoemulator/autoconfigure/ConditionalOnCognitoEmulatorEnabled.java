package io.github.cognitoemulator.autoconfigure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Conditional;

/**
 * Matches when the Cognito emulator should run: {@code cognito.emulator.enabled} decides when it is set, otherwise one
 * of {@code cognito.emulator.profiles} must be active.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Documented
@Conditional(OnCognitoEmulatorEnabledCondition.class)
public @interface ConditionalOnCognitoEmulatorEnabled {}
