package io.github.cognitoemulator.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.WebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;

class CognitoEmulatorIssuerTests {

    @Test
    void isLocalhostAtTheConfiguredPortUnderTheContextAndDocumentsPaths() {
        CognitoEmulatorIssuer issuer = new CognitoEmulatorIssuer(null, "/app/", "/cognito/", 4566);

        assertThat(issuer.baseUrl()).isEqualTo("http://localhost:4566/app/cognito");
        assertThat(issuer.issuer("us-east-1_Ab3dE5gH9"))
                .isEqualTo("http://localhost:4566/app/cognito/us-east-1_Ab3dE5gH9");
        assertThat(new CognitoEmulatorIssuer(null, "", "/", 8080).baseUrl()).isEqualTo("http://localhost:8080");
    }

    @Test
    void followsThePortTheServerListensOn() {
        CognitoEmulatorIssuer issuer = new CognitoEmulatorIssuer(null, "", "/", 0);

        issuer.onApplicationEvent(started(54321, null));

        assertThat(issuer.baseUrl()).isEqualTo("http://localhost:54321");
    }

    @Test
    void ignoresTheManagementServer() {
        CognitoEmulatorIssuer issuer = new CognitoEmulatorIssuer(null, "", "/", 4566);

        issuer.onApplicationEvent(started(9000, "management"));

        assertThat(issuer.baseUrl()).isEqualTo("http://localhost:4566");
    }

    @Test
    void configuredBaseWinsOverThePort() {
        CognitoEmulatorIssuer issuer =
                new CognitoEmulatorIssuer("https://cognito-idp.us-east-1.amazonaws.com", "/app", "/cognito", 4566);

        issuer.onApplicationEvent(started(54321, null));

        assertThat(issuer.issuer("us-east-1_Ab3dE5gH9"))
                .isEqualTo("https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Ab3dE5gH9");
    }

    @Test
    void describesItselfByItsBase() {
        assertThat(new CognitoEmulatorIssuer(null, "", "/cognito", 4566))
                .hasToString("CognitoEmulatorIssuer[http://localhost:4566/cognito]");
    }

    @Test
    void findsThePoolOfItsOwnIssuersOnly() {
        CognitoEmulatorIssuer issuer = new CognitoEmulatorIssuer(null, "", "/", 4566);

        assertThat(issuer.userPoolId("http://localhost:4566/us-east-1_Ab3dE5gH9"))
                .hasValue("us-east-1_Ab3dE5gH9");
        assertThat(issuer.userPoolId("http://127.0.0.1:4566/us-east-1_Ab3dE5gH9"))
                .isEmpty();
        assertThat(issuer.userPoolId("http://localhost:4566/")).isEmpty();
        assertThat(issuer.userPoolId("http://localhost:4566/a/b")).isEmpty();
        assertThat(issuer.userPoolId("http://localhost:4566")).isEmpty();
        assertThat(issuer.userPoolId(null)).isEmpty();
    }

    private static WebServerInitializedEvent started(int port, String serverNamespace) {
        WebServer server = mock(WebServer.class);
        given(server.getPort()).willReturn(port);
        WebServerApplicationContext context = mock(WebServerApplicationContext.class);
        given(context.getServerNamespace()).willReturn(serverNamespace);
        return new WebServerInitializedEvent(server) {
            @Override
            public WebServerApplicationContext getApplicationContext() {
                return context;
            }
        };
    }
}
