package io.github.cognitoemulator.autoconfigure.security;

import java.util.Objects;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The reactive face of {@link CognitoEmulatorJwtDecoder}, for WebFlux applications: the same checks, in-process.
 * Decoding reads the emulator's store, a database when {@code cognito.emulator.storage.url} is set, so it runs on
 * Reactor's bounded elastic scheduler rather than on an event loop.
 */
public final class CognitoEmulatorReactiveJwtDecoder implements ReactiveJwtDecoder {

    private final CognitoEmulatorJwtDecoder decoder;

    /**
     * @param decoder the decoder that does the checks
     */
    public CognitoEmulatorReactiveJwtDecoder(CognitoEmulatorJwtDecoder decoder) {
        this.decoder = Objects.requireNonNull(decoder, "'decoder' must not be null");
    }

    @Override
    public Mono<Jwt> decode(String token) throws JwtException {
        return Mono.fromCallable(() -> this.decoder.decode(token)).subscribeOn(Schedulers.boundedElastic());
    }

    @Override
    public String toString() {
        return "CognitoEmulatorReactiveJwtDecoder[" + this.decoder + "]";
    }
}
