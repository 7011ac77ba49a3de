package io.github.cognitoemulator.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

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
}
