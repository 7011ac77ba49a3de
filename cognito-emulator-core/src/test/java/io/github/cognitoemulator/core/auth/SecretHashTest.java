package io.github.cognitoemulator.core.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cognitoemulator.core.SignInFixture;
import io.github.cognitoemulator.core.client.ExplicitAuthFlow;
import io.github.cognitoemulator.core.client.TokenValidity;
import io.github.cognitoemulator.core.client.UserPoolClient;
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
        assertThat(SecretHash.matches(client(null), "anything", "alice")).isTrue();
    }

    @Test
    void clientWithASecretAcceptsOnlyTheHashOfOneOfTheNames() {
        UserPoolClient client = client("s3cret");
        String hash = SignInFixture.secretHash("s3cret", "alice", client.clientId());

        assertThat(SecretHash.matches(client, hash, "someone", "alice")).isTrue();
        assertThat(SecretHash.matches(client, hash, "bob")).isFalse();
        assertThat(SecretHash.compute("s3cret", "alice", client.clientId())).isEqualTo(hash);
    }
}
