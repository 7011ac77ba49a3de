package io.github.cognitoemulator.autoconfigure.security;

import io.github.cognitoemulator.autoconfigure.CognitoEmulatorIssuer;
import io.github.cognitoemulator.core.CognitoEmulator;
import java.util.Iterator;
import java.util.List;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientProperties;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The reactive counterpart of {@link CognitoEmulatorClientRegistrationRepository}: the registrations of
 * {@code spring.security.oauth2.client.*}, those of the emulator's pools built in-process at first use. A registration
 * is looked up off the event loop, since building it reads the emulator's store, which may be a database.
 */
public final class CognitoEmulatorReactiveClientRegistrationRepository
        implements ReactiveClientRegistrationRepository, Iterable<ClientRegistration> {

    private final EmulatorClientRegistrations registrations;

    /**
     * @param properties the application's OAuth2 client properties
     * @param emulator the emulator whose pools' registrations are built in-process
     * @param issuer the issuer of the emulator's tokens
     */
    public CognitoEmulatorReactiveClientRegistrationRepository(
            OAuth2ClientProperties properties, CognitoEmulator emulator, CognitoEmulatorIssuer issuer) {
        this.registrations = new EmulatorClientRegistrations(properties, emulator, issuer);
    }

    /**
     * The registration with this id, or empty when there is none; an {@link IllegalStateException} when it is of a
     * pool the emulator had at startup and no longer has.
     */
    @Override
    public Mono<ClientRegistration> findByRegistrationId(String registrationId) {
        return Mono.fromCallable(() -> this.registrations.find(registrationId))
                .subscribeOn(Schedulers.boundedElastic());
    }

    /** The ids of the registrations built from the emulator's pools, in the order of the properties. */
    public List<String> emulatedRegistrationIds() {
        return this.registrations.emulatedRegistrationIds();
    }

    @Override
    public Iterator<ClientRegistration> iterator() {
        return this.registrations.iterator();
    }

    @Override
    public String toString() {
        return "CognitoEmulatorReactiveClientRegistrationRepository" + emulatedRegistrationIds();
    }
}
