/**
 * Lambda triggers written as Spring beans: each one stands in for the function its {@code @LambdaFunction} names, in
 * every pool whose {@code LambdaConfig} names that function.
 */
@NullMarked
package io.github.cognitoemulator.sample.triggers;

import org.jspecify.annotations.NullMarked;
