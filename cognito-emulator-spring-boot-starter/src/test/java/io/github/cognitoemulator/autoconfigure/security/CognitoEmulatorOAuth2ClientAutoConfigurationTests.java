package io.github.cognitoemulator.autoconfigure.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

import com.jayway.jsonpath.JsonPath;
import io.github.cognitoemulator.autoconfigure.CognitoEmulatorAutoConfiguration;
import io.github.cognitoemulator.autoconfigure.CognitoEmulatorIssuer;
import io.github.cognitoemulator.core.CognitoEmulator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientAutoConfiguration;
import org.springframework.boot.security.oauth2.client.autoconfigure.reactive.ReactiveOAuth2ClientAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.server.WebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;

class CognitoEmulatorOAuth2ClientAutoConfigurationTests {

    private static final String POOL_ID = "us-east-1_Seed12345";

    /** The production issuer of the seeded pool, as an application configures it. */
    private static final String PRODUCTION_ISSUER = "https://cognito-idp.us-east-1.amazonaws.com/" + POOL_ID;

    private static final String REGISTRATION = "spring.security.oauth2.client.registration.";

    private static final String PROVIDER = "spring.security.oauth2.client.provider.";

    private static final String[] COGNITO = {
        "spring.profiles.active=dev",
        "cognito.emulator.pools[0].id=" + POOL_ID,
        "cognito.emulator.pools[0].name=seed",
        REGISTRATION + "cognito.client-id=clientid0000000000000000001",
        REGISTRATION + "cognito.client-secret=secret",
        REGISTRATION + "cognito.scope=openid,email",
        PROVIDER + "cognito.issuer-uri=" + PRODUCTION_ISSUER
    };

