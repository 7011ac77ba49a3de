package io.github.cognitoemulator.core.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cognitoemulator.core.EmulatorFixture;
import io.github.cognitoemulator.core.client.ClientSecrets;
import io.github.cognitoemulator.core.client.UserPoolClient;
import io.github.cognitoemulator.core.pool.UserPool;
import io.github.cognitoemulator.core.support.Ids;
import java.lang.reflect.Constructor;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The pages handed a path managed login would not route to them. */
class SelfServicePagesDirectTest {

    private final EmulatorFixture fixture = EmulatorFixture.create();

    @Test
    void aVisitDescribesItselfWithoutTheFormAndItsPassword() throws ReflectiveOperationException {
        String poolId = this.fixture.createPool();
        String clientId = this.fixture
                .call("CreateUserPoolClient", Map.of("UserPoolId", poolId, "ClientName", "app"))
                .requireSuccess()
                .string("UserPoolClient", "ClientId");
        Class<?> visitType = Class.forName(SelfServicePages.class.getName() + "$Visit");
        Constructor<?> constructor = visitType.getDeclaredConstructors()[0];
        constructor.setAccessible(true);
        Object visit = constructor.newInstance(
                new HostedRequest(
                        "POST",
                        poolId,
                        "http://localhost/" + poolId,
                        "http://localhost",
                        "/signup",
                        null,
                        Map.of(),
                        new byte[0]),
                this.fixture.emulator().store().pools().find(poolId).orElseThrow(),
                this.fixture.emulator().store().clients().find(clientId).orElseThrow(),
                Parameters.NONE,
                Parameters.parse("password=Secret-5ec7e7"),
                true);

        assertThat(visit.toString())
                .isEqualTo("Visit[path=/signup, pool=" + poolId + ", client=" + clientId + ", post=true]");
    }

    @Test
    void aPathOfAnotherPageIsNotFound() {
        String poolId = this.fixture.createPool();
        String clientId = this.fixture
                .call("CreateUserPoolClient", Map.of("UserPoolId", poolId, "ClientName", "app"))
                .requireSuccess()
                .string("UserPoolClient", "ClientId");
        UserPool pool = this.fixture.emulator().store().pools().find(poolId).orElseThrow();
        UserPoolClient client =
                this.fixture.emulator().store().clients().find(clientId).orElseThrow();
        SelfServicePages pages = new SelfServicePages(
                (action, body, context) -> {
                    throw new AssertionError("no action runs");
                },
                new ClientSecrets(this.fixture.emulator().store().resources()),
                new Csrf(new Ids(new Random(1))),
                new Ids(new Random(2)));
        HostedRequest request = new HostedRequest(
                "GET", poolId, "http://localhost/" + poolId, "http://localhost", "/other", null, Map.of(), new byte[0]);

        HostedResponse response = pages.handle(
                request,
                pool,
                client,
                new AuthorizationRequest(
                        clientId,
                        "https://app.example.com/",
                        AuthorizationRequest.ResponseType.CODE,
                        List.of(),
                        null,
                        null,
                        null,
                        null));

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.bodyText()).isEqualTo("Not Found");
    }
}
