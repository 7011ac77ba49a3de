package io.github.cognitoemulator.autoconfigure.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.github.cognitoemulator.autoconfigure.CognitoEmulatorIssuer;
import io.github.cognitoemulator.core.CognitoEmulator;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class CognitoJsonProtocolFilterTests {

    private static final CognitoEmulatorIssuer ISSUER = new CognitoEmulatorIssuer(null, "", "/", 8080);

    private static final String LIST_USER_POOLS = "AWSCognitoIdentityProviderService.ListUserPools";

    private final CognitoEmulator emulator = CognitoEmulator.builder().build();

    @Test
    void answersAtAConfiguredPathWithOrWithoutATrailingSlash() throws Exception {
        CognitoJsonProtocolFilter filter = new CognitoJsonProtocolFilter(this.emulator, "/cognito/", ISSUER);
        assertThat(run(filter, cognitoCall("/cognito")).chain.getRequest()).isNull();
        assertThat(run(filter, cognitoCall("/cognito/")).chain.getRequest()).isNull();
    }

    @Test
    void passesOnCallsToOtherPaths() throws Exception {
        CognitoJsonProtocolFilter filter = new CognitoJsonProtocolFilter(this.emulator, "/cognito", ISSUER);
        assertThat(run(filter, cognitoCall("/")).chain.getRequest()).isNotNull();
        assertThat(run(filter, cognitoCall("/cognito/users")).chain.getRequest())
                .isNotNull();
    }

    @Test
    void answersAtThePathWithinTheServletContext() throws Exception {
        CognitoJsonProtocolFilter filter = new CognitoJsonProtocolFilter(this.emulator, "/", ISSUER);
        MockHttpServletRequest request = cognitoCall("/api/");
        request.setContextPath("/api");
        Exchange exchange = run(filter, request);
        assertThat(exchange.chain.getRequest()).isNull();
        assertThat(exchange.response.getStatus()).isEqualTo(200);
        assertThat(exchange.response.getContentAsString()).isEqualTo("{\"UserPools\":[]}");
    }

    @Test
    void passesOnNonCognitoMethods() throws Exception {
        CognitoJsonProtocolFilter filter = new CognitoJsonProtocolFilter(this.emulator, "/", ISSUER);
        MockHttpServletRequest request = cognitoCall("/");
        request.setMethod("GET");
        assertThat(run(filter, request).chain.getRequest()).isNotNull();
    }

    @Test
    void passesOnPreflightsThatDoNotAskForTheTargetHeader() throws Exception {
        CognitoJsonProtocolFilter filter = new CognitoJsonProtocolFilter(this.emulator, "/", ISSUER);
        MockHttpServletRequest request = new MockHttpServletRequest("OPTIONS", "/");
        request.addHeader("Origin", "http://localhost:5173");
        request.addHeader("Access-Control-Request-Method", "POST");
        request.addHeader("Access-Control-Request-Headers", "content-type");
        assertThat(run(filter, request).chain.getRequest()).isNotNull();
    }

    @Test
    void answersAPreflightAllowingTheHeadersTheBrowserAsksFor() throws Exception {
        CognitoJsonProtocolFilter filter = new CognitoJsonProtocolFilter(this.emulator, "/", ISSUER);
        MockHttpServletRequest request = new MockHttpServletRequest("OPTIONS", "/");
        request.addHeader("Origin", "http://localhost:5173");
        request.addHeader("Access-Control-Request-Method", "POST");
        request.addHeader("Access-Control-Request-Headers", "content-type, x-amz-target,x-amz-user-agent");

        Exchange exchange = run(filter, request);

        assertThat(exchange.chain.getRequest()).isNull();
        assertThat(exchange.response.getStatus()).isEqualTo(200);
        assertThat(exchange.response.getHeader("Access-Control-Allow-Origin")).isEqualTo("*");
        assertThat(exchange.response.getHeader("Access-Control-Allow-Methods")).isEqualTo("POST, OPTIONS");
        assertThat(exchange.response.getHeader("Access-Control-Allow-Headers"))
                .isEqualTo("content-type, x-amz-target, x-amz-user-agent");
        assertThat(exchange.response.getHeader("Access-Control-Expose-Headers"))
                .isEqualTo("x-amzn-RequestId,x-amzn-ErrorType,x-amzn-ErrorMessage,Date");
        assertThat(exchange.response.getHeader("Access-Control-Max-Age")).isEqualTo("86400");
        assertThat(exchange.response.getContentAsByteArray()).isEmpty();
    }

    @Test
    void rejectsAPathThatDoesNotStartWithASlash() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new CognitoJsonProtocolFilter(this.emulator, "cognito", ISSUER));
    }

    @Test
    void readsTheRegionFromTheCredentialScope() {
        assertThat(JsonProtocolEndpoint.credentialScopeRegion(
                        "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260101/eu-west-1/cognito-idp/aws4_request, "
                                + "SignedHeaders=host;x-amz-date;x-amz-target, Signature=abc"))
                .isEqualTo("eu-west-1");
        assertThat(JsonProtocolEndpoint.credentialScopeRegion(
                        "AWS4-HMAC-SHA256 Credential=AKID/20260101/us-gov-west-1/cognito-idp/aws4_request"))
                .isEqualTo("us-gov-west-1");
    }

    @Test
    void leavesTheRegionToTheEmulatorWithoutACredentialScope() {
        assertThat(JsonProtocolEndpoint.credentialScopeRegion(null)).isNull();
        assertThat(JsonProtocolEndpoint.credentialScopeRegion("Bearer token")).isNull();
        assertThat(JsonProtocolEndpoint.credentialScopeRegion("AWS4-HMAC-SHA256 Credential=AKID/20260101"))
                .isNull();
    }

    private static MockHttpServletRequest cognitoCall(String uri) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", uri);
        request.addHeader("X-Amz-Target", LIST_USER_POOLS);
        request.addHeader(
                "Authorization",
                "AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/cognito-idp/aws4_request, "
                        + "SignedHeaders=host;x-amz-target, Signature=0");
        request.setContentType("application/x-amz-json-1.1");
        request.setContent("{\"MaxResults\":10}".getBytes(StandardCharsets.UTF_8));
        return request;
    }

    private static Exchange run(CognitoJsonProtocolFilter filter, MockHttpServletRequest request) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(request, response, chain);
        return new Exchange(response, chain);
    }

    private record Exchange(MockHttpServletResponse response, MockFilterChain chain) {}
}
