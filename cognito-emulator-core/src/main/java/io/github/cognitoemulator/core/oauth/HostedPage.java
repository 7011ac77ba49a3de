package io.github.cognitoemulator.core.oauth;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The layout every managed login page shares: one accessible HTML document with inline styles only (no scripts, no
 * external assets), and the helpers pages build their forms with. Every text given to it is escaped here, so that a
 * page never writes caller input into HTML by itself.
 */
public final class HostedPage {

    /** The content type of every page. */
    public static final String HTML = "text/html;charset=UTF-8";

    private static final String STYLE = "body{font-family:system-ui,sans-serif;background:#f2f3f3;margin:0}"
            + "main{max-width:24rem;margin:3rem auto;background:#fff;padding:2rem;border-radius:.5rem;"
            + "box-shadow:0 1px 3px rgba(0,0,0,.2)}"
            + "h1{font-size:1.4rem;margin-top:0}label{display:block;margin:1rem 0 .25rem;font-weight:600}"
            + "input[type=text],input[type=password],input[type=email],input[type=tel]{width:100%;"
            + "box-sizing:border-box;padding:.5rem;font-size:1rem;border:1px solid #687078;border-radius:.25rem}"
            + "button{margin-top:1.5rem;width:100%;padding:.6rem;font-size:1rem;background:#0972d3;color:#fff;"
            + "border:0;border-radius:.25rem;cursor:pointer}"
            + "button:focus,input:focus,a:focus{outline:3px solid #0972d3;outline-offset:2px}"
            + ".error{color:#b3261e;background:#fdecea;padding:.5rem;border-radius:.25rem}"
            + ".links{margin-top:1.5rem}.links a{display:block;margin:.25rem 0}"
            + "h2{font-size:1.1rem;margin:1.5rem 0 .5rem}"
            + "a.button{display:block;text-align:center;margin-top:.75rem;padding:.6rem;font-size:1rem;"
            + "background:#0972d3;color:#fff;border-radius:.25rem;text-decoration:none}"
            + ".or{text-align:center;margin:1.5rem 0 0;color:#687078}";

    private final String title;

    private final StringBuilder content = new StringBuilder();

    private HostedPage(String title) {
        this.title = title;
    }

    /** A page with {@code title} as both the document title and its heading. */
    public static HostedPage titled(String title) {
        HostedPage page = new HostedPage(title);
        page.content.append("<h1>").append(escape(title)).append("</h1>\n");
        return page;
    }

