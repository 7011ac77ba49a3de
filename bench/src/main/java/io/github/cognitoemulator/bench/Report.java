package io.github.cognitoemulator.bench;

import io.github.cognitoemulator.core.protocol.CognitoJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The results table of a run of {@code bench/run.sh}: reads the raw outputs in the run's directory and prints
 * markdown, each figure with its target where the issue sets one. A part that did not run shows as "not run".
 */
public final class Report {

    private static final String[][] SCENARIOS = {
        {"initiate-auth-password", "InitiateAuth USER_PASSWORD_AUTH"},
        {"srp-round-trip", "USER_SRP_AUTH round trip (InitiateAuth + RespondToAuthChallenge)"},
        {"get-user", "GetUser (access token)"},
        {"admin-create-user", "AdminCreateUser (unique usernames)"},
        {"list-users-filter", "ListUsers, filter email = \"...\""},
    };

    private final Path dir;

    private final StringBuilder out = new StringBuilder();

    private final List<String> targets = new ArrayList<>();

    private Report(Path dir) {
        this.dir = dir;
    }

    public static void main(String[] args) {
        Report report = new Report(Path.of(args[0]));
        report.write();
        System.out.print(report.out);
    }

    private void write() {
        Map<String, String> machine = machine();
        line("# Benchmark results");
        line("");
        line("Machine: " + machine.getOrDefault("cpu", "?") + ", " + machine.getOrDefault("cores", "?") + " cores, "
                + machine.getOrDefault("memory", "?") + "; " + machine.getOrDefault("jdk", "?") + "; "
                + machine.getOrDefault("os", "?") + ". Run " + machine.getOrDefault("date_utc", "?") + ", commit "
                + machine.getOrDefault("commit", "?") + ", " + machine.getOrDefault("suite_seconds", "?")
                + " s. Load average (1, 5, 15 min) at the start " + machine.getOrDefault("load_start", "?")
                + ", at the end " + machine.getOrDefault("load_end", "?") + ".");
        line("");
        http();
        signing();
        jmh();
        scale();
        startup();
        line("## Targets");
        line("");
        line("| Target | Figure | Met |");
        line("| --- | --- | --- |");
        this.targets.forEach(this::line);
    }

    private void http() {
        line("## HTTP load (loopback, " + connections() + " connections)");
        line("");
        line("| Scenario | emulator req/s | p50 ms | p90 ms | p99 ms | errors | cognito-local req/s | p50 ms | p90 ms"
                + " | p99 ms | errors | emulator / cognito-local |");
        line("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        for (String[] scenario : SCENARIOS) {
            Map<String, Object> ours = json("http/emulator-" + scenario[0] + ".json");
            Map<String, Object> peer = json("http/cognito-local-" + scenario[0] + ".json");
            String ratio = supported(ours) && supported(peer) && number(peer, "rps") > 0
                    ? format(number(ours, "rps") / number(peer, "rps"), 1) + "x"
                    : "";
            line("| " + scenario[1] + " | " + loadCells(ours) + " | " + loadCells(peer) + " | " + ratio + " |");
        }
        line("");
        line("The SRP round trip is timed by the Java load client from the first request to the tokens, the client's"
                + " SRP arithmetic included (two 3072-bit modular exponentiations with a 1,024-bit exponent, as"
                + " amazon-cognito-identity-js does); the time spent waiting for the two answers alone is "
                + httpOnly(json("http/emulator-srp-round-trip.json")) + ".");
        line("");
        Map<String, Object> ours = json("http/emulator-initiate-auth-password.json");
        Map<String, Object> peer = json("http/cognito-local-initiate-auth-password.json");
        if (supported(ours) && supported(peer)) {
            double ratio = number(ours, "rps") / Math.max(number(peer, "rps"), 1e-9);
            target(
                    "InitiateAuth USER_PASSWORD_AUTH >= 8x cognito-local req/s in the same run",
                    format(ratio, 1) + "x (" + format(number(ours, "rps"), 0) + " vs " + format(number(peer, "rps"), 0)
                            + " req/s)",
                    ratio >= 8);
        } else {
            target("InitiateAuth USER_PASSWORD_AUTH >= 8x cognito-local req/s in the same run", "not run", null);
        }
        if (supported(ours)) {
            target(
                    "InitiateAuth USER_PASSWORD_AUTH p99 < 25 ms",
                    format(number(ours, "p99_ms"), 1) + " ms",
                    number(ours, "p99_ms") < 25);
        } else {
            target("InitiateAuth USER_PASSWORD_AUTH p99 < 25 ms", "not run", null);
        }
        Map<String, Object> srp = json("http/emulator-srp-round-trip.json");
        if (supported(srp)) {
            target(
                    "USER_SRP_AUTH round trip p50 < 10 ms",
                    format(number(srp, "p50_ms"), 1) + " ms (waiting for the answers: "
                            + format(number(srp, "http_p50_ms"), 1) + " ms)",
                    number(srp, "p50_ms") < 10);
        } else {
            target("USER_SRP_AUTH round trip p50 < 10 ms", "not run", null);
        }
    }

