package io.github.cognitoemulator.core.oauth;

import java.util.Map;

/**
 * A JSON object of strings and numbers with its members in the order given, as Cognito's OAuth endpoints write them
 * (the emulator's API writer sorts members).
 */
final class FlatJson {

    private FlatJson() {}

    static String object(Map<String, ?> members) {
        StringBuilder json = new StringBuilder("{");
        members.forEach((name, value) -> {
            if (json.length() > 1) {
                json.append(',');
            }
            string(json, name);
            json.append(':');
            if (value instanceof Number number) {
                json.append(number);
            } else {
                string(json, String.valueOf(value));
            }
        });
        return json.append('}').toString();
    }

    private static void string(StringBuilder json, String text) {
        json.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20) {
                json.append(String.format("\\u%04x", (int) c));
            } else {
                json.append(c);
            }
        }
        json.append('"');
    }
}