    /** Escapes {@code text} for HTML element content and double-quoted attribute values. */
    public static String escape(@Nullable String text) {
        if (text == null) {
            return "";
        }
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&':
                    escaped.append("&amp;");
                    break;
                case '<':
                    escaped.append("&lt;");
                    break;
                case '>':
                    escaped.append("&gt;");
                    break;
                case '"':
                    escaped.append("&quot;");
                    break;
                case '\'':
                    escaped.append("&#39;");
                    break;
                default:
                    escaped.append(c);
            }
        }
        return escaped.toString();
    }

    /**
     * The region announcing an error to assistive technology; always present so that screen readers watch it, empty
     * when there is nothing to say.
     */
    public HostedPage alert(@Nullable String message) {
        if (message == null || message.isEmpty()) {
            this.content.append("<div id=\"errors\" role=\"alert\"></div>\n");
        } else {
            this.content
                    .append("<div id=\"errors\" role=\"alert\" class=\"error\">")
                    .append(escape(message))
                    .append("</div>\n");
        }
        return this;
    }

    /** A paragraph of text. */
    public HostedPage paragraph(String text) {
        this.content.append("<p>").append(escape(text)).append("</p>\n");
        return this;
    }

    /** A heading of a part of the page, below the page's own. */
    public HostedPage heading(String text) {
        this.content.append("<h2>").append(escape(text)).append("</h2>\n");
        return this;
    }

    /**
     * A link shown as a button: an action that leaves the page with a plain {@code GET}, such as signing in with an
     * external identity provider.
     */
    public HostedPage buttonLink(String href, String text) {
        this.content
                .append("<p><a class=\"button\" href=\"")
                .append(escape(href))
                .append("\">")
                .append(escape(text))
                .append("</a></p>\n");
        return this;
    }

    /** The separator between two ways of doing the same thing. */
    public HostedPage or() {
        this.content.append("<p class=\"or\">or</p>\n");
        return this;
    }

    /** A link. */
    public HostedPage link(String href, String text) {
        this.content
                .append("<p class=\"links\"><a href=\"")
                .append(escape(href))
                .append("\">")
                .append(escape(text))
                .append("</a></p>\n");
        return this;
    }

    /** A form, added to the page once built. */
    public HostedPage form(Form form) {
        this.content.append(form.html());
        return this;
    }

    /** The page as an answer with {@code status}, and {@code headers} (cookies, for example). */
    public HostedResponse response(int status, List<HostedResponse.Header> headers) {
        return HostedResponse.of(status, HTML, html(), noStore(headers));
    }

    /** The page as a 200 answer. */
    public HostedResponse ok(List<HostedResponse.Header> headers) {
        return response(200, headers);
    }

    /** The whole document. */
    public String html() {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>" + escape(this.title) + "</title>\n<style>" + STYLE + "</style>\n</head>\n<body>\n<main>\n"
                + this.content + "</main>\n</body>\n</html>\n";
    }

    private static List<HostedResponse.Header> noStore(List<HostedResponse.Header> headers) {
        List<HostedResponse.Header> all = new ArrayList<>(headers);
        all.add(new HostedResponse.Header("Cache-Control", "no-store"));
        return all;
    }

    /** A form posting to {@code action}; fields are labelled, and hidden fields carry state through the steps. */
    public static final class Form {

        private final StringBuilder html = new StringBuilder();

        private Form(String action) {
            this.html
                    .append("<form method=\"post\" action=\"")
                    .append(escape(action))
                    .append("\" novalidate>\n");
        }

        /** A form posting to {@code action} (a URL, relative or absolute). */
        public static Form posting(String action) {
            return new Form(action);
        }

        /** A hidden field. */
        public Form hidden(String name, @Nullable String value) {
            if (value != null) {
                this.html
                        .append("<input type=\"hidden\" name=\"")
                        .append(escape(name))
                        .append("\" value=\"")
                        .append(escape(value))
                        .append("\">\n");
            }
            return this;
        }

        /** Hidden fields, one per entry, in the map's order. */
        public Form hidden(Map<String, String> values) {
            values.forEach(this::hidden);
            return this;
        }

        /**
         * A labelled input.
         *
         * @param type the input type: {@code text}, {@code password}, {@code email}, {@code tel}
         * @param name the field name, also its id
         * @param label the visible label, bound to the input
         * @param autocomplete the autocomplete token ({@code username}, {@code current-password},
         *     {@code new-password}, {@code one-time-code}, ...)
         * @param value the value to show again, or {@code null} (never for passwords)
         */
        public Form input(String type, String name, String label, String autocomplete, @Nullable String value) {
            this.html
                    .append("<label for=\"")
                    .append(escape(name))
                    .append("\">")
                    .append(escape(label))
                    .append("</label>\n<input type=\"")
                    .append(escape(type))
                    .append("\" id=\"")
                    .append(escape(name))
                    .append("\" name=\"")
                    .append(escape(name))
                    .append("\" autocomplete=\"")
                    .append(escape(autocomplete))
                    .append("\" required");
            if (value != null) {
                this.html.append(" value=\"").append(escape(value)).append('"');
            }
            this.html.append(">\n");
            return this;
        }

        /** A labelled choice among {@code options}, each shown as its value. */
        public Form choice(String name, String label, List<String> options) {
            this.html
                    .append("<label for=\"")
                    .append(escape(name))
                    .append("\">")
                    .append(escape(label))
                    .append("</label>\n<select id=\"")
                    .append(escape(name))
                    .append("\" name=\"")
                    .append(escape(name))
                    .append("\">\n");
            for (String option : options) {
                this.html
                        .append("<option value=\"")
                        .append(escape(option))
                        .append("\">")
                        .append(escape(option))
                        .append("</option>\n");
            }
            this.html.append("</select>\n");
            return this;
        }

        /** The submit button. */
        public Form submit(String text) {
            this.html.append("<button type=\"submit\">").append(escape(text)).append("</button>\n");
            return this;
        }

        String html() {
            return this.html + "</form>\n";
        }
    }
}
