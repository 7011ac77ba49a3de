package io.github.cognitoemulator.core.selfservice;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cognitoemulator.core.EmulatorFixture.Reply;
import io.github.cognitoemulator.core.SignInFixture;
import io.github.cognitoemulator.core.SignInFixture.AppClient;
import io.github.cognitoemulator.core.SignInFixture.Tokens;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What RevokeToken requires of the client, and that ending one user's sign-ins leaves every other user's alone. */
class SignOutScopeTest {

    private static final String REVOKED = "400 NotAuthorizedException: Access Token has been revoked";

    private final SignInFixture fixture = SignInFixture.create();

    private final String poolId = this.fixture.createPool(Map.of("AutoVerifiedAttributes", List.of("email")));

    private final AppClient client = this.fixture.createPasswordClient(this.poolId);

    SignOutScopeTest() {
        this.fixture.createConfirmedUser(this.poolId, "alice", SignInFixture.PASSWORD);
        this.fixture.createConfirmedUser(this.poolId, "bob", SignInFixture.OTHER_PASSWORD);
    }

    private Tokens signIn(String username, String password) {
        return SignInFixture.tokens(this.fixture.signIn(this.client.id(), username, password));
    }

    private Tokens signInWithSecret(AppClient secretClient) {
        return SignInFixture.tokens(this.fixture.call(
                "InitiateAuth",
                Map.of(
                        "AuthFlow",
                        "USER_PASSWORD_AUTH",
                        "ClientId",
                        secretClient.id(),
                        "AuthParameters",
                        Map.of(
                                "USERNAME",
                                "alice",
                                "PASSWORD",
                                SignInFixture.PASSWORD,
                                "SECRET_HASH",
                                SignInFixture.secretHash(secretClient.secret(), "alice", secretClient.id())))));
    }