    private final WebApplicationContextRunner servlet = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(
                    CognitoEmulatorAutoConfiguration.class,
                    CognitoEmulatorOAuth2ClientAutoConfiguration.class,
                    OAuth2ClientAutoConfiguration.class,
                    ReactiveOAuth2ClientAutoConfiguration.class));

    private final ReactiveWebApplicationContextRunner reactive = new ReactiveWebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(
                    CognitoEmulatorAutoConfiguration.class,
                    CognitoEmulatorOAuth2ClientAutoConfiguration.class,
                    OAuth2ClientAutoConfiguration.class,
                    ReactiveOAuth2ClientAutoConfiguration.class));

    private static String discovery(ApplicationContext context, String member) {
        String document = context.getBean(CognitoEmulator.class)
                .openidConfiguration(
                        POOL_ID, context.getBean(CognitoEmulatorIssuer.class).baseUrl())
                .orElseThrow();
        return JsonPath.read(document, "$." + member);
    }

    @Test
    void buildsTheRegistrationOfAPoolFromTheEmulatorsDiscoveryDocument() {
        this.servlet.withPropertyValues(COGNITO).run((context) -> {
            assertThat(context).hasSingleBean(ClientRegistrationRepository.class);
            assertThat(context).hasSingleBean(OAuth2AuthorizedClientService.class);
            CognitoEmulatorClientRegistrationRepository repository =
                    context.getBean(CognitoEmulatorClientRegistrationRepository.class);

            ClientRegistration registration = repository.findByRegistrationId("cognito");

            String issuer = "http://localhost:8080/" + POOL_ID;
            assertThat(registration.getRegistrationId()).isEqualTo("cognito");
            assertThat(registration.getClientId()).isEqualTo("clientid0000000000000000001");
            assertThat(registration.getClientSecret()).isEqualTo("secret");
            assertThat(registration.getScopes()).containsExactly("openid", "email");
            assertThat(registration.getClientName()).isEqualTo(issuer);
            assertThat(registration.getClientAuthenticationMethod())
                    .isEqualTo(ClientAuthenticationMethod.CLIENT_SECRET_BASIC);
            assertThat(registration.getAuthorizationGrantType()).isEqualTo(AuthorizationGrantType.AUTHORIZATION_CODE);
            assertThat(registration.getRedirectUri()).isEqualTo("{baseUrl}/{action}/oauth2/code/{registrationId}");
            ClientRegistration.ProviderDetails provider = registration.getProviderDetails();
            assertThat(provider.getIssuerUri()).isEqualTo(issuer);
            assertThat(provider.getJwkSetUri()).isEqualTo(issuer + "/.well-known/jwks.json");
            assertThat(provider.getAuthorizationUri()).isEqualTo(discovery(context, "authorization_endpoint"));
            assertThat(provider.getTokenUri()).isEqualTo(discovery(context, "token_endpoint"));
            assertThat(provider.getUserInfoEndpoint().getUri()).isEqualTo(discovery(context, "userinfo_endpoint"));
            assertThat(provider.getUserInfoEndpoint().getUserNameAttributeName())
                    .isEqualTo("sub");
            assertThat(provider.getConfigurationMetadata()).containsEntry("issuer", issuer);
            assertThat(repository.emulatedRegistrationIds()).containsExactly("cognito");
            assertThat(repository).hasToString("CognitoEmulatorClientRegistrationRepository[cognito]");
            assertThat(repository.findByRegistrationId("cognito")).isSameAs(registration);
            assertThat(repository.findByRegistrationId("other")).isNull();
        });
    }

    @Test
    void followsThePortTheServerListensOnOnceItHasStarted() {
        this.servlet.withPropertyValues(COGNITO).run((context) -> {
            ClientRegistrationRepository repository = context.getBean(ClientRegistrationRepository.class);
            assertThat(repository
                            .findByRegistrationId("cognito")
                            .getProviderDetails()
                            .getIssuerUri())
                    .isEqualTo("http://localhost:8080/" + POOL_ID);

            context.getBean(CognitoEmulatorIssuer.class).onApplicationEvent(serverStartedOn(18480));

            ClientRegistration registration = repository.findByRegistrationId("cognito");
            assertThat(registration.getProviderDetails().getIssuerUri()).isEqualTo("http://localhost:18480/" + POOL_ID);
            assertThat(registration.getProviderDetails().getAuthorizationUri()).startsWith("http://localhost:18480/");
        });
    }

    @Test
    void keepsTheProvidersUserNameAttributeButNotItsProductionEndpoints() {
        this.servlet
                .withPropertyValues(COGNITO)
                .withPropertyValues(
                        PROVIDER + "cognito.user-name-attribute=cognito:username",
                        PROVIDER + "cognito.user-info-authentication-method=form",
                        PROVIDER + "cognito.authorization-uri=https://shop.auth.us-east-1.amazoncognito.com/x",
                        REGISTRATION + "cognito.client-name=Shop",
                        REGISTRATION + "cognito.client-authentication-method=client_secret_post",
                        REGISTRATION + "cognito.redirect-uri={baseUrl}/signed-in")
                .run((context) -> {
                    ClientRegistration registration =
                            context.getBean(ClientRegistrationRepository.class).findByRegistrationId("cognito");

                    assertThat(registration
                                    .getProviderDetails()
                                    .getUserInfoEndpoint()
                                    .getUserNameAttributeName())
                            .isEqualTo("cognito:username");
                    assertThat(registration
                                    .getProviderDetails()
                                    .getUserInfoEndpoint()
                                    .getAuthenticationMethod()
                                    .getValue())
                            .isEqualTo("form");
                    assertThat(registration.getProviderDetails().getAuthorizationUri())
                            .isEqualTo(discovery(context, "authorization_endpoint"));
                    assertThat(registration.getClientName()).isEqualTo("Shop");
                    assertThat(registration.getClientAuthenticationMethod())
                            .isEqualTo(ClientAuthenticationMethod.CLIENT_SECRET_POST);
                    assertThat(registration.getRedirectUri()).isEqualTo("{baseUrl}/signed-in");
                });
    }

    @Test
    void aRegistrationNamingItsProviderIsTheEmulatorsToo() {
        this.servlet
                .withPropertyValues(
                        "spring.profiles.active=dev",
                        "cognito.emulator.pools[0].id=" + POOL_ID,
                        "cognito.emulator.pools[0].name=seed",
                        REGISTRATION + "shop.provider=cognito",
                        REGISTRATION + "shop.client-id=clientid0000000000000000002",
                        PROVIDER + "cognito.issuer-uri=http://other-host:9999/" + POOL_ID + "/")
                .run((context) -> {
                    ClientRegistration registration =
                            context.getBean(ClientRegistrationRepository.class).findByRegistrationId("shop");

                    assertThat(registration.getProviderDetails().getIssuerUri())
                            .isEqualTo("http://localhost:8080/" + POOL_ID);
                    assertThat(registration.getAuthorizationGrantType())
                            .isEqualTo(AuthorizationGrantType.AUTHORIZATION_CODE);
                    assertThat(registration.getScopes()).isNullOrEmpty();
                });
    }

    @Test
    void mapsEveryOtherRegistrationAsSpringBootDoesAndIteratesInTheirOrder() {
        this.servlet
                .withPropertyValues(COGNITO)
                .withPropertyValues(
                        REGISTRATION + "github.client-id=gh",
                        REGISTRATION + "github.client-secret=gh-secret",
                        REGISTRATION + "partner.client-id=partner",
                        REGISTRATION + "partner.authorization-grant-type=client_credentials",
                        PROVIDER + "partner.token-uri=https://partner.example.com/token")
                .run((context) -> {
                    CognitoEmulatorClientRegistrationRepository repository =
                            context.getBean(CognitoEmulatorClientRegistrationRepository.class);

                    assertThat(repository
                                    .findByRegistrationId("github")
                                    .getProviderDetails()
                                    .getAuthorizationUri())
                            .isEqualTo("https://github.com/login/oauth/authorize");
                    assertThat(repository
                                    .findByRegistrationId("partner")
                                    .getProviderDetails()
                                    .getTokenUri())
                            .isEqualTo("https://partner.example.com/token");
                    List<String> iterated = new ArrayList<>();
                    repository.forEach((registration) -> iterated.add(registration.getRegistrationId()));
                    assertThat(iterated).containsExactlyInAnyOrder("cognito", "github", "partner");
                    assertThat(repository.emulatedRegistrationIds()).containsExactly("cognito");
                });
    }

    @Test
    void anIssuerOfAPoolTheEmulatorDoesNotHaveIsLeftToSpringBoot() {
        this.servlet
                .withPropertyValues(
                        "spring.profiles.active=dev",
                        REGISTRATION + "cognito.client-id=clientid0000000000000000001",
                        // Nothing listens on port 1, so Spring Boot's fetch of the discovery document fails at once.
                        PROVIDER + "cognito.issuer-uri=http://localhost:1/us-east-1_Nope12345")
                .run((context) ->
                        assertThat(context).getFailure().rootCause().hasMessageContaining("Connection refused"));
    }

    @Test
    void aRegistrationWhosePoolWasDeletedSaysSo() {
        this.servlet.withPropertyValues(COGNITO).run((context) -> {
            context.getBean(CognitoEmulator.class).handle("DeleteUserPool", "{\"UserPoolId\":\"" + POOL_ID + "\"}");

            assertThatIllegalStateException()
                    .isThrownBy(() ->
                            context.getBean(ClientRegistrationRepository.class).findByRegistrationId("cognito"))
                    .withMessage("Client registration 'cognito' is of user pool " + POOL_ID
                            + ", which the Cognito emulator no longer has");
        });
    }

    @Test
    void backsOffWhenTheApplicationHasItsOwnRepository() {
        this.servlet
                .withPropertyValues(COGNITO)
                .withUserConfiguration(OwnRepository.class)
                .run((context) -> assertThat(context)
                        .hasSingleBean(ClientRegistrationRepository.class)
                        .doesNotHaveBean(CognitoEmulatorClientRegistrationRepository.class));
    }

    @Test
    void leavesTheRegistrationsToSpringBootWhenSwitchedOffOrWithoutTheEmulator() {
        String[] github = {REGISTRATION + "github.client-id=gh", REGISTRATION + "github.client-secret=s"};
        this.servlet
                .withPropertyValues(github)
                .withPropertyValues(
                        "spring.profiles.active=dev", "cognito.emulator.security.client-registrations=false")
                .run((context) -> assertThat(context.getBean(ClientRegistrationRepository.class))
                        .isInstanceOf(InMemoryClientRegistrationRepository.class));
        this.servlet
                .withPropertyValues(github)
                .run((context) -> assertThat(context.getBean(ClientRegistrationRepository.class))
                        .isInstanceOf(InMemoryClientRegistrationRepository.class));
        this.reactive
                .withPropertyValues(github)
                .run((context) -> assertThat(context.getBean(ReactiveClientRegistrationRepository.class))
                        .isInstanceOf(InMemoryReactiveClientRegistrationRepository.class));
    }

    @Test
    void definesNothingWithoutRegistrationsOrWithoutSpringSecuritysOAuth2Client() {
        this.servlet
                .withPropertyValues("spring.profiles.active=dev")
                .run((context) ->
                        assertThat(context).hasNotFailed().doesNotHaveBean(ClientRegistrationRepository.class));
        this.servlet
                .withPropertyValues(COGNITO)
                .withClassLoader(new FilteredClassLoader(ClientRegistration.class))
                .run((context) -> assertThat(context)
                        .hasNotFailed()
                        .hasSingleBean(CognitoEmulator.class)
                        .doesNotHaveBean(CognitoEmulatorClientRegistrationRepository.class));
    }

    @Test
    void aReactiveApplicationGetsAReactiveRepository() {
        this.reactive.withPropertyValues(COGNITO).run((context) -> {
            assertThat(context).hasSingleBean(ReactiveClientRegistrationRepository.class);
            assertThat(context).doesNotHaveBean(ClientRegistrationRepository.class);
            CognitoEmulatorReactiveClientRegistrationRepository repository =
                    context.getBean(CognitoEmulatorReactiveClientRegistrationRepository.class);

            ClientRegistration registration =
                    repository.findByRegistrationId("cognito").block();

            assertThat(registration.getProviderDetails().getIssuerUri()).isEqualTo("http://localhost:8080/" + POOL_ID);
            assertThat(repository.findByRegistrationId("other").blockOptional()).isEmpty();
            assertThat(repository.iterator().next()).isSameAs(registration);
            assertThat(repository.emulatedRegistrationIds()).containsExactly("cognito");
            assertThat(repository).hasToString("CognitoEmulatorReactiveClientRegistrationRepository[cognito]");
        });
    }

    private static WebServerInitializedEvent serverStartedOn(int port) {
        WebServer server = mock(WebServer.class);
        given(server.getPort()).willReturn(port);
        WebServerApplicationContext context = mock(WebServerApplicationContext.class);
        WebServerInitializedEvent event = mock(WebServerInitializedEvent.class);
        given(event.getWebServer()).willReturn(server);
        given(event.getApplicationContext()).willReturn(context);
        return event;
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnRepository {

        @Bean
        ClientRegistrationRepository ownRepository() {
            return new InMemoryClientRegistrationRepository(ClientRegistration.withRegistrationId("own")
                    .clientId("own")
                    .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                    .tokenUri("https://own.example.com/token")
                    .build());
        }
    }
}
