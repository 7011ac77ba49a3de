package io.github.cognitoemulator.autoconfigure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the Lambda function a trigger bean stands in for. A bean implementing one or more of the trigger interfaces
 * of {@code io.github.cognitoemulator.core.trigger} (such as {@code PreSignUpTrigger}) and annotated with
 * {@code @LambdaFunction("pre-sign-up")} runs in every pool whose {@code LambdaConfig} names the function, by an ARN
 * {@code arn:aws:lambda:<region>:<account>:function:pre-sign-up} (or by the whole ARN, when that is the value given).
 * A trigger bean without this annotation runs in every pool whose {@code LambdaConfig} names no function for its
 * trigger.
 *
 * <p>Put it on the bean's class or on its {@code @Bean} method.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface LambdaFunction {

    /** The function name, or a whole Lambda function ARN. */
    String value();
}