    private void signing() {
        Map<String, Object> signing = json("signing.json");
        line("## RS256 signing rate of this JVM (RSA-2048)");
        line("");
        if (signing == null) {
            line("Not run.");
            line("");
            return;
        }
        Map<String, Object> ours = json("http/emulator-initiate-auth-password.json");
        line("| Provider | signatures/s per core | sign-ins/s limit (x " + signing.get("cores")
                + " cores / 2 signatures) | InitiateAuth USER_PASSWORD_AUTH req/s / limit |");
        line("| --- | --- | --- | --- |");
        for (Object entry : (List<?>) signing.get("providers")) {
            Map<String, Object> provider = JsonApi.map(entry);
            double limit = number(provider, "sign_ins_per_s_limit");
            String share = supported(ours) ? format(number(ours, "rps") / limit * 100, 0) + " %" : "";
            line("| " + provider.get("provider") + " | " + provider.get("signatures_per_s_per_core") + " | "
                    + format(limit, 0) + " | " + share + " |");
        }
        line("");
    }

    private void jmh() {
        line("## JMH (one fork; score +- 99.9 % error)");
        line("");
        line("| Benchmark | Parameters | Score | Unit |");
        line("| --- | --- | --- | --- |");
        Map<String, Double> store = new LinkedHashMap<>();
        for (String file : List.of("jmh-hot-paths.json", "jmh-sign-in.json", "jmh-store.json")) {
            List<Map<String, Object>> runs = jmhRuns(file);
            if (runs == null) {
                line("| " + file + " | | not run | |");
                continue;
            }
            for (Map<String, Object> run : runs) {
                String name = ((String) run.get("benchmark")).replace("io.github.cognitoemulator.bench.", "");
                Map<String, Object> metric = JsonApi.map(run.get("primaryMetric"));
                Object params = run.get("params");
                line("| " + name + " | " + (params == null ? "" : params.toString()) + " | "
                        + format(number(metric, "score"), 3) + " +- " + format(number(metric, "scoreError"), 3)
                        + " | " + metric.get("scoreUnit") + " |");
                if (name.equals("StoreBenchmark.passwordSignIn") && params != null) {
                    store.put(JsonApi.map(params).get("store").toString(), number(metric, "score"));
                }
            }
        }
        line("");
        if (store.containsKey("memory") && store.containsKey("h2-file")) {
            double ratio = store.get("h2-file") / store.get("memory");
            target(
                    "H2 file store sign-in throughput within 25 % of in-memory's (StoreBenchmark)",
                    format(ratio, 2) + " of in-memory (" + format(store.get("h2-file"), 0) + " vs "
                            + format(store.get("memory"), 0) + " ops/s)",
                    ratio >= 0.75);
        } else {
            target("H2 file store sign-in throughput within 25 % of in-memory's (StoreBenchmark)", "not run", null);
        }
    }

