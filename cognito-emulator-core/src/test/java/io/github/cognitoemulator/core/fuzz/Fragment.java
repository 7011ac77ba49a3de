package io.github.cognitoemulator.core.fuzz;

import java.nio.charset.StandardCharsets;

/**
 * A piece of request text, well-formed JSON or not, with a label that says what it is, so that a failure report
 * names the input without printing seventy thousand characters.
 *
 * @param label what the text is, for example {@code "string of 70000 'a'"}
 * @param bytes the text exactly as sent, which may be invalid UTF-8
 */
public record Fragment(String label, byte[] bytes) {

    /** A fragment of ASCII or UTF-8 text. */
    public static Fragment of(String label, String text) {
        return new Fragment(label, text.getBytes(StandardCharsets.UTF_8));
    }

    /** The first characters of the text, with anything unprintable escaped. */
    public String preview() {
        return preview(this.bytes);
    }

    /** The first characters of {@code bytes}, with anything unprintable escaped. */
    public static String preview(byte[] bytes) {
        StringBuilder preview = new StringBuilder();
        int shown = Math.min(bytes.length, 160);
        for (int i = 0; i < shown; i++) {
            int b = bytes[i] & 0xff;
            if (b >= 0x20 && b < 0x7f) {
                preview.append((char) b);
            } else {
                preview.append("\\x").append(Character.forDigit(b >> 4, 16)).append(Character.forDigit(b & 0xf, 16));
            }
        }
        if (shown < bytes.length) {
            preview.append("... (").append(bytes.length).append(" bytes)");
        }
        return preview.toString();
    }

    @Override
    public String toString() {
        return this.label + ": " + preview();
    }
}
