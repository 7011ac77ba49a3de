/** An OAuth2 resource server with Spring Boot's default security: every request authenticated. */
@NullMarked
package io.github.cognitoemulator.autoconfigure.defaultsecurityapp;

import org.jspecify.annotations.NullMarked;