    private void scale() {
        Map<String, Object> scale = json("scale.json");
        line("## Scale (in-process, in-memory store)");
        line("");
        if (scale == null) {
            line("Not run.");
            line("");
            target("100,000 users filled < 30 s in-process", "not run", null);
            return;
        }
        int users = (int) number(scale, "users");
        line("| Figure | Value |");
        line("| --- | --- |");
        line("| Users (AdminCreateUser through the protocol, " + scale.get("fill_threads") + " threads) | "
                + String.format(Locale.ROOT, "%,d", users) + " |");
        line("| Time to fill | " + format(number(scale, "fill_s"), 1) + " s (" + scale.get("fill_users_per_s")
                + " users/s) |");
        line("| Heap per user | " + scale.get("heap_per_user_bytes") + " bytes (used heap after GC "
                + format(number(scale, "heap_before_mib"), 1) + " -> " + format(number(scale, "heap_after_mib"), 1)
                + " MiB) |");
        String[][] lookups = {
            {"list_users_username_eq", "ListUsers username = \"...\""},
            {"list_users_email_eq", "ListUsers email = \"...\""},
            {"list_users_sub_eq", "ListUsers sub = \"...\""},
            {"list_users_email_prefix", "ListUsers email ^= \"...\" (11 matches)"},
            {"list_users_page", "ListUsers page of a walk of the whole pool (Limit 60)"},
            {"admin_get_user", "AdminGetUser"},
            {"sign_in_empty_pool", "InitiateAuth USER_PASSWORD_AUTH, pool of 1 user"},
            {"sign_in_full_pool", "InitiateAuth USER_PASSWORD_AUTH, pool of " + users + " users"},
        };
        for (String[] lookup : lookups) {
            line("| " + lookup[1] + " p50 / p99 | " + format(number(scale, lookup[0] + "_p50_ms"), 3) + " / "
                    + format(number(scale, lookup[0] + "_p99_ms"), 3) + " ms |");
        }
        line("| Walk of the whole pool | " + format(number(scale, "list_users_walk_s"), 2) + " s, "
                + scale.get("list_users_walk_calls") + " calls, " + scale.get("list_users_walk_users") + " users |");
        line("");
        String size = String.format(Locale.ROOT, "%,d", users) + " users";
        target(
                size + " filled < 30 s in-process",
                format(number(scale, "fill_s"), 1) + " s",
                number(scale, "fill_s") < 30);
        target(
                "< 2 KiB heap per user",
                scale.get("heap_per_user_bytes") + " bytes",
                number(scale, "heap_per_user_bytes") < 2048);
        double worst = 0;
        String worstName = "";
        for (String name : List.of(
                "list_users_username_eq", "list_users_email_eq", "list_users_sub_eq", "list_users_email_prefix")) {
            if (number(scale, name + "_p50_ms") >= worst) {
                worst = number(scale, name + "_p50_ms");
                worstName = name;
            }
        }
        target(
                "ListUsers by equality or prefix filter on username/email/sub p50 < 2 ms (" + size + ")",
                "slowest " + format(worst, 3) + " ms (" + worstName + ")",
                worst < 2);
        target(
                "AdminGetUser < 0.2 ms (p50, " + size + ")",
                format(number(scale, "admin_get_user_p50_ms"), 3) + " ms",
                number(scale, "admin_get_user_p50_ms") < 0.2);
        double ratio = number(scale, "sign_in_full_vs_empty_p50");
        target(
                "Sign-in latency at " + size + " within 10 % of an empty pool's (p50)",
                format(ratio, 2) + "x (" + format(number(scale, "sign_in_full_pool_p50_ms"), 2) + " vs "
                        + format(number(scale, "sign_in_empty_pool_p50_ms"), 2) + " ms)",
                ratio <= 1.10);
    }

    private void startup() {
        line("## Startup of the sample");
        line("");
        Path tsv = this.dir.resolve("startup.tsv");
        if (!Files.exists(tsv)) {
            line("Not run.");
            line("");
            target("Emulator adds < 100 ms to startup", "not run", null);
            target("Emulator adds < 32 MiB idle heap", "not run", null);
            return;
        }
        Map<String, List<Double>> times = new LinkedHashMap<>();
        Map<String, List<Double>> heaps = new LinkedHashMap<>();
        for (String row : read(tsv).split("\n")) {
            String[] cells = row.split("\t");
            if (cells.length < 4 || cells[0].equals("run")) {
                continue;
            }
            times.computeIfAbsent(cells[1], (k) -> new ArrayList<>()).add(Double.parseDouble(cells[2]));
            heaps.computeIfAbsent(cells[1], (k) -> new ArrayList<>()).add(Double.parseDouble(cells[3]) / 1024);
        }
        line("| Emulator | runs | first answer, median (all) ms | used heap after GC, median (all) MiB |");
        line("| --- | --- | --- | --- |");
        for (String mode : List.of("on", "off")) {
            List<Double> modeTimes = times.getOrDefault(mode, List.of());
            line("| " + mode + " | " + modeTimes.size() + " | " + format(median(modeTimes), 0) + " ("
                    + all(modeTimes, 0)
                    + ") | " + format(median(heaps.getOrDefault(mode, List.of())), 1) + " ("
                    + all(heaps.getOrDefault(mode, List.of()), 1) + ") |");
        }
        line("");
        line("From the process's start to the first 200 of `GET /hello`; heap: `jcmd <pid> GC.heap_info` after two"
                + " `GC.run`, 2 s after the first answer. Off: `--cognito.emulator.enabled=false` (and the OAuth 2.0"
                + " login given fixed endpoints, as the dev profile's in-process discovery is off too).");
        line("");
        double addedMs = median(times.getOrDefault("on", List.of())) - median(times.getOrDefault("off", List.of()));
        double addedMib = median(heaps.getOrDefault("on", List.of())) - median(heaps.getOrDefault("off", List.of()));
        target("Emulator adds < 100 ms to startup (medians)", format(addedMs, 0) + " ms", addedMs < 100);
        target("Emulator adds < 32 MiB idle heap (medians)", format(addedMib, 1) + " MiB", addedMib < 32);
    }

