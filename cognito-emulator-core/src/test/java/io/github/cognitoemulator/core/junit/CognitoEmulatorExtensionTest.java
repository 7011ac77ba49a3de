package io.github.cognitoemulator.core.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cognitoemulator.core.CognitoEmulator;
import io.github.cognitoemulator.core.ReusableRsaKeys;
import io.github.cognitoemulator.core.SignInFixture;
import io.github.cognitoemulator.core.testkit.CognitoTestKit;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Runs in order, so that the second test sees whatever the first left behind, if anything. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CognitoEmulatorExtensionTest {

    @RegisterExtension
    static CognitoEmulatorExtension cognito = CognitoEmulatorExtension.create((builder) -> builder.region("eu-west-1")
            .clock(Clock.fixed(SignInFixture.START, ZoneOffset.UTC))
            .keySource(ReusableRsaKeys.source()));

    private static final AtomicReference<CognitoEmulator> FIRST = new AtomicReference<>();

    private static String createPoolWithCarol(CognitoEmulator emulator, CognitoTestKit kit) {
        String poolId = emulator.handle("CreateUserPool", "{\"PoolName\":\"app\"}")
                .bodyAsString()
                .replaceAll("(?s).*\"Id\":\"([^\"]+)\".*", "$1");
        emulator.handle("CreateUserPoolClient", "{\"UserPoolId\":\"" + poolId + "\",\"ClientName\":\"web\"}");
        kit.pool(poolId).user("carol").password("Carol-Passw0rd!").create();
        return poolId;
    }

    @BeforeEach
    void lifecycleMethodsGetTheEmulatorToo(CognitoEmulator emulator) {
        assertThat(emulator).isSameAs(cognito.emulator());
    }

    @Test
    @Order(1)
    void aTestGetsTheEmulatorAndItsKit(CognitoEmulator emulator, CognitoTestKit kit) {
        FIRST.set(emulator);
        assertThat(kit.emulator()).isSameAs(emulator);
        assertThat(cognito.testKit()).isSameAs(kit);
        assertThat(emulator.region()).isEqualTo("eu-west-1");

        String poolId = createPoolWithCarol(emulator, kit);
        String idToken = kit.pool(poolId).tokensFor("carol").idToken();
        kit.advanceClock(Duration.ofDays(1));

        assertThat(SignInFixture.payload(idToken))
                .containsEntry("iss", "https://cognito-idp.eu-west-1.amazonaws.com/" + poolId);
        assertThat(emulator.store().pools().list()).hasSize(1);
    }

    @Test
    @Order(2)
    void theNextTestSharesTheEmulatorButNothingElse(CognitoEmulator emulator, CognitoTestKit kit) {
        assertThat(emulator).isSameAs(FIRST.get());
        assertThat(emulator.store().pools().list()).isEmpty();
        assertThat(emulator.inbox().messages(null, null)).isEmpty();
        assertThat(kit.clock().offset()).isEqualTo(Duration.ZERO);
        assertThat(kit.clock().instant()).isEqualTo(SignInFixture.START);
    }

    @Test
    @Order(3)
    void aDefaultExtensionBuildsAnEmulatorWithTheBuildersDefaults() {
        CognitoEmulatorExtension plain = CognitoEmulatorExtension.create();

        assertThat(plain.emulator().region()).isEqualTo(CognitoEmulator.DEFAULT_REGION);
        assertThat(plain.emulator()).isSameAs(plain.emulator());
        assertThat(plain.testKit().emulator()).isSameAs(plain.emulator());
    }
}
