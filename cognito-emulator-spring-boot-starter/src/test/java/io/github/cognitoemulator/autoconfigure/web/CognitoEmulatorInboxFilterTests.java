package io.github.cognitoemulator.autoconfigure.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.github.cognitoemulator.core.CognitoEmulator;
import io.github.cognitoemulator.core.token.RsaKeySource;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class CognitoEmulatorInboxFilterTests {

    private final CognitoEmulator emulator =
            CognitoEmulator.builder().keySource(RsaKeySource.generating()).build();

    private final CognitoEmulatorInboxFilter filter = new CognitoEmulatorInboxFilter(this.emulator, "/cognito/");

    @Test
    void servesTheMessagesOfAUserWithoutCrossOriginAccess() throws Exception {
        String poolId = new String(
                        this.emulator
                                .handle("CreateUserPool", "{\"PoolName\":\"pool\"}")
                                .body(),
                        StandardCharsets.UTF_8)
                .replaceAll(".*\"Id\":\"([^\"]+)\".*", "$1");
        this.emulator.handle(
                "AdminCreateUser",
                "{\"UserPoolId\":\"" + poolId + "\",\"Username\":\"alice\",\"TemporaryPassword\":\"Temp1234!\","
                        + "\"DesiredDeliveryMediums\":[\"EMAIL\"],"
                        + "\"UserAttributes\":[{\"Name\":\"email\",\"Value\":\"alice@example.com\"}]}");
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/cognito/_emulator/messages");
        request.setParameter("poolId", poolId);
        request.setParameter("username", "alice");
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();

        this.filter.doFilter(request, response, chain);

        assertThat(chain.getRequest()).isNull();
        assertThat(response.getContentType()).isEqualTo("application/json;charset=UTF-8");
        assertThat(response.getHeader("Access-Control-Allow-Origin")).isNull();
        assertThat(response.getHeader("Cache-Control")).isEqualTo("no-store");
        assertThat(response.getContentAsString())
                .contains("\"username\":\"alice\"")
                .contains("Temp1234!");
        assertThat(response.getContentLength()).isEqualTo(response.getContentAsByteArray().length);
    }

    @Test
    void passesOnEverythingElse() throws Exception {
        for (MockHttpServletRequest request : new MockHttpServletRequest[] {
            new MockHttpServletRequest("POST", "/cognito/_emulator/messages"),
            new MockHttpServletRequest("GET", "/_emulator/messages"),
            new MockHttpServletRequest("GET", "/cognito/_emulator/messages/x")
        }) {
            MockFilterChain chain = new MockFilterChain();
            this.filter.doFilter(request, new MockHttpServletResponse(), chain);
            assertThat(chain.getRequest()).isSameAs(request);
        }
    }

    @Test
    void rejectsAPathThatDoesNotStartWithASlash() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new CognitoEmulatorInboxFilter(this.emulator, "cognito"))
                .withMessage("'path' must start with '/' but was 'cognito'");
    }
}
