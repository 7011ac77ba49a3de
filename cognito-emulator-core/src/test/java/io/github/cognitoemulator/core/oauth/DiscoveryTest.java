package io.github.cognitoemulator.core.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cognitoemulator.core.SignInFixture;
import io.github.cognitoemulator.core.oidc.OidcDocuments;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DiscoveryTest {

    @Test
    void aPoolWithoutADomainAdvertisesTheEndpointsOfItsOwnSite() {
        SignInFixture fixture = SignInFixture.create();
        String poolId = fixture.createPool();

        String document = fixture.emulator()
                .openidConfiguration(poolId, "http://localhost:4566")
                .orElseThrow();

        String site = "http://localhost:4566/" + poolId;
        assertThat(document)
                .contains("\"authorization_endpoint\":\"" + site + "/oauth2/authorize\"")
                .contains("\"token_endpoint\":\"" + site + "/oauth2/token\"")
                .contains("\"userinfo_endpoint\":\"" + site + "/oauth2/userInfo\"")
                .contains("\"issuer\":\"" + site + "\"")
                .contains("\"jwks_uri\":\"" + site + "/.well-known/jwks.json\"");
    }

    @Test
    void aPoolWithAPrefixDomainAdvertisesTheDomainsSite() {
        SignInFixture fixture = SignInFixture.create();
        String poolId = fixture.createPool();
        fixture.call("CreateUserPoolDomain", Map.of("UserPoolId", poolId, "Domain", "my-app"))
                .requireSuccess();

        String document = fixture.emulator()
                .openidConfiguration(poolId, "http://localhost:4566")
                .orElseThrow();

        assertThat(document)
                .contains("\"authorization_endpoint\":\"http://localhost:4566/my-app/oauth2/authorize\"")
                .contains("\"token_endpoint\":\"http://localhost:4566/my-app/oauth2/token\"")
                .contains("\"issuer\":\"http://localhost:4566/" + poolId + "\"");
    }

    @Test
    void theAccountDocumentKeepsItsEndpointsAtTheIssuer() {
        assertThat(OidcDocuments.openidConfiguration("http://localhost:4566"))
                .contains("\"authorization_endpoint\":\"http://localhost:4566/authorize\"")
                .contains("\"userinfo_endpoint\":\"http://localhost:4566/userInfo\"");
    }

    @Test
    void aPoolsDomainServesItsManagedLogin() {
        SignInFixture fixture = SignInFixture.create();
        OAuthFixture oauth = OAuthFixture.create(fixture, Map.of(), Map.of());
        fixture.call("CreateUserPoolDomain", Map.of("UserPoolId", oauth.poolId, "Domain", "my-app"))
                .requireSuccess();
        ManagedLogin login = fixture.emulator().managedLogin();

        assertThat(login.poolOf("my-app")).contains(oauth.poolId);
        assertThat(login.serves("my-app", "/login")).isTrue();
        HostedRequest request = new HostedRequest(
                "GET",
                "my-app",
                "http://localhost:4566/my-app",
                "http://localhost:4566",
                "/oauth2/authorize",
                oauth.authorizeQuery(),
                Map.of(),
                new byte[0]);
        assertThat(login.handle(request).header("Location"))
                .isEqualTo("http://localhost:4566/my-app/login?" + oauth.authorizeQuery());
    }
}
