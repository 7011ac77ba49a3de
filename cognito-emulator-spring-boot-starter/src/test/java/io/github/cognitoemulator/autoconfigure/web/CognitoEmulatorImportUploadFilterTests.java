package io.github.cognitoemulator.autoconfigure.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.github.cognitoemulator.core.CognitoEmulator;
import io.github.cognitoemulator.core.protocol.ProtocolResponse;
import io.github.cognitoemulator.core.token.RsaKeySource;
import io.github.cognitoemulator.core.userimport.UserImportActions;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class CognitoEmulatorImportUploadFilterTests {

    private final CognitoEmulator emulator =
            CognitoEmulator.builder().keySource(RsaKeySource.generating()).build();

    private final CognitoEmulatorImportUploadFilter filter =
            new CognitoEmulatorImportUploadFilter(this.emulator, "/cognito/");

    private String createJob() {
        String poolId = body(this.emulator.handle("CreateUserPool", "{\"PoolName\":\"pool\"}"))
                .replaceAll(".*\"Id\":\"([^\"]+)\".*", "$1");
        return body(this.emulator.handle(
                        "CreateUserImportJob",
                        "{\"UserPoolId\":\"" + poolId
                                + "\",\"JobName\":\"j\",\"CloudWatchLogsRoleArn\":\"arn:aws:iam::000000000000:role/import\"}"))
                .replaceAll(".*\"JobId\":\"([^\"]+)\".*", "$1");
    }

    private static String body(ProtocolResponse response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    private Exchange put(String path, byte[] content) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("PUT", path);
        request.setContent(content);
        var exchange = new Exchange(request, new MockHttpServletResponse(), new MockFilterChain());
        this.filter.doFilter(exchange.request, exchange.response, exchange.chain);
        return exchange;
    }

    @Test
    void takesTheFileOfAJob() throws Exception {
        Exchange exchange =
                put("/cognito/_emulator/user-import/" + createJob(), "a,b".getBytes(StandardCharsets.UTF_8));

        assertThat(exchange.chain.getRequest()).isNull();
        assertThat(exchange.response.getStatus()).isEqualTo(200);
        assertThat(exchange.response.getContentAsString()).isEmpty();
    }

    @Test
    void anUnknownJobIsNoSuchKey() throws Exception {
        Exchange unknown = put("/cognito/_emulator/user-import/import-nosuchjob1", new byte[1]);
        Exchange malformed = put("/cognito/_emulator/user-import/elsewhere", new byte[1]);

        assertThat(unknown.response.getStatus()).isEqualTo(404);
        assertThat(unknown.response.getContentType()).isEqualTo("application/xml");
        assertThat(unknown.response.getContentAsString())
                .isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>NoSuchKey</Code>"
                        + "<Message>The specified key does not exist.</Message></Error>");
        assertThat(malformed.response.getStatus()).isEqualTo(404);
    }

    @Test
    void aFileOverTheLimitIsTooLarge() throws Exception {
        String jobId = createJob();
        MockHttpServletRequest request = new MockHttpServletRequest("PUT", "/cognito/_emulator/user-import/" + jobId) {
            @Override
            public long getContentLengthLong() {
                return UserImportActions.MAX_FILE_BYTES + 1L;
            }
        };
        var response = new MockHttpServletResponse();

        this.filter.doFilter(request, response, new MockFilterChain());

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentAsString()).contains("<Code>EntityTooLarge</Code>");
    }

    @Test
    void aStartedJobTakesNoMoreFiles() throws Exception {
        String jobId = createJob();
        put(
                "/cognito/_emulator/user-import/" + jobId,
                "cognito:username,cognito:mfa_enabled\n".getBytes(StandardCharsets.UTF_8));
        String poolId = this.emulator
                .store()
                .resources()
                .find(UserImportActions.JOBS, jobId)
                .orElseThrow()
                .userPoolId();
        this.emulator.handle("StartUserImportJob", "{\"UserPoolId\":\"" + poolId + "\",\"JobId\":\"" + jobId + "\"}");

        Exchange exchange = put("/cognito/_emulator/user-import/" + jobId, new byte[1]);

        assertThat(exchange.response.getStatus()).isEqualTo(403);
        assertThat(exchange.response.getContentAsString()).contains("<Code>AccessDenied</Code>");
    }

    @Test
    void otherRequestsPassThrough() throws Exception {
        MockHttpServletRequest get = new MockHttpServletRequest("GET", "/cognito/_emulator/user-import/import-x");
        Exchange elsewhere = put("/other/_emulator/user-import/import-x", new byte[1]);
        var chain = new MockFilterChain();

        this.filter.doFilter(get, new MockHttpServletResponse(), chain);

        assertThat(chain.getRequest()).isSameAs(get);
        assertThat(elsewhere.chain.getRequest()).isNotNull();
    }

    @Test
    void thePathMustBeAbsolute() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new CognitoEmulatorImportUploadFilter(this.emulator, "cognito"))
                .withMessage("'path' must start with '/' but was 'cognito'");
    }

    private record Exchange(MockHttpServletRequest request, MockHttpServletResponse response, MockFilterChain chain) {}
}
