package io.github.cognitoemulator.autoconfigure;

/** Paths within the application, as the emulator's properties give them. */
public final class ApplicationPaths {

    private ApplicationPaths() {}

    /** {@code path} without trailing slashes, so {@code /} becomes the empty string and {@code /a/} becomes {@code /a}. */
    public static String withoutTrailingSlashes(String path) {
        int end = path.length();
        while (end > 0 && path.charAt(end - 1) == '/') {
            end--;
        }
        return path.substring(0, end);
    }
}