    private Reply revoke(AppClient client, String token, String clientSecret) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ClientId", client.id());
        body.put("Token", token);
        if (clientSecret != null) {
            body.put("ClientSecret", clientSecret);
        }
        return this.fixture.call("RevokeToken", body);
    }

    /** Bob's sign-in still works: his access token reads his profile and his refresh token refreshes. */
    private void assertStillSignedIn(Tokens tokens, String username) {
        assertThat(this.fixture.getUser(tokens.accessToken()).string("Username"))
                .isEqualTo(username);
        assertThat(this.fixture.refresh(this.client.id(), tokens.refreshToken()).status())
                .isEqualTo(200);
    }

    @Test
    void revokeTokenOnASecretClientNeedsItsClientSecret() {
        AppClient secretClient = this.fixture.createPasswordClient(this.poolId, Map.of("GenerateSecret", true));
        Tokens tokens = signInWithSecret(secretClient);
        String mismatch =
                "400 UnauthorizedException: Client secret does not match for the client: " + secretClient.id();

        assertThat(revoke(secretClient, tokens.refreshToken(), null).error()).isEqualTo(mismatch);
        assertThat(revoke(secretClient, tokens.refreshToken(), "wrong" + secretClient.secret())
                        .error())
                .isEqualTo(mismatch);
        assertThat(this.fixture.getUser(tokens.accessToken()).status()).isEqualTo(200);

        assertThat(revoke(secretClient, tokens.refreshToken(), secretClient.secret())
                        .status())
                .isEqualTo(200);
        assertThat(this.fixture.getUser(tokens.accessToken()).error()).isEqualTo(REVOKED);
    }

    @Test
    void revokeTokenIsRefusedOnAClientWithoutTokenRevocation() {
        AppClient noRevocation = this.fixture.createPasswordClient(this.poolId, Map.of("EnableTokenRevocation", false));
        Tokens tokens = SignInFixture.tokens(this.fixture.signIn(noRevocation.id(), "alice", SignInFixture.PASSWORD));

        assertThat(revoke(noRevocation, tokens.refreshToken(), null).error())
                .isEqualTo("400 UnsupportedOperationException: Token revocation is not enabled for this client.");
        assertThat(this.fixture.getUser(tokens.accessToken()).status()).isEqualTo(200);
        assertThat(this.fixture
                        .refresh(noRevocation.id(), tokens.refreshToken())
                        .status())
                .isEqualTo(200);
    }

    @Test
    void globalSignOutEndsOnlyTheCallersSignIns() {
        Tokens alice = signIn("alice", SignInFixture.PASSWORD);
        Tokens bob = signIn("bob", SignInFixture.OTHER_PASSWORD);

        this.fixture
                .call("GlobalSignOut", Map.of("AccessToken", alice.accessToken()))
                .requireSuccess();

        assertThat(this.fixture.getUser(alice.accessToken()).error()).isEqualTo(REVOKED);
        assertStillSignedIn(bob, "bob");
    }

    @Test
    void adminUserGlobalSignOutEndsOnlyThatUsersSignIns() {
        Tokens alice = signIn("alice", SignInFixture.PASSWORD);
        Tokens bob = signIn("bob", SignInFixture.OTHER_PASSWORD);

        this.fixture
                .call("AdminUserGlobalSignOut", Map.of("UserPoolId", this.poolId, "Username", "alice"))
                .requireSuccess();

        assertThat(this.fixture.getUser(alice.accessToken()).error()).isEqualTo(REVOKED);
        assertStillSignedIn(bob, "bob");
    }

    @Test
    void deletingAUserEndsOnlyThatUsersSignIns() {
        Tokens alice = signIn("alice", SignInFixture.PASSWORD);
        Tokens bob = signIn("bob", SignInFixture.OTHER_PASSWORD);

        this.fixture
                .call("DeleteUser", Map.of("AccessToken", alice.accessToken()))
                .requireSuccess();

        assertThat(this.fixture.refresh(this.client.id(), alice.refreshToken()).string("__type"))
                .isEqualTo("NotAuthorizedException");
        assertStillSignedIn(bob, "bob");
    }

    @Test
    void adminDeletingAUserEndsOnlyThatUsersSignIns() {
        Tokens alice = signIn("alice", SignInFixture.PASSWORD);
        Tokens bob = signIn("bob", SignInFixture.OTHER_PASSWORD);

        this.fixture
                .call("AdminDeleteUser", Map.of("UserPoolId", this.poolId, "Username", "alice"))
                .requireSuccess();

        assertThat(this.fixture.refresh(this.client.id(), alice.refreshToken()).string("__type"))
                .isEqualTo("NotAuthorizedException");
        assertStillSignedIn(bob, "bob");
    }

    @Test
    void deletingAUserRemovesOnlyThatUsersPendingCodes() {
        for (String username : new String[] {"carol", "dave"}) {
            this.fixture
                    .call(
                            "SignUp",
                            Map.of(
                                    "ClientId",
                                    this.client.id(),
                                    "Username",
                                    username,
                                    "Password",
                                    SignInFixture.PASSWORD,
                                    "UserAttributes",
                                    List.of(Map.of("Name", "email", "Value", username + "@example.com"))))
                    .requireSuccess();
        }
        String daveCode = this.fixture.latestCode(this.poolId, "dave");

        this.fixture
                .call("AdminDeleteUser", Map.of("UserPoolId", this.poolId, "Username", "carol"))
                .requireSuccess();

        this.fixture
                .call(
                        "ConfirmSignUp",
                        Map.of("ClientId", this.client.id(), "Username", "dave", "ConfirmationCode", daveCode))
                .requireSuccess();
        assertThat(this.fixture.statusOf(this.poolId, "dave")).isEqualTo("CONFIRMED");
    }

    @Test
    void aRevokeTokenRequestDescribesItselfWithoutTheTokenOrTheSecret() {
        var request = new SignOutActions.RevokeTokenRequest("refresh-token-value", "client123", "secret-value");

        assertThat(request.toString())
                .startsWith("RevokeTokenRequest[token=")
                .contains(", clientId=client123, clientSecret=")
                .doesNotContain("refresh-token-value", "secret-value");
    }
}
