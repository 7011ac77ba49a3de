package io.github.cognitoemulator.sample;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationManagerResolver;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtIssuerAuthenticationManagerResolver;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Protects {@code /api/**} with Cognito tokens, as a production application would. Each token is checked against
 * the discovery document and key set of its own issuer, {@code <base>/<poolId>}, so tokens of any pool behind the
 * trusted base work, including pools created at run time against the emulator.
 *
 * <p>The user's Cognito groups (the {@code cognito:groups} claim of ID and access tokens) become roles, so that
 * {@code /api/admin/**} is for members of the group {@code admins} ({@code hasRole("admins")}).
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurityConfiguration {

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, @Value("${sample.trusted-issuer-prefix}") String trustedPrefix)
            throws Exception {
        var issuers = new JwtIssuerAuthenticationManagerResolver(new TrustedIssuers(trustedPrefix));
        http.authorizeHttpRequests((requests) -> requests.requestMatchers("/api/admin/**")
                        .hasRole("admins")
                        .requestMatchers("/api/**")
                        .authenticated()
                        .anyRequest()
                        .permitAll())
                .oauth2ResourceServer((resourceServer) -> resourceServer.authenticationManagerResolver(issuers));
        return http.build();
    }

    /** Each group in {@code cognito:groups} as the role {@code ROLE_<group>}, besides the token's scopes. */
    static JwtAuthenticationConverter groupsAsRoles() {
        var groups = new JwtGrantedAuthoritiesConverter();
        groups.setAuthoritiesClaimName("cognito:groups");
        groups.setAuthorityPrefix("ROLE_");
        var scopes = new JwtGrantedAuthoritiesConverter();
        var converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter((jwt) -> {
            List<GrantedAuthority> authorities = new ArrayList<>(scopes.convert(jwt));
            authorities.addAll(groups.convert(jwt));
            return authorities;
        });
        return converter;
    }

    /**
     * One authentication manager per trusted issuer, configured from the issuer's discovery document on first use.
     * An issuer that is not trusted, or whose discovery document cannot be read (a pool that does not exist), gets
     * the bearer token rejected with 401 rather than an error.
     */
    static final class TrustedIssuers implements AuthenticationManagerResolver<String> {

        private final String trustedPrefix;

        private final Map<String, AuthenticationManager> managers = new ConcurrentHashMap<>();

        TrustedIssuers(String trustedPrefix) {
            this.trustedPrefix = trustedPrefix;
        }

        @Override
        public AuthenticationManager resolve(String issuer) {
            if (!issuer.startsWith(this.trustedPrefix)) {
                throw new InvalidBearerTokenException("Untrusted issuer " + issuer);
            }
            AuthenticationManager manager = this.managers.get(issuer);
            if (manager != null) {
                return manager;
            }
            try {
                var provider = new JwtAuthenticationProvider(JwtDecoders.fromIssuerLocation(issuer));
                provider.setJwtAuthenticationConverter(groupsAsRoles());
                return this.managers.computeIfAbsent(issuer, (key) -> provider::authenticate);
            } catch (IllegalArgumentException | IllegalStateException ex) {
                throw new InvalidBearerTokenException("Unknown issuer " + issuer, ex);
            }
        }
    }
}
