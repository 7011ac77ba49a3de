package io.github.cognitoemulator.autoconfigure.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.boot.security.web.servlet.ApplicationContextRequestMatcher;
import org.springframework.context.ApplicationContext;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.context.WebApplicationContext;

/**
 * Request matchers for the Cognito emulator's paths in a servlet application's security, in the manner of Spring
 * Boot's {@code PathRequest.toH2Console()}.
 *
 * <p>For example, to let anyone read the emulator's inbox of codes and temporary passwords while it runs, and leave
 * the rest of the application to its own rules:
 *
 * <pre>{@code
 * http.authorizeHttpRequests((requests) -> requests
 *         .requestMatchers(EmulatorPathRequest.toCognitoEmulator()).permitAll()
 *         .anyRequest().authenticated());
 * }</pre>
 *
 * Where CSRF protection applies, {@code http.csrf((csrf) -> csrf.ignoringRequestMatchers(
 * EmulatorPathRequest.toCognitoEmulator()))} exempts the emulator's requests from it.
 */
public final class EmulatorPathRequest {

    private EmulatorPathRequest() {}

    /**
     * A matcher for every request the emulator answers: Cognito's JSON 1.1 calls ({@code POST} to
     * {@code cognito.emulator.path} with an {@code X-Amz-Target} of Cognito's service, and their CORS preflights),
     * the OpenID Connect documents ({@code GET <documents-path>/.well-known/**} and
     * {@code GET <documents-path>/<poolId>/.well-known/**}), and the emulator's developer pages
     * ({@code <path>/_emulator/**}: the inbox and the upload of user import files), and each pool's managed login
     * ({@code <documents-path>/<poolId or domain prefix>/oauth2/authorize}, {@code .../login} and the other paths
     * Cognito serves on a user pool domain). It reads the paths from the application's configuration and matches
     * nothing while the emulator is off, so the same security configuration opens nothing in production.
     */
    public static RequestMatcher toCognitoEmulator() {
        return new CognitoEmulatorRequestMatcher();
    }

    /** The matcher of {@link #toCognitoEmulator()}. */
    public static final class CognitoEmulatorRequestMatcher
            extends ApplicationContextRequestMatcher<ApplicationContext> {

        private volatile Optional<EmulatorPaths> paths = Optional.empty();

        private CognitoEmulatorRequestMatcher() {
            super(ApplicationContext.class);
        }

        @Override
        protected boolean ignoreApplicationContext(WebApplicationContext applicationContext) {
            // The emulator lives on the main server only, never on a separate management one.
            return hasServerNamespace(applicationContext, "management");
        }

        @Override
        protected void initialized(Supplier<ApplicationContext> context) {
            this.paths = EmulatorPaths.of(context.get());
        }

        @Override
        protected boolean matches(HttpServletRequest request, Supplier<ApplicationContext> context) {
            return this.paths
                    .map((paths) -> paths.matches(
                            request.getMethod(),
                            ServletEndpointAdapter.pathWithinApplication(request),
                            (name) -> Collections.list(request.getHeaders(name))))
                    .orElse(false);
        }

        @Override
        public String toString() {
            return "CognitoEmulatorRequestMatcher";
        }
    }
}
