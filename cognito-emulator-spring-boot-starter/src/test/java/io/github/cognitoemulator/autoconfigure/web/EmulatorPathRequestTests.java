package io.github.cognitoemulator.autoconfigure.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cognitoemulator.autoconfigure.CognitoEmulatorProperties;
import io.github.cognitoemulator.core.CognitoEmulator;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockServletContext;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.util.unit.DataSize;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.context.support.StaticWebApplicationContext;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebExchangeDecorator;

class EmulatorPathRequestTests {

    private static final String TARGET = "AWSCognitoIdentityProviderService.InitiateAuth";

    private static StaticWebApplicationContext context(@Nullable String path, @Nullable String documentsPath) {
        StaticWebApplicationContext context = new StaticWebApplicationContext();
        if (path != null) {
            context.getBeanFactory()
                    .registerSingleton(
                            "cognitoEmulator", CognitoEmulator.builder().build());
            context.getBeanFactory()
                    .registerSingleton(
                            "cognitoEmulatorProperties",
                            new CognitoEmulatorProperties(
                                    null,
                                    List.of("dev"),
                                    path,
                                    "us-east-1",
                                    "000000000000",
                                    null,
                                    new CognitoEmulatorProperties.Storage(null, null, null),
                                    Map.of(),
                                    null,
                                    documentsPath,
                                    List.of(),
                                    new CognitoEmulatorProperties.Security(true, "ROLE_", true),
                                    DataSize.ofMegabytes(2),
                                    new CognitoEmulatorProperties.RemoteAccess(false, List.of())));
        }
        context.refresh();
        return context;
    }

    /** The servlet matcher and the reactive one, which must agree on every request. */
    private record Matchers(RequestMatcher servlet, ServerWebExchangeMatcher reactive, ApplicationContext context) {

        boolean matches(String method, String path, String... headerNamesAndValues) {
            MockServletContext servletContext = new MockServletContext();
            servletContext.setAttribute(WebApplicationContext.ROOT_WEB_APPLICATION_CONTEXT_ATTRIBUTE, this.context);
            MockHttpServletRequest request = new MockHttpServletRequest(servletContext, method, "/app" + path);
            request.setContextPath("/app");
            MockServerHttpRequest.BaseBuilder<?> reactiveRequest = MockServerHttpRequest.method(
                            HttpMethod.valueOf(method), "/app" + path)
                    .contextPath("/app");
            for (int i = 0; i < headerNamesAndValues.length; i += 2) {
                request.addHeader(headerNamesAndValues[i], headerNamesAndValues[i + 1]);
                reactiveRequest.header(headerNamesAndValues[i], headerNamesAndValues[i + 1]);
            }
            ApplicationContext applicationContext = this.context;
            ServerWebExchange exchange = new ServerWebExchangeDecorator(MockServerWebExchange.from(reactiveRequest)) {
                @Override
                public ApplicationContext getApplicationContext() {
                    return applicationContext;
                }
            };
            boolean servletMatches = this.servlet.matches(request);
            boolean reactiveMatches = this.reactive.matches(exchange).block().isMatch();
            assertThat(reactiveMatches).as("reactive agrees with servlet").isEqualTo(servletMatches);
            return servletMatches;
        }
    }

    private static Matchers matchers(ApplicationContext context) {
        return new Matchers(
                EmulatorPathRequest.toCognitoEmulator(), ReactiveEmulatorPathRequest.toCognitoEmulator(), context);
    }

    @Test
    void matchesCognitoCallsAndTheirPreflightsAtTheEmulatorsPath() {
        Matchers matchers = matchers(context("/", null));

        assertThat(matchers.matches("POST", "/", "X-Amz-Target", TARGET)).isTrue();
        assertThat(matchers.matches("POST", "", "X-Amz-Target", TARGET)).isTrue();
        assertThat(matchers.matches("POST", "/", "X-Amz-Target", "DynamoDB_20120810.GetItem"))
                .isFalse();
        assertThat(matchers.matches("POST", "/")).isFalse();
        assertThat(matchers.matches("GET", "/", "X-Amz-Target", TARGET)).isFalse();
        assertThat(matchers.matches("POST", "/orders", "X-Amz-Target", TARGET)).isFalse();
        assertThat(matchers.matches(
                        "OPTIONS",
                        "/",
                        "Access-Control-Request-Method",
                        "POST",
                        "Access-Control-Request-Headers",
                        "content-type, x-amz-target"))
                .isTrue();
        assertThat(matchers.matches(
                        "OPTIONS",
                        "/",
                        "Access-Control-Request-Method",
                        "POST",
                        "Access-Control-Request-Headers",
                        "content-type"))
                .isFalse();
        assertThat(matchers.matches("OPTIONS", "/", "Access-Control-Request-Headers", "x-amz-target"))
                .isFalse();
    }

