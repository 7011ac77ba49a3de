/**
 * Auto-configuration that runs the Cognito User Pools emulator inside a Spring Boot web application, servlet or
 * reactive, so the AWS SDK and the AWS CLI can talk to it during local development; when the application is an OAuth2
 * resource server, Spring Security verifies the emulator's tokens in-process and reads Cognito groups as roles.
 */
@NullMarked
package io.github.cognitoemulator.autoconfigure;

import org.jspecify.annotations.NullMarked;
