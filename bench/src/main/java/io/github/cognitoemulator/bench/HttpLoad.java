package io.github.cognitoemulator.bench;

import static io.github.cognitoemulator.bench.JsonApi.map;
import static io.github.cognitoemulator.bench.JsonApi.quote;

import io.github.cognitoemulator.core.protocol.CognitoJson;
import java.net.http.HttpResponse;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * An HTTP load client for what wrk cannot precompute: a whole USER_SRP_AUTH sign-in (InitiateAuth, the client's SRP
 * arithmetic, RespondToAuthChallenge PASSWORD_VERIFIER) on each of N kept-alive connections, a warm-up, then a
 * measured window. Prints one JSON object: round trips per second, their latency percentiles (the client's
 * arithmetic included, as a user waits for it), the percentiles of the time spent waiting for the two answers
 * alone, and errors.
 *
 * <p>Options: {@code --url=}, {@code --pool-id=}, {@code --client-id=} (required), {@code --users=N} (how many
 * seeded users to take turns with, 100), {@code --prefix=} ({@code bench}), {@code --connections=N} (8),
 * {@code --warmup=S} (5), {@code --duration=S} (15), {@code --scenario=} ({@code srp}, or {@code password} for
 * USER_PASSWORD_AUTH through the same client, to compare with wrk).
 */
public final class HttpLoad {

    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("EEE MMM d HH:mm:ss 'UTC' yyyy", Locale.US);

    private static final long MAX_NANOS = TimeUnit.SECONDS.toNanos(60);

    private final JsonApi api;

    private final String poolName;

    private final String clientId;

    private final String prefix;

    private final int users;

    private final String scenario;

    private HttpLoad(Options options) {
        this.api = new JsonApi(options.required("url"));
        String poolId = options.required("pool-id");
        this.poolName = poolId.substring(poolId.indexOf('_') + 1);
        this.clientId = options.required("client-id");
        this.prefix = options.string("prefix", "bench");
        this.users = options.integer("users", 100);
        this.scenario = options.string("scenario", "srp");
    }

