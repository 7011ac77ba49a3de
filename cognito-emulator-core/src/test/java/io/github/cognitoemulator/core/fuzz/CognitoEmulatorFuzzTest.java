package io.github.cognitoemulator.core.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cognitoemulator.core.fuzz.ValidRequests.Template;
import io.github.cognitoemulator.core.protocol.AwsJsonProtocol;
import io.github.cognitoemulator.core.protocol.ProtocolRequest;
import io.github.cognitoemulator.core.protocol.ProtocolResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.jspecify.annotations.Nullable;

/**
 * Sends the in-process emulator random and mutated requests for every action it serves, 100,000 in all, and checks
 * that it always answers as Cognito does: no exception out of {@code handle}, never a server error, errors in
 * Cognito's shape, and a rejected request leaves every observable state as it was.
 *
 * <p>Edge cases are not mixed in: the generators already name the values at the edges, and jqwik's combinations of
 * edge cases would crowd out the random cases.
 */
class CognitoEmulatorFuzzTest {

    private static FuzzFixture fixture;

    @BeforeContainer
    static void createFixture() {
        fixture = FuzzFixture.create();
    }

    @Example
    void everyActionHasAValidRequestToMutate() {
        assertThat(ValidRequests.uncovered(fixture.emulator().actionNames())).isEmpty();
        assertThat(fixture.emulator().actionNames()).containsAll(ValidRequests.actions());
    }

    @Example
    void aBodyBeyondTheJsonParsersLimitsIsASerializationError() {
        byte[] body = ("{\"PoolName\":\"" + "p".repeat(25_000_000) + "\"}").getBytes(StandardCharsets.UTF_8);

        send(
                new ProtocolRequest(AwsJsonProtocol.TARGET_PREFIX + "CreateUserPool", body, null),
                () -> "CreateUserPool with a pool name of 25,000,000 characters");
    }

    @Property(tries = 40_000, edgeCases = EdgeCasesMode.NONE)
    void anyBodyForAnyTargetGetsCognitosAnswer(
            @ForAll("targets") @Nullable String target,
            @ForAll("bodies") Fragment body,
            @ForAll("callers") Caller caller) {
        byte[] bytes = FuzzValues.resolve(body.bytes(), fixture.values());
        send(
                new ProtocolRequest(target, bytes, caller.region(), caller.issuerBaseUrl(), caller.signed()),
                () -> target + " " + caller + " " + body);
    }

    @Property(tries = 60_000, edgeCases = EdgeCasesMode.NONE)
    void aValidRequestWithOneMemberBrokenGetsCognitosAnswer(
            @ForAll("templates") Template template,
            @ForAll("mutations") Mutation mutation,
            @ForAll("signed") boolean signed) {
        byte[] body = FuzzValues.resolve(mutation.apply(template.body().apply(fixture)), fixture.values());
        send(
                new ProtocolRequest(AwsJsonProtocol.TARGET_PREFIX + template.action(), body, null, null, signed),
                () -> template + " " + mutation + (signed ? "" : " unsigned") + ": " + Fragment.preview(body));
    }

    private static void send(ProtocolRequest request, Supplier<String> description) {
        fixture.tick();
        ProtocolResponse response;
        try {
            response = fixture.emulator().handle(request);
        } catch (Throwable ex) {
            throw new AssertionError("handle() threw for " + description.get(), ex);
        }
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.putAll(response.headers());
        String error;
        try {
            error = CognitoAnswers.check(response.status(), headers::get, response.body(), description);
        } catch (AssertionError ex) {
            fixture.resync();
            throw ex;
        }
        fixture.verifyStateAfter(error == null, fixture.mayChangeSessions(actionOf(request.target())), description);
    }

    private static @Nullable String actionOf(@Nullable String target) {
        return (target != null && target.startsWith(AwsJsonProtocol.TARGET_PREFIX))
                ? target.substring(AwsJsonProtocol.TARGET_PREFIX.length())
                : null;
    }

    @Provide
    Arbitrary<String> targets() {
        return FuzzValues.targets(fixture.emulator().actionNames());
    }

    @Provide
    Arbitrary<Fragment> bodies() {
        return FuzzValues.bodies();
    }

    @Provide
    Arbitrary<Caller> callers() {
        // In-process callers may name any region or issuer; the web adapter only passes on what a signature names.
        Arbitrary<@Nullable String> regions = Arbitraries.of(
                        "eu-west-1", "ap-southeast-2", "", "us-east-1\n", "x".repeat(100))
                .injectNull(0.8);
        Arbitrary<@Nullable String> issuers = Arbitraries.of(
                        "http://localhost:4566", "", "http://h/" + "a".repeat(1000))
                .injectNull(0.8);
        return Combinators.combine(signed(), regions, issuers).as(Caller::new);
    }

    @Provide
    Arbitrary<Boolean> signed() {
        return Arbitraries.frequency(Tuple.of(19, true), Tuple.of(1, false));
    }

    @Provide
    Arbitrary<Template> templates() {
        return ValidRequests.weighted();
    }

    @Provide
    Arbitrary<Mutation> mutations() {
        return Mutation.mutations();
    }

    /**
     * What the transport says about a request besides its target and body.
     *
     * @param signed whether it carries a signature
     * @param region the region of its credential scope
     * @param issuerBaseUrl the base of token issuers
     */
    record Caller(
            boolean signed,
            @Nullable String region,
            @Nullable String issuerBaseUrl) {}
}
