package io.github.cognitoemulator.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.github.cognitoemulator.core.SignInFixture.AppClient;
import io.github.cognitoemulator.core.SignInFixture.Tokens;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EmulatorClockTest {

    private static final Instant START = Instant.parse("2024-03-05T09:07:02.5Z");

    private final EmulatorClock clock = new EmulatorClock(Clock.fixed(START, ZoneOffset.UTC));

    @Test
    void readsTheBaseClockUntilAdvanced() {
        assertThat(this.clock.instant()).isEqualTo(START);
        assertThat(this.clock.millis()).isEqualTo(START.toEpochMilli());
        assertThat(this.clock.offset()).isEqualTo(Duration.ZERO);
        assertThat(this.clock.getZone()).isEqualTo(ZoneOffset.UTC);
        assertThat(this.clock.base()).isEqualTo(Clock.fixed(START, ZoneOffset.UTC));
    }

    @Test
    void advancesAddUpAndResetGoesBackToTheBase() {
        this.clock.advance(Duration.ofMinutes(5));
        this.clock.advance(Duration.ofSeconds(1));

        assertThat(this.clock.offset()).isEqualTo(Duration.ofSeconds(301));
        assertThat(this.clock.instant()).isEqualTo(START.plusSeconds(301));
        assertThat(this.clock.millis()).isEqualTo(START.plusSeconds(301).toEpochMilli());
        assertThat(this.clock).hasToString("EmulatorClock[base=" + this.clock.base() + ", offset=PT5M1S]");

        this.clock.reset();

        assertThat(this.clock.instant()).isEqualTo(START);
        assertThat(this.clock.offset()).isEqualTo(Duration.ZERO);
    }

    @Test
    void onlyMovesForward() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> this.clock.advance(Duration.ZERO))
                .withMessage("The clock only moves forward, by a positive amount, not by PT0S");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> this.clock.advance(Duration.ofSeconds(-1)))
                .withMessage("The clock only moves forward, by a positive amount, not by PT-1S");
        this.clock.advance(Duration.ofNanos(1));
        assertThat(this.clock.instant()).isEqualTo(START.plusNanos(1));
    }

    @Test
    void anotherZoneSharesTheOffset() {
        ZoneId paris = ZoneId.of("Europe/Paris");
        Clock inParis = this.clock.withZone(paris);

        this.clock.advance(Duration.ofHours(1));

        assertThat(inParis.getZone()).isEqualTo(paris);
        assertThat(inParis.instant()).isEqualTo(START.plusSeconds(3600));
    }

    @Test
    void theEmulatorWrapsTheBuildersClockAndHandsItToEveryPart() {
        SignInFixture fixture = SignInFixture.create();

        EmulatorClock emulatorClock = fixture.emulator().clock();

        assertThat(emulatorClock.base()).isSameAs(fixture.clock());
        assertThat(emulatorClock.instant()).isEqualTo(SignInFixture.START);
    }

    @Test
    void advancingExpiresAnAccessTokenExactlyAtItsExpiry() {
        SignInFixture fixture = SignInFixture.create();
        String poolId = fixture.createPool();
        AppClient client = fixture.createPasswordClient(poolId);
        fixture.createConfirmedUser(poolId, "alice", SignInFixture.PASSWORD);
        Tokens tokens = SignInFixture.tokens(fixture.signIn(client.id(), "alice", SignInFixture.PASSWORD));

        fixture.emulator().clock().advance(Duration.ofHours(1).minusSeconds(1));
        assertThat(fixture.getUser(tokens.accessToken()).status()).isEqualTo(200);

        fixture.emulator().clock().advance(Duration.ofSeconds(1));
        assertThat(fixture.getUser(tokens.accessToken()).error())
                .isEqualTo("400 NotAuthorizedException: Access Token has expired");
    }

    @Test
    void advancingExpiresAConfirmationCodeExactlyAfterTwentyFourHours() {
        SignInFixture fixture = SignInFixture.create();
        String poolId = fixture.createPool(Map.of("AutoVerifiedAttributes", List.of("email")));
        AppClient client = fixture.createPasswordClient(poolId);
        for (String username : List.of("alice", "bob")) {
            fixture.call(
                            "SignUp",
                            Map.of(
                                    "ClientId",
                                    client.id(),
                                    "Username",
                                    username,
                                    "Password",
                                    SignInFixture.PASSWORD,
                                    "UserAttributes",
                                    EmulatorFixture.attributes("email", username + "@example.com")))
                    .requireSuccess();
        }
        String aliceCode = fixture.latestCode(poolId, "alice");
        String bobCode = fixture.latestCode(poolId, "bob");

        fixture.emulator().clock().advance(Duration.ofHours(24).minusSeconds(1));
        assertThat(confirm(fixture, client, "alice", aliceCode).status()).isEqualTo(200);

        fixture.emulator().clock().advance(Duration.ofSeconds(1));
        assertThat(confirm(fixture, client, "bob", bobCode).error())
                .isEqualTo("400 ExpiredCodeException: Invalid code provided, please request a code again.");
    }

    private static EmulatorFixture.Reply confirm(
            SignInFixture fixture, AppClient client, String username, String code) {
        return fixture.call(
                "ConfirmSignUp", Map.of("ClientId", client.id(), "Username", username, "ConfirmationCode", code));
    }
}
