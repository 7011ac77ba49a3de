package io.github.cognitoemulator.core.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cognitoemulator.core.SignInFixture;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UserInfoEndpointTest {

    private final OAuthFixture oauth = OAuthFixture.create();

    private String accessToken(String scope) {
        String code = this.oauth.code("scope", scope);
        return (String) this.oauth.json(this.oauth.exchange(code)).get("access_token");
    }

    private HostedResponse userInfo(String method, String authorization) {
        return this.oauth.send(method, "/oauth2/userInfo", null, null, Map.of("Authorization", authorization));
    }

    @Test
    void openidAloneGivesEveryReadableAttributeAsStrings() {
        this.oauth
                .fixture
                .call(
                        "AdminUpdateUserAttributes",
                        Map.of(
                                "UserPoolId",
                                this.oauth.poolId,
                                "Username",
                                OAuthFixture.USER,
                                "UserAttributes",
                                List.of(Map.of("Name", "name", "Value", "Jane \"JD\" Doe"))))
                .requireSuccess();
        String sub = this.oauth
                .fixture
                .attributesOf(this.oauth.poolId, OAuthFixture.USER)
                .get("sub");

        HostedResponse response = userInfo("GET", "Bearer " + accessToken("openid"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).isEqualTo("application/json;charset=UTF-8");
        assertThat(response.bodyText())
                .isEqualTo("{\"sub\":\"" + sub + "\",\"email\":\"jane@example.com\",\"email_verified\":\"true\","
                        + "\"name\":\"Jane \\\"JD\\\" Doe\",\"username\":\"jane\"}");
    }

    @Test
    void theScopesChooseTheAttributes() {
        this.oauth
                .fixture
                .call(
                        "AdminUpdateUserAttributes",
                        Map.of(
                                "UserPoolId",
                                this.oauth.poolId,
                                "Username",
                                OAuthFixture.USER,
                                "UserAttributes",
                                List.of(
                                        Map.of("Name", "name", "Value", "Jane"),
                                        Map.of("Name", "phone_number", "Value", "+15555550100"))))
                .requireSuccess();

        assertThat(this.oauth
                        .json(userInfo("POST", "Bearer " + accessToken("openid profile")))
                        .keySet())
                .containsExactly("sub", "name", "username");
        assertThat(this.oauth
                        .json(userInfo("GET", "Bearer " + accessToken("openid email")))
                        .keySet())
                .containsExactly("sub", "email", "email_verified", "username");
        assertThat(this.oauth
                        .json(userInfo("GET", "bearer " + accessToken("openid phone")))
                        .keySet())
                .containsExactly("sub", "phone_number", "phone_number_verified", "username");
    }

    @Test
    void theClientsReadAttributesLimitTheAnswer() {
        OAuthFixture limited =
                OAuthFixture.create(SignInFixture.create(), Map.of(), Map.of("ReadAttributes", List.of("email")));
        String code = limited.code("scope", "openid");
        String token = (String) limited.json(limited.exchange(code)).get("access_token");

        HostedResponse response =
                limited.send("GET", "/oauth2/userInfo", null, null, Map.of("Authorization", "Bearer " + token));

        assertThat(limited.json(response).keySet()).containsExactly("sub", "email", "username");
    }

    @Test
    void anApiAccessTokenHasNoOpenidScope() {
        SignInFixture.Tokens tokens = SignInFixture.tokens(
                this.oauth.fixture.signIn(this.oauth.client.id(), OAuthFixture.USER, SignInFixture.PASSWORD));

        HostedResponse response = userInfo("GET", "Bearer " + tokens.accessToken());

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("WWW-Authenticate"))
                .isEqualTo(
                        "error=\"invalid_request\", error_description=\"Access token does not contain openid scope\"");
        assertThat(response.bodyText())
                .isEqualTo(
                        "{\"error\":\"invalid_request\",\"error_description\":\"Access token does not contain openid scope\"}");
    }

    @Test
    void aMissingBearerTokenIsABadRequest() {
        HostedResponse response = this.oauth.get("/oauth2/userInfo", null);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("WWW-Authenticate"))
                .isEqualTo("error=\"invalid_request\", error_description=\"Bad OAuth2 request at UserInfo Endpoint\"");
        assertThat(userInfo("GET", "Basic abc").status()).isEqualTo(400);
    }

    @Test
    void anInvalidExpiredOrRevokedTokenIsUnauthorized() {
        String expected = "error=\"invalid_token\", error_description=\"Access token is expired, disabled, or deleted,"
                + " or the user has globally signed out.\"";
        assertThat(userInfo("GET", "Bearer not.a.token").header("WWW-Authenticate"))
                .isEqualTo(expected);

        String token = accessToken("openid");
        this.oauth.fixture.clock().advance(Duration.ofHours(1));
        HostedResponse expired = userInfo("GET", "Bearer " + token);
        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.header("WWW-Authenticate")).isEqualTo(expected);
    }

    @Test
    void aDisabledUserIsUnauthorized() {
        String token = accessToken("openid");
        this.oauth
                .fixture
                .call("AdminDisableUser", Map.of("UserPoolId", this.oauth.poolId, "Username", OAuthFixture.USER))
                .requireSuccess();

        assertThat(userInfo("GET", "Bearer " + token).status()).isEqualTo(401);
    }

    @Test
    void aDisabledUsersTokenStaysUnauthorizedOnceEnabledAgain() {
        String token = accessToken("openid");
        Map<String, String> user = Map.of("UserPoolId", this.oauth.poolId, "Username", OAuthFixture.USER);
        this.oauth.fixture.call("AdminDisableUser", user).requireSuccess();
        this.oauth.fixture.call("AdminEnableUser", user).requireSuccess();

        assertThat(userInfo("GET", "Bearer " + token).status()).isEqualTo(401);
        assertThat(userInfo("GET", "Bearer " + accessToken("openid")).status()).isEqualTo(200);
    }

    @Test
    void anotherPoolsTokenIsUnauthorized() {
        OAuthFixture other = OAuthFixture.create(this.oauth.fixture, Map.of(), Map.of());
        String token = (String)
                other.json(other.exchange(other.code("scope", "openid"))).get("access_token");

        assertThat(userInfo("GET", "Bearer " + token).status()).isEqualTo(401);
    }

    @Test
    void aClientCredentialsTokenHasNoOpenidScope() {
        assertThat(UserInfoEndpoint.granted(List.of("openid"), "custom:team")).isTrue();
        assertThat(UserInfoEndpoint.granted(List.of("openid", "profile"), "custom:team"))
                .isTrue();
        assertThat(UserInfoEndpoint.granted(List.of("openid", "profile"), "email"))
                .isFalse();
        assertThat(UserInfoEndpoint.granted(List.of("openid", "email"), "phone_number_verified"))
                .isFalse();
        assertThat(UserInfoEndpoint.granted(List.of("openid", "phone"), "phone_number_verified"))
                .isTrue();
        assertThat(UserInfoEndpoint.granted(List.of("openid", "email"), "email_verified"))
                .isTrue();
        assertThat(UserInfoEndpoint.granted(List.of("openid", "profile"), "updated_at"))
                .isTrue();
    }
}
