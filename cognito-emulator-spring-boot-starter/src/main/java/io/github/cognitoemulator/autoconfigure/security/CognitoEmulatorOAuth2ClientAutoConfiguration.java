package io.github.cognitoemulator.autoconfigure.security;

import io.github.cognitoemulator.autoconfigure.CognitoEmulatorAutoConfiguration;
import io.github.cognitoemulator.autoconfigure.CognitoEmulatorIssuer;
import io.github.cognitoemulator.autoconfigure.CognitoEmulatorProperties;
import io.github.cognitoemulator.autoconfigure.ConditionalOnCognitoEmulatorEnabled;
import io.github.cognitoemulator.core.CognitoEmulator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.oauth2.client.autoconfigure.ConditionalOnOAuth2ClientRegistrationProperties;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientAutoConfiguration;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientProperties;
import org.springframework.boot.security.oauth2.client.autoconfigure.reactive.ReactiveOAuth2ClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import reactor.core.publisher.Mono;

/**
 * Lets Spring Security's OAuth2 client ({@code oauth2Login()}, {@code oauth2Client()}) sign users in through the
 * emulator's managed login while it runs, configured as for Cognito:
 * {@code spring.security.oauth2.client.registration.<id>.*} and a provider whose {@code issuer-uri} names the pool,
 * typically the production {@code https://cognito-idp.<region>.amazonaws.com/<poolId>}.
 *
 * <p>Spring Boot would build such a registration at startup by fetching the issuer's discovery document, which fails
 * when the issuer is the application itself (its server does not listen yet) and would pin a port. Instead, a
 * {@link ClientRegistrationRepository} ({@link ReactiveClientRegistrationRepository} in a WebFlux application) builds
 * the registrations of the emulator's pools in-process at first use, see
 * {@link CognitoEmulatorClientRegistrationRepository}; the others are Spring Boot's, unchanged. It backs off when the
 * application defines its own repository, and {@code cognito.emulator.security.client-registrations=false} switches
 * it off.
 */
@AutoConfiguration(
        after = CognitoEmulatorAutoConfiguration.class,
        before = {OAuth2ClientAutoConfiguration.class, ReactiveOAuth2ClientAutoConfiguration.class})
@ConditionalOnClass({ClientRegistration.class, OAuth2ClientProperties.class})
@ConditionalOnCognitoEmulatorEnabled
@ConditionalOnOAuth2ClientRegistrationProperties
@ConditionalOnBooleanProperty(
        name = CognitoEmulatorOAuth2ClientAutoConfiguration.CLIENT_REGISTRATIONS_PROPERTY,
        matchIfMissing = true)
@EnableConfigurationProperties(OAuth2ClientProperties.class)
public final class CognitoEmulatorOAuth2ClientAutoConfiguration {

    static final String CLIENT_REGISTRATIONS_PROPERTY =
            CognitoEmulatorProperties.PREFIX + ".security.client-registrations";

    CognitoEmulatorOAuth2ClientAutoConfiguration() {}

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnBean({CognitoEmulator.class, CognitoEmulatorIssuer.class})
    @ConditionalOnMissingBean(ClientRegistrationRepository.class)
    static class ServletConfiguration {

        @Bean
        CognitoEmulatorClientRegistrationRepository cognitoEmulatorClientRegistrationRepository(
                OAuth2ClientProperties properties, CognitoEmulator emulator, CognitoEmulatorIssuer issuer) {
            return new CognitoEmulatorClientRegistrationRepository(properties, emulator, issuer);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
    @ConditionalOnClass(Mono.class)
    @ConditionalOnBean({CognitoEmulator.class, CognitoEmulatorIssuer.class})
    @ConditionalOnMissingBean(ReactiveClientRegistrationRepository.class)
    static class ReactiveConfiguration {

        @Bean
        CognitoEmulatorReactiveClientRegistrationRepository cognitoEmulatorReactiveClientRegistrationRepository(
                OAuth2ClientProperties properties, CognitoEmulator emulator, CognitoEmulatorIssuer issuer) {
            return new CognitoEmulatorReactiveClientRegistrationRepository(properties, emulator, issuer);
        }
    }
}