    private String connections() {
        Map<String, Object> srp = json("http/emulator-srp-round-trip.json");
        return srp != null && srp.get("connections") != null
                ? srp.get("connections").toString()
                : "8";
    }

    private static String loadCells(Map<String, Object> result) {
        if (result == null) {
            return "not run | | | | ";
        }
        if (!supported(result)) {
            return "not supported | | | | ";
        }
        return format(number(result, "rps"), 0) + " | " + format(number(result, "p50_ms"), 2) + " | "
                + format(number(result, "p90_ms"), 2) + " | " + format(number(result, "p99_ms"), 2) + " | "
                + format(number(result, "errors"), 0);
    }

    private static String httpOnly(Map<String, Object> srp) {
        if (!supported(srp)) {
            return "not measured";
        }
        return "p50 " + format(number(srp, "http_p50_ms"), 2) + " ms, p99 " + format(number(srp, "http_p99_ms"), 2)
                + " ms";
    }

    private void target(String name, String figure, Boolean met) {
        this.targets.add("| " + name + " | " + figure + " | " + (met == null ? "" : met ? "yes" : "**no**") + " |");
    }

    private static boolean supported(Map<String, Object> result) {
        return result != null && !Boolean.FALSE.equals(result.get("supported"));
    }

    private static double number(Map<String, Object> map, String key) {
        Object value = map.get(key);
        return value instanceof Number number ? number.doubleValue() : Double.NaN;
    }

    private static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    private static String all(List<Double> values, int decimals) {
        List<String> cells = new ArrayList<>();
        values.forEach((value) -> cells.add(format(value, decimals)));
        return String.join(", ", cells);
    }

    private static String format(double value, int decimals) {
        if (Double.isNaN(value)) {
            return "?";
        }
        return String.format(Locale.ROOT, "%,." + decimals + "f", value);
    }

    private Map<String, String> machine() {
        Map<String, String> machine = new LinkedHashMap<>();
        Path file = this.dir.resolve("machine.txt");
        if (Files.exists(file)) {
            for (String row : read(file).split("\n")) {
                int colon = row.indexOf(": ");
                if (colon > 0) {
                    machine.put(
                            row.substring(0, colon), row.substring(colon + 2).trim());
                }
            }
        }
        return machine;
    }

    private Map<String, Object> json(String name) {
        Path file = this.dir.resolve(name);
        if (!Files.exists(file)) {
            return null;
        }
        String text = read(file).trim();
        return text.isEmpty() ? null : CognitoJson.readMap(text.getBytes(StandardCharsets.UTF_8));
    }

    private List<Map<String, Object>> jmhRuns(String name) {
        Path file = this.dir.resolve(name);
        if (!Files.exists(file)) {
            return null;
        }
        Map<String, Object> wrapped =
                CognitoJson.readMap(("{\"runs\":" + read(file) + "}").getBytes(StandardCharsets.UTF_8));
        List<Map<String, Object>> runs = new ArrayList<>();
        for (Object run : (List<?>) wrapped.get("runs")) {
            runs.add(JsonApi.map(run));
        }
        return runs;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private void line(String text) {
        this.out.append(text).append('\n');
    }
}
