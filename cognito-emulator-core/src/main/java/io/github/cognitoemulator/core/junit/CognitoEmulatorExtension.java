package io.github.cognitoemulator.core.junit;

import io.github.cognitoemulator.core.CognitoEmulator;
import io.github.cognitoemulator.core.testkit.CognitoTestKit;
import java.util.Objects;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A {@link CognitoEmulator} for JUnit 5 tests without Spring: one emulator per test class, emptied before each test,
 * and {@link CognitoEmulator} and {@link CognitoTestKit} parameters for test and lifecycle methods.
 *
 * <pre>{@code
 * class SignInTests {
 *
 *     @RegisterExtension
 *     static CognitoEmulatorExtension cognito = CognitoEmulatorExtension.create();
 *
 *     @Test
 *     void signsIn(CognitoTestKit kit) { ... }
 * }
 * }</pre>
 *
 * <p>Before each test the emulator is {@linkplain CognitoTestKit#reset() reset}: its state is emptied (then seeded
 * again, when seeding is configured) and its clock set back, so no test sees another's pools, users or time. Tokens
 * name Cognito's own issuer, {@code https://cognito-idp.<region>.amazonaws.com/<pool id>}. Tests of one class that
 * run in parallel share the emulator and its resets; run them one at a time.
 */
public final class CognitoEmulatorExtension implements BeforeEachCallback, ParameterResolver {

    private final Consumer<CognitoEmulator.Builder> customizer;

    private @Nullable CognitoTestKit kit;

    private CognitoEmulatorExtension(Consumer<CognitoEmulator.Builder> customizer) {
        this.customizer = customizer;
    }

    /** An extension whose emulator has the builder's defaults. */
    public static CognitoEmulatorExtension create() {
        return create((builder) -> {});
    }

    /**
     * An extension whose emulator is configured by {@code customizer}, for example with a fixed base clock, a region
     * or Lambda trigger handlers.
     */
    public static CognitoEmulatorExtension create(Consumer<CognitoEmulator.Builder> customizer) {
        return new CognitoEmulatorExtension(Objects.requireNonNull(customizer, "'customizer' must not be null"));
    }

    /** The emulator, built on first use. */
    public CognitoEmulator emulator() {
        return testKit().emulator();
    }

    /** The test kit over the emulator, built on first use. */
    public synchronized CognitoTestKit testKit() {
        CognitoTestKit built = this.kit;
        if (built == null) {
            CognitoEmulator.Builder builder = CognitoEmulator.builder();
            this.customizer.accept(builder);
            built = CognitoTestKit.of(builder.build());
            this.kit = built;
        }
        return built;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        testKit().reset();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        return type == CognitoEmulator.class || type == CognitoTestKit.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return (parameterContext.getParameter().getType() == CognitoTestKit.class) ? testKit() : emulator();
    }
}
