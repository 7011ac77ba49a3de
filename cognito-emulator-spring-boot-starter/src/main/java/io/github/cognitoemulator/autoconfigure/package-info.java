/**
 * Auto-configuration that runs the Cognito User Pools emulator inside a Spring Boot web application, servlet or
 * reactive, so the AWS SDK and the AWS CLI can talk to it during local development.
 */
@NullMarked
package io.github.cognitoemulator.autoconfigure;

import org.jspecify.annotations.NullMarked;
