package io.github.cognitoemulator.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.RSAKey;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * A record's own {@code toString} prints every component, so a record that holds a secret and is ever logged, or put
 * in an exception message, leaks it. Every record of the core that holds a password, a code, a token, a client
 * secret, a session, SRP's private values or a private key must describe itself without them.
 */
class RedactedDescriptionsTest {

    /** The names of the components that hold a secret when their values are text, numbers, lists or maps. */
    private static final Set<String> SECRET_NAMES = Set.of(
            "password",
            "temporaryPassword",
            "previousPassword",
            "proposedPassword",
            "code",
            "confirmationCode",
            "superseded",
            "body",
            "clientSecret",
            "secretHash",
            "session",
            "authParameters",
            "challengeResponses",
            "data",
            "token",
            "idToken",
            "accessToken",
            "refreshToken",
            "verifier",
            "secret",
            "pendingSecret",
            "userCode",
            "b");

    /** The types that hold a secret in clear; anything else (a credential, a duration, bytes) is not text. */
    private static final Set<Class<?>> CLEAR_TYPES = Set.of(String.class, Map.class, List.class, BigInteger.class);

    private static final RSAKey PRIVATE_KEY = ReusableRsaKeys.source().next();

    private static final List<Class<?>> RECORDS = new ClassFileImporter()
                    .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                    .importPackages("io.github.cognitoemulator.core")
                    .stream()
                    .map(JavaClass::reflect)
                    .filter(Class::isRecord)
                    .toList();

    @Test
    void noRecordDescriptionShowsASecret() throws ReflectiveOperationException {
        List<Class<?>> holding = RECORDS.stream()
                .filter((type) ->
                        Arrays.stream(type.getRecordComponents()).anyMatch(RedactedDescriptionsTest::holdsSecret))
                .toList();
        assertThat(holding)
                .extracting(Class::getSimpleName)
                .contains("Message", "UserPoolClient", "AuthSession", "PendingCode", "IssuedTokens", "PoolKeys")
                .contains("PasswordCredential", "SrpSession", "InitiateAuthRequest", "ConfirmSignUpRequest")
                .contains("UserMfa", "VerifySoftwareTokenRequest");

        List<String> leaks = new ArrayList<>();
        for (Class<?> type : holding) {
            RecordComponent[] components = type.getRecordComponents();
            Object[] values = new Object[components.length];
            List<String> secrets = new ArrayList<>();
            for (int i = 0; i < components.length; i++) {
                values[i] = value(components[i], secrets);
            }
            Constructor<?> constructor = type.getDeclaredConstructor(
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
            constructor.setAccessible(true);
            String description = constructor.newInstance(values).toString();
            secrets.stream()
                    .filter(description::contains)
                    .forEach((secret) -> leaks.add(type.getSimpleName() + " shows " + secret + ": " + description));
        }
        assertThat(leaks).isEmpty();
    }

    private static boolean holdsSecret(RecordComponent component) {
        return component.getType() == RSAKey.class
                || (SECRET_NAMES.contains(component.getName()) && CLEAR_TYPES.contains(component.getType()));
    }

    /** A value for {@code component}: a recognisable secret, noted in {@code secrets}, where it holds one. */
    private static @Nullable Object value(RecordComponent component, List<String> secrets) {
        Class<?> type = component.getType();
        boolean secret = holdsSecret(component);
        String marker = "secret-" + component.getName() + "-5ec7e7";
        if (type == RSAKey.class) {
            secrets.add(PRIVATE_KEY.getPrivateExponent().toString());
            secrets.add(PRIVATE_KEY.getFirstPrimeFactor().toString());
            return PRIVATE_KEY;
        }
        if (type == BigInteger.class) {
            BigInteger number = new BigInteger(
                    "5ec7e7" + Integer.toHexString(component.getName().hashCode()), 16);
            if (secret) {
                secrets.add(number.toString(16));
                secrets.add(number.toString());
            }
            return number;
        }
        if (secret) {
            secrets.add(marker);
        }
        if (type == String.class) {
            return secret ? marker : component.getName();
        }
        if (type == Map.class) {
            return secret ? Map.of("KEY", marker) : Map.of();
        }
        if (type == List.class) {
            return secret ? List.of(marker) : List.of();
        }
        if (type == boolean.class) {
            return false;
        }
        if (type == int.class) {
            // Positive, as counts and capacities must be.
            return 1;
        }
        if (type == long.class) {
            return 0L;
        }
        if (type == Instant.class) {
            return Instant.EPOCH;
        }
        if (type.isEnum()) {
            return type.getEnumConstants()[0];
        }
        return null;
    }
}