    @Test
    void matchesTheDocumentsOfEveryPoolAndOfEachOne() {
        Matchers matchers = matchers(context("/aws", "/cognito"));

        assertThat(matchers.matches("GET", "/cognito/.well-known/jwks.json")).isTrue();
        assertThat(matchers.matches("GET", "/cognito/.well-known/openid-configuration"))
                .isTrue();
        assertThat(matchers.matches("GET", "/cognito/us-east-1_abc/.well-known/jwks.json"))
                .isTrue();
        assertThat(matchers.matches("HEAD", "/cognito/us-east-1_abc/.well-known/openid-configuration"))
                .isTrue();
        assertThat(matchers.matches("POST", "/cognito/.well-known/jwks.json")).isFalse();
        assertThat(matchers.matches("GET", "/cognito/a/b/.well-known/jwks.json"))
                .isFalse();
        assertThat(matchers.matches("GET", "/.well-known/jwks.json")).isFalse();
        assertThat(matchers.matches("GET", "/aws/.well-known/jwks.json")).isFalse();
        assertThat(matchers.matches("GET", "/cognito/orders")).isFalse();
    }

    @Test
    void matchesTheUploadsOfImportFilesUnderTheDocumentsPath() {
        Matchers matchers = matchers(context("/aws", "/cognito"));

        assertThat(matchers.matches("PUT", "/cognito/_emulator/user-import/import-abc"))
                .isTrue();
        assertThat(matchers.matches("GET", "/cognito/_emulator/user-import/import-abc"))
                .isFalse();
        assertThat(matchers.matches("PUT", "/cognito/_emulator/messages")).isFalse();
    }

    @Test
    void matchesTheDeveloperPagesUnderThePath() {
        Matchers matchers = matchers(context("/aws/", null));

        assertThat(matchers.matches("GET", "/aws/_emulator/messages")).isTrue();
        assertThat(matchers.matches("PUT", "/aws/_emulator/user-import/import-abc"))
                .isTrue();
        assertThat(matchers.matches("GET", "/aws/_emulator")).isTrue();
        assertThat(matchers.matches("GET", "/aws/_emulatorx")).isFalse();
        assertThat(matchers.matches("GET", "/_emulator/messages")).isFalse();
        assertThat(matchers.matches("POST", "/aws", "X-Amz-Target", TARGET)).isTrue();
        assertThat(matchers.matches("GET", "/aws/.well-known/jwks.json")).isTrue();
    }

    @Test
    void matchesTheManagedLoginOfEachPoolAndDomainUnderTheDocumentsPath() {
        StaticWebApplicationContext context = context("/aws", "/cognito");
        CognitoEmulator emulator = context.getBean(CognitoEmulator.class);
        String poolId = new String(
                        emulator.handle("CreateUserPool", "{\"PoolName\":\"pool\"}")
                                .body(),
                        java.nio.charset.StandardCharsets.UTF_8)
                .replaceAll(".*\"Id\":\"([^\"]+)\".*", "$1");
        emulator.handle("CreateUserPoolDomain", "{\"UserPoolId\":\"" + poolId + "\",\"Domain\":\"my-shop\"}");
        Matchers matchers = matchers(context);

        assertThat(matchers.matches("GET", "/cognito/" + poolId + "/oauth2/authorize"))
                .isTrue();
        assertThat(matchers.matches("POST", "/cognito/" + poolId + "/oauth2/token"))
                .isTrue();
        assertThat(matchers.matches("POST", "/cognito/my-shop/login")).isTrue();
        assertThat(matchers.matches("GET", "/cognito/my-shop/logout")).isTrue();
        assertThat(matchers.matches("GET", "/cognito/my-shop/account")).isFalse();
        assertThat(matchers.matches("GET", "/cognito/other-shop/login")).isFalse();
        assertThat(matchers.matches("GET", "/cognito/us-east-1_Nope12345/login"))
                .isFalse();
        assertThat(matchers.matches("GET", "/aws/" + poolId + "/login")).isFalse();
        assertThat(matchers.matches("GET", "/" + poolId + "/login")).isFalse();
    }

    @Test
    void matchesNothingWhileTheEmulatorIsOff() {
        Matchers matchers = matchers(context(null, null));

        assertThat(matchers.matches("POST", "/", "X-Amz-Target", TARGET)).isFalse();
        assertThat(matchers.matches("GET", "/.well-known/jwks.json")).isFalse();
        assertThat(matchers.matches("GET", "/_emulator/messages")).isFalse();
    }

    @Test
    void describeThemselves() {
        assertThat(EmulatorPathRequest.toCognitoEmulator()).hasToString("CognitoEmulatorRequestMatcher");
        assertThat(ReactiveEmulatorPathRequest.toCognitoEmulator()).hasToString("CognitoEmulatorExchangeMatcher");
    }
}
