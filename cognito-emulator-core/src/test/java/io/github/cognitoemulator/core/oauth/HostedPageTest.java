package io.github.cognitoemulator.core.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HostedPageTest {

    @Test
    void everyTextIsEscaped() {
        assertThat(HostedPage.escape("<a href=\"x\">'&'</a>"))
                .isEqualTo("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
        assertThat(HostedPage.escape(null)).isEmpty();
        String html = HostedPage.titled("<T>")
                .alert("<b>bad</b>")
                .paragraph("a & b")
                .link("/x?a=1&b=2", "<go>")
                .heading("<H>")
                .buttonLink("/y?a=1&b=2", "<B>")
                .or()
                .form(HostedPage.Form.posting("/p?a=1&b=2")
                        .hidden("h", "\"v\"")
                        .input("text", "n", "<L>", "username", "<v>")
                        .choice("c", "<C>", List.of("<o>"))
                        .submit("<S>"))
                .html();

        assertThat(html)
                .contains("<title>&lt;T&gt;</title>")
                .contains("<h1>&lt;T&gt;</h1>")
                .contains("<div id=\"errors\" role=\"alert\" class=\"error\">&lt;b&gt;bad&lt;/b&gt;</div>")
                .contains("<p>a &amp; b</p>")
                .contains("<p class=\"links\"><a href=\"/x?a=1&amp;b=2\">&lt;go&gt;</a></p>\n<h2>&lt;H&gt;</h2>\n"
                        + "<p><a class=\"button\" href=\"/y?a=1&amp;b=2\">&lt;B&gt;</a></p>\n<p class=\"or\">or</p>\n")
                .contains("a.button{display:block;")
                .contains("<form method=\"post\" action=\"/p?a=1&amp;b=2\" novalidate>")
                .contains("<input type=\"hidden\" name=\"h\" value=\"&quot;v&quot;\">")
                .contains("<label for=\"n\">&lt;L&gt;</label>")
                .contains(
                        "<input type=\"text\" id=\"n\" name=\"n\" autocomplete=\"username\" required value=\"&lt;v&gt;\">")
                .contains(
                        "<label for=\"c\">&lt;C&gt;</label>\n<select id=\"c\" name=\"c\">\n<option value=\"&lt;o&gt;\">&lt;o&gt;</option>\n</select>")
                .contains("<button type=\"submit\">&lt;S&gt;</button>\n</form>\n")
                .endsWith("</main>\n</body>\n</html>\n");
    }

    @Test
    void anEmptyAlertRegionIsStillThere() {
        assertThat(HostedPage.titled("T").alert(null).html()).contains("<div id=\"errors\" role=\"alert\"></div>");
        assertThat(HostedPage.titled("T").alert("").html()).contains("<div id=\"errors\" role=\"alert\"></div>");
    }

    @Test
    void hiddenFieldsWithoutValueAreLeftOutAndMapsKeepTheirOrder() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("b", "2");
        fields.put("a", "1");
        String html = HostedPage.titled("T")
                .form(HostedPage.Form.posting("/p").hidden("none", null).hidden(fields))
                .html();

        assertThat(html).doesNotContain("name=\"none\"");
        assertThat(html.indexOf("name=\"b\"")).isLessThan(html.indexOf("name=\"a\""));
    }

    @Test
    void aPageIsAnUncachedHtmlAnswer() {
        HostedResponse response = HostedPage.titled("T").ok(List.of(new HostedResponse.Header("Set-Cookie", "a=b")));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers())
                .containsExactly(
                        new HostedResponse.Header("Content-Type", "text/html;charset=UTF-8"),
                        new HostedResponse.Header("Set-Cookie", "a=b"),
                        new HostedResponse.Header("Cache-Control", "no-store"));
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).startsWith("<!DOCTYPE html>");
    }

    @Test
    void parametersAreDecodedAndEncoded() {
        Parameters parameters = Parameters.parse("a=1&b=x+y%2Fz&a=2&&c&d=%zz");

        assertThat(parameters.first("a")).isEqualTo("1");
        assertThat(parameters.repeated("a")).isTrue();
        assertThat(parameters.repeated("b")).isFalse();
        assertThat(parameters.repeated("nope")).isFalse();
        assertThat(parameters.first("b")).isEqualTo("x y/z");
        assertThat(parameters.first("c")).isEmpty();
        assertThat(parameters.nonEmpty("c")).isNull();
        assertThat(parameters.nonEmpty("b")).isEqualTo("x y/z");
        assertThat(parameters.first("d")).isEqualTo("%zz");
        assertThat(parameters.first("nope")).isNull();
        assertThat(parameters.firstValues())
                .containsExactly(
                        Map.entry("a", "1"), Map.entry("b", "x y/z"), Map.entry("c", ""), Map.entry("d", "%zz"));
        assertThat(parameters.without("a", "d").with("e", "é &").encode()).isEqualTo("b=x%20y%2Fz&c=&e=%C3%A9%20%26");
        assertThat(Parameters.parse(null)).isSameAs(Parameters.NONE);
        assertThat(Parameters.parse("")).isSameAs(Parameters.NONE);
    }

    @Test
    void onlyAFormPostHasFormParameters() {
        HostedRequest get = request("GET", "application/x-www-form-urlencoded", "a=1");
        HostedRequest json = request("POST", "application/json", "a=1");
        HostedRequest missing = request("POST", null, "a=1");
        HostedRequest form = request("POST", "Application/X-WWW-Form-Urlencoded; charset=UTF-8", "a=1");

        assertThat(Parameters.form(get)).isSameAs(Parameters.NONE);
        assertThat(Parameters.form(json)).isSameAs(Parameters.NONE);
        assertThat(Parameters.form(missing)).isSameAs(Parameters.NONE);
        assertThat(Parameters.form(form).first("a")).isEqualTo("1");
    }

    @Test
    void cookiesAreReadFromEveryCookieHeader() {
        HostedRequest request = new HostedRequest(
                "GET",
                "site",
                "http://localhost:4566/site",
                "http://localhost:4566",
                "/login",
                null,
                Map.of("Cookie", List.of("a=1; b=\"2\"; junk; =x", "a=3; c=")),
                new byte[0]);

        assertThat(Cookies.of(request)).containsExactly(Map.entry("a", "1"), Map.entry("b", "2"), Map.entry("c", ""));
        assertThat(Cookies.value(request, "b")).isEqualTo("2");
        assertThat(Cookies.path(request)).isEqualTo("/site");
        assertThat(Cookies.of(request("GET", null, ""))).isEmpty();
    }

    @Test
    void aSiteAtTheRootScopesCookiesToTheRoot() {
        HostedRequest request = new HostedRequest(
                "GET", "site", "http://auth.example.com", "http://localhost", "/login", null, Map.of(), new byte[0]);
        HostedRequest relative =
                new HostedRequest("GET", "site", "site", "http://localhost", "/login", null, Map.of(), new byte[0]);

        assertThat(Cookies.path(request)).isEqualTo("/");
        assertThat(Cookies.path(relative)).isEqualTo("/");
        assertThat(Cookies.clear(request, "x").value()).isEqualTo("x=; Max-Age=0; Path=/; HttpOnly; SameSite=Lax");
    }

    private static HostedRequest request(String method, String contentType, String body) {
        return new HostedRequest(
                method,
                "site",
                "http://localhost:4566/site",
                "http://localhost:4566",
                "/login",
                null,
                (contentType == null) ? Map.of() : Map.of("Content-Type", List.of(contentType)),
                body.getBytes(StandardCharsets.UTF_8));
    }
}
