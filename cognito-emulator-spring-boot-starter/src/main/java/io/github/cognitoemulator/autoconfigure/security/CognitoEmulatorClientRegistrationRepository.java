package io.github.cognitoemulator.autoconfigure.security;

import io.github.cognitoemulator.autoconfigure.CognitoEmulatorIssuer;
import io.github.cognitoemulator.core.CognitoEmulator;
import java.util.Iterator;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientProperties;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;

/**
 * The client registrations of {@code spring.security.oauth2.client.*}, where those whose provider's
 * {@code issuer-uri} names one of the emulator's pools are built in-process from the pool's discovery document: at
 * first use rather than at startup, when the application's server, which serves that document, is not yet listening.
 * Other registrations are Spring Boot's. It is iterable, as Spring Boot's repository is, so that {@code oauth2Login()}
 * lists the registrations on its login page, or sends the browser straight to the only one.
 */
public final class CognitoEmulatorClientRegistrationRepository
        implements ClientRegistrationRepository, Iterable<ClientRegistration> {

    private final EmulatorClientRegistrations registrations;

    /**
     * @param properties the application's OAuth2 client properties
     * @param emulator the emulator whose pools' registrations are built in-process
     * @param issuer the issuer of the emulator's tokens
     */
    public CognitoEmulatorClientRegistrationRepository(
            OAuth2ClientProperties properties, CognitoEmulator emulator, CognitoEmulatorIssuer issuer) {
        this.registrations = new EmulatorClientRegistrations(properties, emulator, issuer);
    }

    /**
     * The registration with this id, or {@code null} when there is none.
     *
     * @throws IllegalStateException when it is of a pool the emulator had at startup and no longer has
     */
    @Override
    public @Nullable ClientRegistration findByRegistrationId(String registrationId) {
        return this.registrations.find(registrationId);
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
        return "CognitoEmulatorClientRegistrationRepository" + emulatedRegistrationIds();
    }
}
