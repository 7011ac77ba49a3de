package io.github.cognitoemulator.autoconfigure.security;

import io.github.cognitoemulator.autoconfigure.ApplicationPaths;
import io.github.cognitoemulator.autoconfigure.CognitoEmulatorAutoConfiguration;
import io.github.cognitoemulator.autoconfigure.CognitoEmulatorIssuer;
import io.github.cognitoemulator.autoconfigure.CognitoEmulatorProperties;
import io.github.cognitoemulator.autoconfigure.ConditionalOnCognitoEmulatorEnabled;
import io.github.cognitoemulator.core.CognitoEmulator;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.NoneNestedConditions;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.reactive.ReactiveOAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtGrantedAuthoritiesConverterAdapter;
import reactor.core.publisher.Mono;

/**
 * Wires Spring Security's OAuth2 resource server for the emulator's tokens while the emulator runs, so that an
 * application secured with Cognito tokens works in development with no decoder of its own:
 *
 * <ul>
 *   <li>a {@link JwtDecoder} ({@link ReactiveJwtDecoder} in a WebFlux application) that verifies tokens against the
 *       emulator in-process, see {@link CognitoEmulatorJwtDecoder}. It takes precedence over the decoder that
 *       {@code spring.security.oauth2.resourceserver.jwt.issuer-uri} would configure, so the production issuer can
 *       stay in the application's configuration and nothing is fetched over HTTP. That setting still counts: when it
 *       is set (to {@code https://cognito-idp.<region>.amazonaws.com/<poolId>} typically), only tokens of the pool
 *       whose id is its last path segment are accepted, so the same configuration confines the application to its
 *       pool in development as in production. Likewise {@code ...jwt.audiences}, when set, must contain one of a
 *       token's {@code aud}, and every {@code OAuth2TokenValidator<Jwt>} bean of the application applies, as with
 *       Spring Boot's own decoder. The decoder backs off when the application defines one, and
 *       {@code cognito.emulator.security.jwt-decoder=false} switches it off;</li>
 *   <li>a {@link JwtAuthenticationConverter} ({@link ReactiveJwtAuthenticationConverter}) whose authorities are the
 *       token's groups and scopes, see {@link CognitoJwtGrantedAuthoritiesConverter}, unless the application defines
 *       one or configures Spring Boot's ({@code spring.security.oauth2.resourceserver.jwt.authorities-claim-name} and
 *       the like). Spring Security's {@code oauth2ResourceServer((server) -> server.jwt(withDefaults()))}, servlet and
 *       reactive alike, and Spring Boot's default security pick these beans up.</li>
 * </ul>
 */
@AutoConfiguration(
        after = CognitoEmulatorAutoConfiguration.class,
        before = {OAuth2ResourceServerAutoConfiguration.class, ReactiveOAuth2ResourceServerAutoConfiguration.class})
@ConditionalOnClass({BearerTokenAuthenticationToken.class, JwtDecoder.class})
@ConditionalOnCognitoEmulatorEnabled
public final class CognitoEmulatorSecurityAutoConfiguration {

    private static final String RESOURCE_SERVER_JWT = "spring.security.oauth2.resourceserver.jwt";

    static final String JWT_DECODER_PROPERTY = CognitoEmulatorProperties.PREFIX + ".security.jwt-decoder";

    CognitoEmulatorSecurityAutoConfiguration() {}

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnBean({CognitoEmulator.class, CognitoEmulatorIssuer.class})
    static class ServletConfiguration {

        @Bean
        @ConditionalOnMissingBean(JwtDecoder.class)
        @ConditionalOnBooleanProperty(name = JWT_DECODER_PROPERTY, matchIfMissing = true)
        CognitoEmulatorJwtDecoder cognitoEmulatorJwtDecoder(
                CognitoEmulator emulator,
                CognitoEmulatorIssuer issuer,
                Environment environment,
                ObjectProvider<OAuth2TokenValidator<Jwt>> validators) {
            return decoder(emulator, issuer, environment, validators);
        }

