package io.github.cognitoemulator.sample;

import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.util.HtmlUtils;

/** The application's pages: a home page, and the signed-in user's account. */
@Controller
class AccountController {

    @GetMapping(value = "/", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    String home() {
        return page("Cognito emulator sample", "<p><a id=\"account\" href=\"/account\">Your account</a></p>");
    }

    /** Who the user is, from the ID token and userInfo of their managed login sign-in. */
    @GetMapping(value = "/account", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    String account(@AuthenticationPrincipal OidcUser user, CsrfToken csrf) {
        String body = "<p>Signed in as <strong id=\"username\">" + text(user.getName()) + "</strong></p>\n"
                + "<dl><dt>Name</dt><dd id=\"name\">" + text(user.getFullName()) + "</dd>\n"
                + "<dt>Email</dt><dd id=\"email\">" + text(user.getEmail()) + "</dd>\n"
                + "<dt>Subject</dt><dd id=\"sub\">" + text(user.getSubject()) + "</dd></dl>\n"
                + "<form method=\"post\" action=\"/logout\">"
                + "<input type=\"hidden\" name=\"" + text(csrf.getParameterName()) + "\" value=\""
                + text(csrf.getToken()) + "\">"
                + "<button id=\"sign-out\" type=\"submit\">Sign out</button></form>";
        return page("Your account", body);
    }

    private static String page(String title, String body) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + text(title)
                + "</title></head>\n<body><h1>" + text(title) + "</h1>\n" + body + "\n</body></html>\n";
    }

    private static String text(String value) {
        return (value != null) ? HtmlUtils.htmlEscape(value) : "";
    }
}