    public static void main(String[] args) throws Exception {
        Options options = new Options(args);
        HttpLoad load = new HttpLoad(options);
        int connections = options.integer("connections", 8);
        long warmUp = TimeUnit.SECONDS.toNanos(options.integer("warmup", 5));
        long duration = TimeUnit.SECONDS.toNanos(options.integer("duration", 15));
        long start = System.nanoTime();
        long measureFrom = start + warmUp;
        long measureTo = measureFrom + duration;
        List<Worker> workers = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            Worker worker = load.new Worker(i, measureFrom, measureTo);
            workers.add(worker);
            worker.thread.start();
        }
        Histogram total = new Histogram(MAX_NANOS, 3);
        Histogram waiting = new Histogram(MAX_NANOS, 3);
        long errors = 0;
        String firstError = null;
        for (Worker worker : workers) {
            worker.thread.join();
            total.add(worker.total);
            waiting.add(worker.waiting);
            errors += worker.errors;
            if (firstError == null) {
                firstError = worker.firstError;
            }
        }
        double seconds = duration / 1e9;
        StringBuilder json = new StringBuilder("{");
        json.append("\"scenario\":").append(quote(load.scenario));
        json.append(",\"connections\":").append(connections);
        json.append(",\"duration_s\":").append(seconds);
        json.append(",\"requests\":").append(total.getTotalCount());
        json.append(",\"rps\":").append(round(total.getTotalCount() / seconds));
        json.append(",\"p50_ms\":").append(millis(total, 50));
        json.append(",\"p90_ms\":").append(millis(total, 90));
        json.append(",\"p99_ms\":").append(millis(total, 99));
        json.append(",\"max_ms\":").append(round(total.getMaxValue() / 1e6));
        json.append(",\"http_p50_ms\":").append(millis(waiting, 50));
        json.append(",\"http_p99_ms\":").append(millis(waiting, 99));
        json.append(",\"errors\":").append(errors);
        if (firstError != null) {
            json.append(",\"first_error\":").append(quote(firstError));
        }
        json.append('}');
        System.out.println(json);
    }

    private static double millis(Histogram histogram, double percentile) {
        return round(histogram.getValueAtPercentile(percentile) / 1e6);
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    /** One connection's loop. */
    private final class Worker implements Runnable {

        final Thread thread;

        final Histogram total = new Histogram(MAX_NANOS, 3);

        final Histogram waiting = new Histogram(MAX_NANOS, 3);

        final SplittableRandom random;

        final long measureFrom;

        final long measureTo;

        long errors;

        String firstError;

        private int next;

        Worker(int index, long measureFrom, long measureTo) {
            this.thread = new Thread(this, "load-" + index);
            this.random = new SplittableRandom(index * 7919L + System.nanoTime());
            this.measureFrom = measureFrom;
            this.measureTo = measureTo;
            this.next = index;
        }

        @Override
        public void run() {
            while (true) {
                long started = System.nanoTime();
                if (started >= this.measureTo) {
                    return;
                }
                String username = HttpLoad.this.prefix + (this.next++ % HttpLoad.this.users);
                long[] waited = new long[1];
                String error;
                try {
                    error = HttpLoad.this.scenario.equals("srp")
                            ? srpSignIn(username, waited)
                            : passwordSignIn(username, waited);
                } catch (Exception ex) {
                    error = ex.toString();
                }
                long finished = System.nanoTime();
                if (started >= this.measureFrom && finished <= this.measureTo) {
                    if (error == null) {
                        this.total.recordValue(Math.min(finished - started, MAX_NANOS));
                        this.waiting.recordValue(Math.min(waited[0], MAX_NANOS));
                    } else {
                        this.errors++;
                        if (this.firstError == null) {
                            this.firstError = error;
                        }
                    }
                }
            }
        }

        private String passwordSignIn(String username, long[] waited) throws Exception {
            long sent = System.nanoTime();
            HttpResponse<byte[]> answer = HttpLoad.this.api.send(
                    "InitiateAuth",
                    "{\"AuthFlow\":\"USER_PASSWORD_AUTH\",\"ClientId\":" + quote(HttpLoad.this.clientId)
                            + ",\"AuthParameters\":{\"USERNAME\":" + quote(username) + ",\"PASSWORD\":"
                            + quote(HttpSeed.PASSWORD) + "}}");
            waited[0] = System.nanoTime() - sent;
            return answer.statusCode() == 200 ? null : "InitiateAuth " + answer.statusCode() + " " + text(answer);
        }

        private String srpSignIn(String username, long[] waited) throws Exception {
            byte[] secret = new byte[128];
            this.random.nextBytes(secret);
            SrpClient client = new SrpClient(secret);
            long sent = System.nanoTime();
            HttpResponse<byte[]> challenge = HttpLoad.this.api.send(
                    "InitiateAuth",
                    "{\"AuthFlow\":\"USER_SRP_AUTH\",\"ClientId\":" + quote(HttpLoad.this.clientId)
                            + ",\"AuthParameters\":{\"USERNAME\":" + quote(username) + ",\"SRP_A\":"
                            + quote(client.publicA()) + "}}");
            waited[0] = System.nanoTime() - sent;
            if (challenge.statusCode() != 200) {
                return "InitiateAuth " + challenge.statusCode() + " " + text(challenge);
            }
            Map<String, Object> answer = CognitoJson.readMap(challenge.body());
            Map<String, Object> parameters = map(answer.get("ChallengeParameters"));
            String userId = (String) parameters.get("USER_ID_FOR_SRP");
            String secretBlock = (String) parameters.get("SECRET_BLOCK");
            String timestamp = TIMESTAMP.format(ZonedDateTime.now(ZoneOffset.UTC));
            String signature = client.signature(
                    HttpLoad.this.poolName,
                    userId,
                    HttpSeed.PASSWORD,
                    (String) parameters.get("SALT"),
                    (String) parameters.get("SRP_B"),
                    secretBlock,
                    timestamp);
            sent = System.nanoTime();
            HttpResponse<byte[]> result = HttpLoad.this.api.send(
                    "RespondToAuthChallenge",
                    "{\"ChallengeName\":\"PASSWORD_VERIFIER\",\"ClientId\":" + quote(HttpLoad.this.clientId)
                            + (answer.get("Session") instanceof String session ? ",\"Session\":" + quote(session) : "")
                            + ",\"ChallengeResponses\":{\"USERNAME\":" + quote(userId)
                            + ",\"PASSWORD_CLAIM_SECRET_BLOCK\":" + quote(secretBlock) + ",\"TIMESTAMP\":"
                            + quote(timestamp) + ",\"PASSWORD_CLAIM_SIGNATURE\":" + quote(signature) + "}}");
            waited[0] += System.nanoTime() - sent;
            if (result.statusCode() != 200
                    || !CognitoJson.readMap(result.body()).containsKey("AuthenticationResult")) {
                return "RespondToAuthChallenge " + result.statusCode() + " " + text(result);
            }
            return null;
        }

        private String text(HttpResponse<byte[]> response) {
            String body = new String(response.body(), java.nio.charset.StandardCharsets.UTF_8);
            return body.length() > 300 ? body.substring(0, 300) : body;
        }
    }
}
