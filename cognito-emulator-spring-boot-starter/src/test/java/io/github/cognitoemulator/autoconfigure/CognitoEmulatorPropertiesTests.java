package io.github.cognitoemulator.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class CognitoEmulatorPropertiesTests {

    private static CognitoEmulatorProperties withIssuer(String issuerBaseUrl) {
        return properties("/", issuerBaseUrl, null);
    }

    private static CognitoEmulatorProperties properties(String path, String issuerBaseUrl, String documentsPath) {
        return new CognitoEmulatorProperties(
                null,
                List.of("dev"),
                path,
                "us-east-1",
                "000000000000",
                issuerBaseUrl,
                new CognitoEmulatorProperties.Storage(null, null, null),
                Map.of(),
                null,
                documentsPath,
                List.of(),
                new CognitoEmulatorProperties.Security(true, "ROLE_", true),
                DataSize.ofMegabytes(2),
                new CognitoEmulatorProperties.RemoteAccess(false, List.of()));
    }

    @Test
    void documentsAreServedAtTheEmulatorsPathUnlessConfigured() {
        assertThat(properties("/aws", null, null).documentsPath()).isEqualTo("/aws");
        assertThat(properties("/", null, "/cognito").documentsPath()).isEqualTo("/cognito");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> properties("/", null, "cognito"))
                .withMessage("'documentsPath' must start with '/' but was 'cognito'");
    }

    @Test
    void issuerBaseUrlMustNotBeBlankNorEndWithASlash() {
        assertThat(withIssuer(null).issuerBaseUrl()).isNull();
        assertThat(withIssuer("https://idp.example.com").issuerBaseUrl()).isEqualTo("https://idp.example.com");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> withIssuer(" "))
                .withMessage("'issuerBaseUrl' must not be blank or end with '/' but was ' '");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> withIssuer("https://idp.example.com/"))
                .withMessage("'issuerBaseUrl' must not be blank or end with '/' but was 'https://idp.example.com/'");
    }

    @Test
    void storageIsInMemoryWithoutAUrl() {
        assertThat(new CognitoEmulatorProperties.Storage(null, null, null).inMemory())
                .isTrue();
        assertThat(new CognitoEmulatorProperties.Storage("jdbc:h2:mem:x", "sa", null).inMemory())
                .isFalse();
    }

    @Test
    void storageDescriptionHidesThePassword() {
        assertThat(new CognitoEmulatorProperties.Storage("jdbc:h2:mem:x", "sa", "secret").toString())
                .isEqualTo("Storage[url=jdbc:h2:mem:x, username=sa, password=***]");
        assertThat(new CognitoEmulatorProperties.Storage(null, null, null).toString())
                .isEqualTo("Storage[url=null, username=null, password=null]");
    }

    @Test
    void theRequestSizeLimitIsCognitosTwoMegabytesUnlessConfiguredWithinBounds() {
        assertThat(bind(Map.of()).maxRequestSize()).isEqualTo(DataSize.ofBytes(2_097_152));
        assertThat(bind(Map.of("cognito.emulator.max-request-size", "1B")).maxRequestSize())
                .isEqualTo(DataSize.ofBytes(1));
        assertThat(bind(Map.of("cognito.emulator.max-request-size", "2147483646B"))
                        .maxRequestSize())
                .isEqualTo(DataSize.ofBytes(2_147_483_646L));
        for (String size : new String[] {"0B", "2147483647B"}) {
            assertThatThrownBy(() -> bind(Map.of("cognito.emulator.max-request-size", size)))
                    .rootCause()
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("'maxRequestSize' must be between 1 and 2147483646 bytes but was '" + size + "'");
        }
    }

    @Test
    void remoteCallersAreRefusedAndNoAccessKeyIsSetByDefault() {
        CognitoEmulatorProperties.RemoteAccess remoteAccess = bind(Map.of()).remoteAccess();

        assertThat(remoteAccess.allowed()).isFalse();
        assertThat(remoteAccess.accessKeys()).isEmpty();
    }

    @Test
    void theAccessKeysCannotBeChangedOnceBound() {
        List<CognitoEmulatorProperties.AccessKey> keys =
                new java.util.ArrayList<>(List.of(new CognitoEmulatorProperties.AccessKey("AKID", "secret")));
        CognitoEmulatorProperties.RemoteAccess remoteAccess = new CognitoEmulatorProperties.RemoteAccess(true, keys);
        keys.clear();

        assertThat(remoteAccess.accessKeys()).hasSize(1);
        assertThatThrownBy(() -> remoteAccess.accessKeys().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    private static CognitoEmulatorProperties bind(Map<String, String> properties) {
        return new org.springframework.boot.context.properties.bind.Binder(
                        new org.springframework.boot.context.properties.source.MapConfigurationPropertySource(
                                properties))
                .bindOrCreate(CognitoEmulatorProperties.PREFIX, CognitoEmulatorProperties.class);
    }
}
