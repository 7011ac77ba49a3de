package io.github.cognitoemulator.bench;

import java.util.HashMap;
import java.util.Map;

/** The {@code --name=value} options of the suite's programs. */
final class Options {

    private final Map<String, String> values = new HashMap<>();

    Options(String[] args) {
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("Expected --name=value, got " + arg);
            }
            int equals = arg.indexOf('=');
            this.values.put(arg.substring(2, equals), arg.substring(equals + 1));
        }
    }

    String string(String name, String fallback) {
        return this.values.getOrDefault(name, fallback);
    }

    String required(String name) {
        String value = this.values.get(name);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + "=... is required");
        }
        return value;
    }

    int integer(String name, int fallback) {
        String value = this.values.get(name);
        return value == null ? fallback : Integer.parseInt(value.replace("_", ""));
    }

    double decimal(String name, double fallback) {
        String value = this.values.get(name);
        return value == null ? fallback : Double.parseDouble(value);
    }
}
