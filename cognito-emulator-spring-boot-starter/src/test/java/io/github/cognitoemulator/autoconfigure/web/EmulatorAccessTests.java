package io.github.cognitoemulator.autoconfigure.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.github.cognitoemulator.autoconfigure.CognitoEmulatorProperties;
import io.github.cognitoemulator.autoconfigure.CognitoEmulatorProperties.AccessKey;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class EmulatorAccessTests {

    private static final InetAddress OTHER_HOST = address("203.0.113.9");

    private static final InetAddress PRIVATE_HOST = address("10.1.2.3");

    private static final InetAddress IPV6_HOST = address("2001:db8::1");

    @Test
    void loopbackAddressesAreThisMachine() {
        for (String loopback : new String[] {"127.0.0.1", "127.255.255.254", "::1", "::ffff:127.0.0.1"}) {
            assertThat(EmulatorAccess.isLoopback(address(loopback)))
                    .as(loopback)
                    .isTrue();
        }
        for (String other :
                new String[] {"203.0.113.9", "10.1.2.3", "0.0.0.0", "::", "2001:db8::1", "::ffff:10.0.0.1"}) {
            assertThat(EmulatorAccess.isLoopback(address(other))).as(other).isFalse();
        }
        assertThat(EmulatorAccess.isLoopback(null)).isFalse();
    }

    @Test
    void byDefaultOnlyThisMachineIsAnsweredAndRequestsAreCappedAtCognitosTwoMegabytes() {
        EmulatorAccess access = EmulatorAccess.loopbackOnly();

        assertThat(access.admits(InetAddress.getLoopbackAddress())).isTrue();
        assertThat(access.admits(OTHER_HOST)).isFalse();
        assertThat(access.admits(PRIVATE_HOST)).isFalse();
        assertThat(access.admits(IPV6_HOST)).isFalse();
        assertThat(access.admits(null)).isFalse();
        assertThat(access.admitsToDeveloperPages(InetAddress.getLoopbackAddress()))
                .isTrue();
        assertThat(access.admitsToDeveloperPages(OTHER_HOST)).isFalse();
        assertThat(access.checksSignatures()).isFalse();
        assertThat(access.maxRequestBytes()).isEqualTo(2_097_152);
    }

    @Test
    void aTrustedNetworkLetsEveryoneInEverywhere() {
        EmulatorAccess access = new EmulatorAccess(true, Map.of(), 100);

        assertThat(access.admits(OTHER_HOST)).isTrue();
        assertThat(access.admits(null)).isTrue();
        assertThat(access.admitsToDeveloperPages(OTHER_HOST)).isTrue();
        assertThat(access.checksSignatures()).isFalse();
    }

    @Test
    void aSharedServerLetsEveryoneUseTheApiButKeepsTheInboxToThisMachine() {
        EmulatorAccess access = new EmulatorAccess(true, Map.of("AKID", "secret"), 100);

        assertThat(access.admits(OTHER_HOST)).isTrue();
        assertThat(access.admitsToDeveloperPages(OTHER_HOST)).isFalse();
        assertThat(access.admitsToDeveloperPages(null)).isFalse();
        assertThat(access.admitsToDeveloperPages(InetAddress.getLoopbackAddress()))
                .isTrue();
        assertThat(access.checksSignatures()).isTrue();
    }

    @Test
    void accessKeysWithoutRemoteCallersStillKeepTheInboxToThisMachine() {
        EmulatorAccess access = new EmulatorAccess(false, Map.of("AKID", "secret"), 100);

        assertThat(access.admits(OTHER_HOST)).isFalse();
        assertThat(access.admitsToDeveloperPages(OTHER_HOST)).isFalse();
        assertThat(access.checksSignatures()).isTrue();
    }

    @Test
    void theLimitMustBePositiveAndLeaveRoomForTheByteThatTellsALongerBodyApart() {
        assertThat(new EmulatorAccess(false, Map.of(), 1).maxRequestBytes()).isEqualTo(1);
        assertThat(new EmulatorAccess(false, Map.of(), Integer.MAX_VALUE - 1).maxRequestBytes())
                .isEqualTo(Integer.MAX_VALUE - 1);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new EmulatorAccess(false, Map.of(), 0))
                .withMessage("'maxRequestBytes' must be positive but was 0");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new EmulatorAccess(false, Map.of(), Integer.MAX_VALUE))
                .withMessage("'maxRequestBytes' must be positive but was 2147483647");
    }

    @Test
    void theAccessIsBoundFromTheEmulatorsProperties() {
        CognitoEmulatorProperties properties = bind(Map.of(
                "cognito.emulator.max-request-size", "64KB",
                "cognito.emulator.remote-access.allowed", "true",
                "cognito.emulator.remote-access.access-keys[0].id", "AKIAIOSFODNN7EXAMPLE",
                "cognito.emulator.remote-access.access-keys[0].secret", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"));

        EmulatorAccess access = EmulatorAccess.of(properties);

        assertThat(access.remoteCallersAllowed()).isTrue();
        assertThat(access.secretsByAccessKeyId())
                .containsExactly(Map.entry("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"));
        assertThat(access.maxRequestBytes()).isEqualTo(65_536);
        assertThat(properties.remoteAccess().accessKeys().get(0).toString())
                .isEqualTo("AccessKey[id=AKIAIOSFODNN7EXAMPLE, secret=***]");
    }

    @Test
    void theDefaultsAreLoopbackOnlyAndTwoMegabytes() {
        EmulatorAccess access = EmulatorAccess.of(bind(Map.of()));

        assertThat(access).isEqualTo(EmulatorAccess.loopbackOnly());
    }

    @Test
    void anAccessKeyConfiguredTwiceIsRefused() {
        CognitoEmulatorProperties properties = bind(Map.of(
                "cognito.emulator.remote-access.access-keys[0].id", "AKID",
                "cognito.emulator.remote-access.access-keys[0].secret", "a",
                "cognito.emulator.remote-access.access-keys[1].id", "AKID",
                "cognito.emulator.remote-access.access-keys[1].secret", "b"));

        assertThatIllegalArgumentException()
                .isThrownBy(() -> EmulatorAccess.of(properties))
                .withMessage("Access key 'AKID' is configured twice");
    }

    @Test
    void anAccessKeyNeedsAnIdAndASecret() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new AccessKey(" ", "secret"))
                .withMessage("'id' must not be blank");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new AccessKey(null, "secret"))
                .withMessage("'id' must not be blank");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new AccessKey("AKID", ""))
                .withMessage("'secret' of access key 'AKID' must not be empty");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new AccessKey("AKID", null))
                .withMessage("'secret' of access key 'AKID' must not be empty");
    }

    @Test
    void aServletContainersAddressIsParsedOnlyWhenItIsALiteral() {
        assertThat(EmulatorAccess.parseLiteral("127.0.0.1")).isEqualTo(address("127.0.0.1"));
        assertThat(EmulatorAccess.parseLiteral("0:0:0:0:0:0:0:1")).isEqualTo(address("::1"));
        assertThat(EmulatorAccess.parseLiteral("[::1]")).isEqualTo(address("::1"));
        assertThat(EmulatorAccess.parseLiteral("fe80::1%eth0")).isEqualTo(address("fe80::1"));
        assertThat(EmulatorAccess.parseLiteral("::ffff:127.0.0.1")).isEqualTo(address("127.0.0.1"));
        assertThat(EmulatorAccess.parseLiteral("203.0.113.9")).isEqualTo(OTHER_HOST);
        assertThat(EmulatorAccess.parseLiteral("localhost")).isNull();
        assertThat(EmulatorAccess.parseLiteral("example.com")).isNull();
        assertThat(EmulatorAccess.parseLiteral("1.2.3")).isNull();
        assertThat(EmulatorAccess.parseLiteral("1.2.3.4.5")).isNull();
        assertThat(EmulatorAccess.parseLiteral("999.0.0.1")).isNull();
        assertThat(EmulatorAccess.parseLiteral("::g")).isNull();
        assertThat(EmulatorAccess.parseLiteral(":::")).isNull();
        assertThat(EmulatorAccess.parseLiteral("")).isNull();
        assertThat(EmulatorAccess.parseLiteral("[]")).isNull();
        assertThat(EmulatorAccess.parseLiteral(null)).isNull();
    }

    @Test
    void aGuardedEndpointRefusesOnlyTheEmulatorsOwnRequestsOfCallersNotLetIn() {
        EmulatorHttp.Response answer = new EmulatorHttp.Response(200, Map.of(), new byte[] {1});
        EmulatorHttp.Endpoint endpoint = (request) -> request.path().equals("/mine")
                ? new EmulatorHttp.Handle(10, (body) -> answer, () -> answer)
                : EmulatorHttp.Pass.INSTANCE;
        EmulatorHttp.Endpoint guarded = EmulatorAccess.loopbackOnly().api(endpoint, EmulatorAccess::forbidden);

        EmulatorHttp.Route remote = guarded.route(request("/mine", OTHER_HOST));
        EmulatorHttp.Route local = guarded.route(request("/mine", InetAddress.getLoopbackAddress()));
        EmulatorHttp.Route notMine = guarded.route(request("/theirs", OTHER_HOST));

        assertThat(remote).isInstanceOfSatisfying(EmulatorHttp.Handle.class, (handle) -> {
            assertThat(handle.bodyLimit()).isZero();
            EmulatorHttp.Response refusal = handle.answer().apply(new byte[0]);
            assertThat(refusal.status()).isEqualTo(403);
            assertThat(refusal.headers())
                    .containsExactlyInAnyOrder(
                            new EmulatorHttp.Header("Content-Type", "text/plain;charset=UTF-8"),
                            new EmulatorHttp.Header("Cache-Control", "no-store"));
            assertThat(new String(refusal.body(), StandardCharsets.UTF_8))
                    .isEqualTo("The Cognito emulator answers callers on this machine only. Set"
                            + " cognito.emulator.remote-access.allowed=true to let other hosts in.");
        });
        assertThat(local)
                .isInstanceOfSatisfying(
                        EmulatorHttp.Handle.class,
                        (handle) -> assertThat(handle.bodyLimit()).isEqualTo(10));
        assertThat(notMine).isSameAs(EmulatorHttp.Pass.INSTANCE);
    }

    @Test
    void developerPagesFollowTheirOwnRule() {
        EmulatorHttp.Response answer = new EmulatorHttp.Response(200, Map.of(), new byte[0]);
        EmulatorHttp.Endpoint endpoint = (request) -> EmulatorHttp.Handle.withoutBody(() -> answer);
        EmulatorHttp.Endpoint sharedInbox =
                new EmulatorAccess(true, Map.of("AKID", "secret"), 100).developerPage(endpoint);
        EmulatorHttp.Endpoint trustedInbox = new EmulatorAccess(true, Map.of(), 100).developerPage(endpoint);

        assertThat(((EmulatorHttp.Handle) sharedInbox.route(request("/", OTHER_HOST)))
                        .answer()
                        .apply(new byte[0])
                        .status())
                .isEqualTo(403);
        assertThat(((EmulatorHttp.Handle) trustedInbox.route(request("/", OTHER_HOST)))
                        .answer()
                        .apply(new byte[0])
                        .status())
                .isEqualTo(200);
    }

    private static EmulatorHttp.Request request(String path, InetAddress remote) {
        return new EmulatorHttp.Request(
                "GET",
                path,
                EmulatorHttp.Headers.of(List::of, (name) -> List.of()),
                (name) -> null,
                0,
                null,
                path,
                remote);
    }

    private static CognitoEmulatorProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate(CognitoEmulatorProperties.PREFIX, CognitoEmulatorProperties.class);
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException ex) {
            throw new IllegalArgumentException(literal, ex);
        }
    }
}