        @Bean
        @ConditionalOnMissingBean(JwtAuthenticationConverter.class)
        @Conditional(NoAuthoritiesConfiguredForSpringBoot.class)
        JwtAuthenticationConverter cognitoEmulatorJwtAuthenticationConverter(CognitoEmulatorProperties properties) {
            JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
            converter.setJwtGrantedAuthoritiesConverter(authorities(properties));
            return converter;
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
    @ConditionalOnClass({ReactiveJwtDecoder.class, Mono.class})
    @ConditionalOnBean({CognitoEmulator.class, CognitoEmulatorIssuer.class})
    static class ReactiveConfiguration {

        @Bean
        @ConditionalOnMissingBean(ReactiveJwtDecoder.class)
        @ConditionalOnBooleanProperty(name = JWT_DECODER_PROPERTY, matchIfMissing = true)
        CognitoEmulatorReactiveJwtDecoder cognitoEmulatorReactiveJwtDecoder(
                CognitoEmulator emulator,
                CognitoEmulatorIssuer issuer,
                Environment environment,
                ObjectProvider<OAuth2TokenValidator<Jwt>> validators) {
            return new CognitoEmulatorReactiveJwtDecoder(decoder(emulator, issuer, environment, validators));
        }

        @Bean
        @ConditionalOnMissingBean(ReactiveJwtAuthenticationConverter.class)
        @Conditional(NoAuthoritiesConfiguredForSpringBoot.class)
        ReactiveJwtAuthenticationConverter cognitoEmulatorReactiveJwtAuthenticationConverter(
                CognitoEmulatorProperties properties) {
            ReactiveJwtAuthenticationConverter converter = new ReactiveJwtAuthenticationConverter();
            converter.setJwtGrantedAuthoritiesConverter(
                    new ReactiveJwtGrantedAuthoritiesConverterAdapter(authorities(properties)));
            return converter;
        }
    }

    /**
     * Leaves the authorities to Spring Boot's converter when the application configures it with
     * {@code spring.security.oauth2.resourceserver.jwt.authority-prefix}, {@code ...authorities-claim-name},
     * {@code ...authorities-claim-delimiter} or {@code ...principal-claim-name}, as it would in production.
     */
    static final class NoAuthoritiesConfiguredForSpringBoot extends NoneNestedConditions {

        NoAuthoritiesConfiguredForSpringBoot() {
            super(ConfigurationPhase.REGISTER_BEAN);
        }

        @ConditionalOnProperty(prefix = RESOURCE_SERVER_JWT, name = "authority-prefix")
        static final class AuthorityPrefix {}

        @ConditionalOnProperty(prefix = RESOURCE_SERVER_JWT, name = "authorities-claim-name")
        static final class AuthoritiesClaimName {}

        @ConditionalOnProperty(prefix = RESOURCE_SERVER_JWT, name = "authorities-claim-delimiter")
        static final class AuthoritiesClaimDelimiter {}

        @ConditionalOnProperty(prefix = RESOURCE_SERVER_JWT, name = "principal-claim-name")
        static final class PrincipalClaimName {}
    }

    private static CognitoJwtGrantedAuthoritiesConverter authorities(CognitoEmulatorProperties properties) {
        return new CognitoJwtGrantedAuthoritiesConverter(properties.security().groupAuthorityPrefix());
    }

    static CognitoEmulatorJwtDecoder decoder(
            CognitoEmulator emulator,
            CognitoEmulatorIssuer issuer,
            Environment environment,
            ObjectProvider<OAuth2TokenValidator<Jwt>> applicationValidators) {
        Binder binder = Binder.get(environment);
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
        List<String> audiences = binder.bind(RESOURCE_SERVER_JWT + ".audiences", Bindable.listOf(String.class))
                .orElse(List.of());
        if (!audiences.isEmpty()) {
            validators.add(new JwtClaimValidator<List<String>>(
                    JwtClaimNames.AUD, (aud) -> aud != null && !Collections.disjoint(aud, audiences)));
        }
        applicationValidators.orderedStream().forEach(validators::add);
        String issuerUri =
                binder.bind(RESOURCE_SERVER_JWT + ".issuer-uri", String.class).orElse(null);
        // The emulator's own clock, so that expiry is judged by the time that issued the tokens, moved forward by tests
        // along with it.
        return new CognitoEmulatorJwtDecoder(emulator, issuer, emulator.clock(), userPoolIdOf(issuerUri), validators);
    }

    /** The last path segment of an issuer URI, which for Cognito's is the pool id; {@code null} without one. */
    static @Nullable String userPoolIdOf(@Nullable String issuerUri) {
        if (issuerUri == null || issuerUri.isBlank()) {
            return null;
        }
        String path = URI.create(issuerUri.trim()).getPath();
        String segments = ApplicationPaths.withoutTrailingSlashes((path != null) ? path : "");
        String last = segments.substring(segments.lastIndexOf('/') + 1);
        return last.isEmpty() ? null : last;
    }
}
