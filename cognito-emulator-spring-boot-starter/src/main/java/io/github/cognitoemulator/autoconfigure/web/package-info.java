/**
 * The web adapters that serve the emulator from a servlet or a reactive (WebFlux) application: Cognito's JSON 1.1
 * endpoint, the OpenID Connect documents, the upload of user import files and the inbox, decided once in
 * transport-neutral endpoints; and request matchers for the application's security.
 */
@NullMarked
package io.github.cognitoemulator.autoconfigure.web;

import org.jspecify.annotations.NullMarked;
