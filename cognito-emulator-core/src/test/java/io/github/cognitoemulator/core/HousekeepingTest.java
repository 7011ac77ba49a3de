package io.github.cognitoemulator.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.RSAKey;
import io.github.cognitoemulator.core.SignInFixture.AppClient;
import io.github.cognitoemulator.core.token.RsaKeySource;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Expired codes, sessions and sign-ins are swept an hour after they expire: by an explicit sweep, or by the first
 * request once a minute of the emulator's clock has passed since the last sweep.
 */
class HousekeepingTest {

    /** How long a sign-up code lives. */
    private static final Duration CODE_LIFETIME = Duration.ofHours(24);

    private final SignInFixture fixture = SignInFixture.create();

    private final String poolId = this.fixture.createPool(Map.of("AutoVerifiedAttributes", List.of("email")));

    private final AppClient client = this.fixture.createPasswordClient(this.poolId);

    /** Signs up a user, which leaves one pending sign-up code that expires a day from now. */
    private void signUpWithAPendingCode() {
        this.fixture
                .call(
                        "SignUp",
                        Map.of(
                                "ClientId",
                                this.client.id(),
                                "Username",
                                "alice",
                                "Password",
                                SignInFixture.PASSWORD,
                                "UserAttributes",
                                EmulatorFixture.attributes("email", "alice@example.com")))
                .requireSuccess();
    }

    private void anyRequest() {
        this.fixture.call("DescribeUserPool", Map.of("UserPoolId", this.poolId)).requireSuccess();
    }

    @Test
    void expiredCodeIsKeptForAnHourThenSwept() {
        signUpWithAPendingCode();

        this.fixture.clock().advance(CODE_LIFETIME.plus(Housekeeping.GRACE).minusSeconds(30));
        assertThat(this.fixture.emulator().sweepExpired()).isZero();

        this.fixture.clock().advance(Duration.ofMinutes(1));
        assertThat(this.fixture.emulator().sweepExpired()).isEqualTo(1);
        assertThat(this.fixture.emulator().sweepExpired()).isZero();
    }

    @Test
    void requestSweepsOnceAMinuteHasPassed() {
        signUpWithAPendingCode();
        this.fixture.clock().advance(CODE_LIFETIME.plus(Housekeeping.GRACE).plusMinutes(5));

        anyRequest();

        assertThat(this.fixture.emulator().sweepExpired()).isZero();
    }

    @Test
    void explicitSweepPostponesTheNextAutomaticOneByAMinute() {
        signUpWithAPendingCode();
        this.fixture.clock().advance(CODE_LIFETIME.plus(Housekeeping.GRACE).minusSeconds(30));
        assertThat(this.fixture.emulator().sweepExpired()).isZero();

        // The code is now sweepable, but the last sweep was less than a minute ago.
        this.fixture.clock().advance(Duration.ofSeconds(40));
        anyRequest();

        assertThat(this.fixture.emulator().sweepExpired()).isEqualTo(1);
    }

    @Test
    void newPoolLetsTheKeySourcePrepareKeys() {
        AtomicInteger demands = new AtomicInteger();
        RsaKeySource source = new RsaKeySource() {
            @Override
            public RSAKey next() {
                return ReusableRsaKeys.source().next();
            }

            @Override
            public void expectDemand() {
                demands.incrementAndGet();
            }
        };
        CognitoEmulator emulator = CognitoEmulator.builder().keySource(source).build();

        assertThat(emulator.handle("CreateUserPool", "{\"PoolName\":\"pool\"}").status())
                .isEqualTo(200);

        assertThat(demands).hasValue(1);
    }

    @Test
    void discoveryDocumentNamesThePoolAsIssuer() {
        String document = this.fixture
                .emulator()
                .openidConfiguration(this.poolId, "http://localhost:9229")
                .orElseThrow();

        assertThat(document).contains("\"issuer\":\"http://localhost:9229/" + this.poolId + "\"");
        assertThat(this.fixture.emulator().openidConfiguration("us-east-1_nope12345", "http://localhost:9229"))
                .isEmpty();
    }
}
