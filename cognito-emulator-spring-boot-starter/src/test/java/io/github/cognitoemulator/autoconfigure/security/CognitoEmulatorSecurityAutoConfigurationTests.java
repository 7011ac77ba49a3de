package io.github.cognitoemulator.autoconfigure.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.github.cognitoemulator.autoconfigure.CognitoEmulatorAutoConfiguration;
import io.github.cognitoemulator.autoconfigure.CognitoEmulatorIssuer;
import io.github.cognitoemulator.autoconfigure.CognitoSignIn;
import io.github.cognitoemulator.core.CognitoEmulator;
import io.github.cognitoemulator.core.MutableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.reactive.ReactiveOAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverter;

class CognitoEmulatorSecurityAutoConfigurationTests {

    /** Cognito's issuer of the application's pool in production, here a pool the emulator does not have. */
    private static final String PRODUCTION_ISSUER = "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Prod12345";

    private final WebApplicationContextRunner servlet = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(
                    CognitoEmulatorAutoConfiguration.class,
                    CognitoEmulatorSecurityAutoConfiguration.class,
                    OAuth2ResourceServerAutoConfiguration.class,
                    SecurityAutoConfiguration.class,
                    ServletWebSecurityAutoConfiguration.class));

    private final ReactiveWebApplicationContextRunner reactive = new ReactiveWebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(
                    CognitoEmulatorAutoConfiguration.class,
                    CognitoEmulatorSecurityAutoConfiguration.class,
                    ReactiveOAuth2ResourceServerAutoConfiguration.class,
                    ReactiveWebSecurityAutoConfiguration.class));

    private static CognitoSignIn cognito(ApplicationContext context) {
        return new CognitoSignIn(context.getBean(CognitoEmulator.class), context.getBean(CognitoEmulatorIssuer.class));
    }

    @Test
    void decodesTheEmulatorsTokensWhileItRuns() {
        this.servlet.withPropertyValues("spring.profiles.active=dev").run((context) -> {
            assertThat(context).hasSingleBean(JwtDecoder.class).doesNotHaveBean(ReactiveJwtDecoder.class);
            assertThat(context.getBean(JwtDecoder.class)).isInstanceOf(CognitoEmulatorJwtDecoder.class);
            CognitoSignIn.Tokens tokens = cognito(context).newUser("admin");

            Jwt jwt = context.getBean(JwtDecoder.class).decode(tokens.accessToken());

            AbstractAuthenticationToken authentication =
                    context.getBean(JwtAuthenticationConverter.class).convert(jwt);
            assertThat(authentication.getAuthorities())
                    .extracting(GrantedAuthority::getAuthority)
                    // FACTOR_BEARER is what Spring Security adds for any bearer token.
                    .containsExactlyInAnyOrder("ROLE_admin", "SCOPE_aws.cognito.signin.user.admin", "FACTOR_BEARER");
        });
    }

    @Test
    void definesNothingWithoutTheEmulator() {
        this.servlet.run((context) -> assertThat(context)
                .hasNotFailed()
                .doesNotHaveBean(JwtDecoder.class)
                .doesNotHaveBean(JwtAuthenticationConverter.class));
        this.reactive.run((context) -> assertThat(context)
                .hasNotFailed()
                .doesNotHaveBean(ReactiveJwtDecoder.class)
                .doesNotHaveBean(ReactiveJwtAuthenticationConverter.class));
    }

    @Test
    void definesNothingWithoutSpringSecuritysResourceServer() {
        this.servlet
                .withPropertyValues("spring.profiles.active=dev")
                .withClassLoader(new FilteredClassLoader(BearerTokenAuthenticationToken.class))
                .run((context) -> assertThat(context)
                        .hasNotFailed()
                        .hasSingleBean(CognitoEmulator.class)
                        .doesNotHaveBean(CognitoEmulatorJwtDecoder.class));
    }

    @Test
    void takesPrecedenceOverTheIssuerUriWithoutAnyHttpCallAndKeepsToItsPool() {
        this.servlet
                .withPropertyValues(
                        "spring.profiles.active=dev",
                        "spring.security.oauth2.resourceserver.jwt.issuer-uri=" + PRODUCTION_ISSUER)
                .run((context) -> {
                    assertThat(context).hasSingleBean(JwtDecoder.class);
                    JwtDecoder decoder = context.getBean(JwtDecoder.class);
                    assertThat(decoder)
                            .isInstanceOf(CognitoEmulatorJwtDecoder.class)
                            .hasToString("CognitoEmulatorJwtDecoder[http://localhost:8080/us-east-1_Prod12345]");
                    String token = cognito(context).newUser().accessToken();
                    assertThatExceptionOfType(BadJwtException.class)
                            .isThrownBy(() -> decoder.decode(token))
                            .withMessageEndingWith("not by the application's user pool us-east-1_Prod12345");
                });
    }

    @Test
    void appliesTheConfiguredAudiencesAndTheApplicationsValidators() {
        this.servlet
                .withPropertyValues(
                        "spring.profiles.active=dev", "spring.security.oauth2.resourceserver.jwt.audiences=some-client")
                .run((context) -> {
                    String token = cognito(context).newUser().idToken();
                    assertThatExceptionOfType(JwtValidationException.class)
                            .isThrownBy(() -> context.getBean(JwtDecoder.class).decode(token))
                            .withMessageEndingWith("The aud claim is not valid");
                });
        this.servlet
                .withPropertyValues("spring.profiles.active=dev")
                .withUserConfiguration(ClientCheck.class)
                .run((context) -> {
                    String token = cognito(context).newUser().accessToken();
                    assertThatExceptionOfType(JwtValidationException.class)
                            .isThrownBy(() -> context.getBean(JwtDecoder.class).decode(token))
                            .withMessageEndingWith("Not one of our clients");
                });
    }

    @Test
    void judgesExpiryByTheApplicationsClock() {
        MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        this.servlet
                .withPropertyValues("spring.profiles.active=dev")
                .withBean(Clock.class, () -> clock)
                .run((context) -> {
                    String token = cognito(context).newUser().accessToken();
                    JwtDecoder decoder = context.getBean(JwtDecoder.class);
                    assertThat(decoder.decode(token).getIssuedAt()).isEqualTo(clock.instant());
                    clock.advance(Duration.ofHours(1));
                    assertThatExceptionOfType(JwtValidationException.class).isThrownBy(() -> decoder.decode(token));
                });
    }

    @Test
    void backsOffForTheApplicationsOwnDecoderAndConverter() {
        this.servlet
                .withPropertyValues("spring.profiles.active=dev")
                .withUserConfiguration(OwnServletBeans.class)
                .run((context) -> {
                    assertThat(context).hasSingleBean(JwtDecoder.class).hasSingleBean(JwtAuthenticationConverter.class);
                    assertThat(context).doesNotHaveBean(CognitoEmulatorJwtDecoder.class);
                    assertThat(context.getBean(JwtAuthenticationConverter.class))
                            .isSameAs(context.getBean(OwnServletBeans.class).converter);
                });
    }

    @Test
    void leavesTheAuthoritiesToSpringBootWhenTheApplicationConfiguresThem() {
        for (String property : new String[] {
            "authority-prefix=GROUP_",
            "authorities-claim-name=cognito:groups",
            "authorities-claim-delimiter=,",
            "principal-claim-name=username"
        }) {
            this.servlet
                    .withPropertyValues(
                            "spring.profiles.active=dev", "spring.security.oauth2.resourceserver.jwt." + property)
                    .run((context) -> assertThat(context)
                            .hasNotFailed()
                            .hasSingleBean(JwtDecoder.class)
                            .doesNotHaveBean("cognitoEmulatorJwtAuthenticationConverter"));
            this.reactive
                    .withPropertyValues(
                            "spring.profiles.active=dev", "spring.security.oauth2.resourceserver.jwt." + property)
                    .run((context) ->
                            assertThat(context).doesNotHaveBean("cognitoEmulatorReactiveJwtAuthenticationConverter"));
        }
    }

    @Test
    void thePropertySwitchesTheDecoderOffButNotTheConverter() {
        this.servlet
                .withPropertyValues("spring.profiles.active=dev", "cognito.emulator.security.jwt-decoder=false")
                .run((context) -> assertThat(context)
                        .hasNotFailed()
                        .doesNotHaveBean(JwtDecoder.class)
                        .hasSingleBean(JwtAuthenticationConverter.class));
    }

    @Test
    void theGroupPrefixIsConfigurable() {
        this.servlet
                .withPropertyValues(
                        "spring.profiles.active=dev", "cognito.emulator.security.group-authority-prefix=GROUP_")
                .run((context) -> {
                    Jwt jwt = context.getBean(JwtDecoder.class)
                            .decode(cognito(context).newUser("admin").accessToken());
                    assertThat(context.getBean(JwtAuthenticationConverter.class)
                                    .convert(jwt)
                                    .getAuthorities())
                            .extracting(GrantedAuthority::getAuthority)
                            .contains("GROUP_admin");
                });
    }

    @Test
    void decodesReactivelyWhileTheEmulatorRunsInAWebFluxApplication() {
        this.reactive
                .withPropertyValues(
                        "spring.profiles.active=dev",
                        "spring.security.oauth2.resourceserver.jwt.issuer-uri=" + PRODUCTION_ISSUER)
                .run((context) -> {
                    assertThat(context).hasSingleBean(ReactiveJwtDecoder.class).doesNotHaveBean(JwtDecoder.class);
                    ReactiveJwtDecoder decoder = context.getBean(ReactiveJwtDecoder.class);
                    assertThat(decoder).isInstanceOf(CognitoEmulatorReactiveJwtDecoder.class);
                    String token = cognito(context).newUser("admin").accessToken();
                    assertThatExceptionOfType(BadJwtException.class)
                            .isThrownBy(() -> decoder.decode(token).block())
                            .withMessageEndingWith("not by the application's user pool us-east-1_Prod12345");
                });
        this.reactive.withPropertyValues("spring.profiles.active=dev").run((context) -> {
            String token = cognito(context).newUser("admin").accessToken();
            Jwt jwt = context.getBean(ReactiveJwtDecoder.class).decode(token).block();
            AbstractAuthenticationToken authentication = context.getBean(ReactiveJwtAuthenticationConverter.class)
                    .convert(jwt)
                    .block();
            assertThat(authentication.getAuthorities())
                    .extracting(GrantedAuthority::getAuthority)
                    .containsExactly("ROLE_admin", "SCOPE_aws.cognito.signin.user.admin");
            assertThat(context.getBean(ReactiveJwtDecoder.class).toString())
                    .isEqualTo("CognitoEmulatorReactiveJwtDecoder[CognitoEmulatorJwtDecoder[http://localhost:8080]]");
        });
    }

    @Test
    void reactiveBeansBackOffAndTheDecoderCanBeSwitchedOff() {
        this.reactive
                .withPropertyValues("spring.profiles.active=dev")
                .withUserConfiguration(OwnReactiveBeans.class)
                .run((context) -> {
                    assertThat(context)
                            .hasSingleBean(ReactiveJwtDecoder.class)
                            .hasSingleBean(ReactiveJwtAuthenticationConverter.class)
                            .doesNotHaveBean(CognitoEmulatorReactiveJwtDecoder.class);
                    assertThat(context.getBean(ReactiveJwtAuthenticationConverter.class))
                            .isSameAs(context.getBean(OwnReactiveBeans.class).converter);
                });
        this.reactive
                .withPropertyValues("spring.profiles.active=dev", "cognito.emulator.security.jwt-decoder=false")
                .run((context) -> assertThat(context)
                        .hasNotFailed()
                        .doesNotHaveBean(ReactiveJwtDecoder.class)
                        .hasSingleBean(ReactiveJwtAuthenticationConverter.class));
    }

    @Test
    void thePoolOfAnIssuerUriIsItsLastPathSegment() {
        assertThat(CognitoEmulatorSecurityAutoConfiguration.userPoolIdOf(PRODUCTION_ISSUER))
                .isEqualTo("us-east-1_Prod12345");
        assertThat(CognitoEmulatorSecurityAutoConfiguration.userPoolIdOf(PRODUCTION_ISSUER + "/"))
                .isEqualTo("us-east-1_Prod12345");
        assertThat(CognitoEmulatorSecurityAutoConfiguration.userPoolIdOf(" http://localhost:8080/eu-west-1_x "))
                .isEqualTo("eu-west-1_x");
        assertThat(CognitoEmulatorSecurityAutoConfiguration.userPoolIdOf(
                        "https://cognito-idp.us-east-1.amazonaws.com/"))
                .isNull();
        assertThat(CognitoEmulatorSecurityAutoConfiguration.userPoolIdOf("https://cognito-idp.us-east-1.amazonaws.com"))
                .isNull();
        assertThat(CognitoEmulatorSecurityAutoConfiguration.userPoolIdOf(" ")).isNull();
        assertThat(CognitoEmulatorSecurityAutoConfiguration.userPoolIdOf(null)).isNull();
    }

    @Configuration(proxyBeanMethods = false)
    static class ClientCheck {

        @Bean
        OAuth2TokenValidator<Jwt> clientCheck() {
            return (jwt) -> OAuth2TokenValidatorResult.failure(
                    new OAuth2Error("invalid_token", "Not one of our clients", null));
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnServletBeans {

        final JwtAuthenticationConverter converter = new JwtAuthenticationConverter();

        @Bean
        JwtDecoder ownDecoder() {
            return (token) -> {
                throw new BadJwtException("mine");
            };
        }

        @Bean
        JwtAuthenticationConverter ownConverter() {
            return this.converter;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnReactiveBeans {

        final ReactiveJwtAuthenticationConverter converter = new ReactiveJwtAuthenticationConverter();

        @Bean
        ReactiveJwtDecoder ownDecoder() {
            return (token) -> {
                throw new BadJwtException("mine");
            };
        }

        @Bean
        ReactiveJwtAuthenticationConverter ownConverter() {
            return this.converter;
        }
    }
}
