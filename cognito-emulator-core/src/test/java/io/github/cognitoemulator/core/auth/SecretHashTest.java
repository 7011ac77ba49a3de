package io.github.cognitoemulator.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cognitoemulator.core.SignInFixture;
import io.github.cognitoemulator.core.client.ExplicitAuthFlow;
import io.github.cognitoemulator.core.client.TokenValidity;
import io.github.cognitoemulator.core.client.UserPoolClient;
import io.github.cognitoemulator.core.error.CognitoException;
import io.github.cognitoemulator.core.error.ErrorType;
import io.github.cognitoemulator.core.user.User;
import io.github.cognitoemulator.core.user.UserStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class SecretHashTest {

    private static UserPoolClient client(@Nullable String secret) {
        Instant created = Instant.parse("2024-03-05T09:07:02Z");
        return new UserPoolClient(
                "us-east-1_pool",
                "app",
                "client0000000000000000000a",
                secret,
                created,
                created,
                new TokenValidity(60, 60, 30, "minutes", "minutes", "days"),
                List.of(ExplicitAuthFlow.ALLOW_USER_SRP_AUTH, ExplicitAuthFlow.ALLOW_REFRESH_TOKEN_AUTH),
                null,
                true,
                3,
                Map.of());
    }

    @Test
    void clientWithoutASecretAcceptsAnyHash() {
        assertThat(SecretHash.matches(client(null), List.of(), "anything", "alice"))
                .isTrue();
        SecretHash.check(client(null), List.of(), null, "alice");
        SecretHash.check(client(null), List.of(), "anything", "alice");
    }

    @Test
    void clientWithASecretAcceptsOnlyTheHashOfOneOfTheNames() {
        UserPoolClient client = client("s3cret");
        String hash = SignInFixture.secretHash("s3cret", "alice", client.clientId());

        assertThat(SecretHash.matches(client, List.of("s3cret"), hash, "someone", "alice"))
                .isTrue();
        assertThat(SecretHash.matches(client, List.of("s3cret"), hash, "bob")).isFalse();
        assertThat(SecretHash.matches(client, List.of("other"), hash, "alice")).isFalse();
        assertThat(SecretHash.compute("s3cret", "alice", client.clientId())).isEqualTo(hash);
    }

    @Test
    void everyActiveSecretIsAccepted() {
        UserPoolClient client = client("old-secret");
        List<String> secrets = List.of("old-secret", "new-secret");
        String oldHash = SignInFixture.secretHash("old-secret", "alice", client.clientId());
        String newHash = SignInFixture.secretHash("new-secret", "alice", client.clientId());

        assertThat(SecretHash.matches(client, secrets, oldHash, "alice")).isTrue();
        assertThat(SecretHash.matches(client, secrets, newHash, "alice")).isTrue();
        assertThat(SecretHash.matches(client, List.of("new-secret"), oldHash, "alice"))
                .isFalse();
        SecretHash.check(client, secrets, newHash, "alice");
        SecretHash.check(client, secrets, newHash, "alice", (User) null);
    }

    @Test
    void missingOrWrongHashOfASecretClientIsRefused() {
        UserPoolClient client = client("s3cret");

        assertThatThrownBy(() -> SecretHash.check(client, List.of("s3cret"), null, "alice"))
                .isInstanceOf(CognitoException.class)
                .hasMessage("Client client0000000000000000000a is configured with secret but SECRET_HASH was not"
                        + " received")
                .satisfies((ex) -> assertThat(((CognitoException) ex).type()).isEqualTo(ErrorType.NOT_AUTHORIZED));
        assertThatThrownBy(() -> SecretHash.check(client, List.of("s3cret"), "d3Jvbmc=", "alice"))
                .isInstanceOf(CognitoException.class)
                .hasMessage("Unable to verify secret hash for client client0000000000000000000a");
    }

    @Test
    void hashOfTheInternalUsernameCountsOnceTheUserIsKnown() {
        UserPoolClient client = client("s3cret");
        Instant created = Instant.parse("2024-03-05T09:07:02Z");
        User user = new User(
                "us-east-1_pool",
                "internal-name",
                "9f1c3e2a-0000-4000-8000-000000000001",
                Map.of(),
                UserStatus.CONFIRMED,
                true,
                created,
                created,
                null,
                null,
                1);
        String hash = SignInFixture.secretHash("s3cret", "internal-name", client.clientId());

        SecretHash.check(client, List.of("s3cret"), hash, "alias@example.com", user);
        assertThatThrownBy(() -> SecretHash.check(client, List.of("s3cret"), hash, "alias@example.com", null))
                .isInstanceOf(CognitoException.class);
    }

    @Test
    void aClientSecretSentAsItIsMustBeActive() {
        assertThat(SecretHash.isActiveSecret(List.of(), null)).isTrue();
        assertThat(SecretHash.isActiveSecret(List.of(), "anything")).isTrue();
        assertThat(SecretHash.isActiveSecret(List.of("a", "b"), "b")).isTrue();
        assertThat(SecretHash.isActiveSecret(List.of("a", "b"), "a")).isTrue();
        assertThat(SecretHash.isActiveSecret(List.of("a", "b"), "c")).isFalse();
        assertThat(SecretHash.isActiveSecret(List.of("a"), null)).isFalse();
    }
}
