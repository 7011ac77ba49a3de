package io.github.cognitoemulator.bench;

import io.github.cognitoemulator.core.CognitoEmulator;
import io.github.cognitoemulator.core.password.PasswordCredential;
import io.github.cognitoemulator.core.password.SrpGroup;
import io.github.cognitoemulator.core.password.SrpSession;
import io.github.cognitoemulator.core.token.RsaKeySource;
import java.math.BigInteger;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What one sign-in costs the emulator: the server's half of an SRP exchange alone, and whole sign-ins through the
 * JSON protocol (which include signing two RS256 tokens).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SignInBenchmark {

    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("EEE MMM d HH:mm:ss 'UTC' yyyy", Locale.US);

    private final SplittableRandom random = new SplittableRandom(42);

    private CognitoEmulator emulator;

    private String clientId;

    private String poolName;

    // A fixed exchange for the server-only measurement.
    private BigInteger fixedA;

    private BigInteger verifier;

    private byte[] fixedB;

    private byte[] secretBlock;

    private String timestamp;

    private byte[] signature;

    // InitiateAuth bodies whose SRP_A is a typical value, the longest accepted, and one refused by its length.
    private String typicalSrpA;

    private String maximalSrpA;

    private String overlongSrpA;

    @Setup(Level.Trial)
    public void setUp() {
        this.emulator = CognitoEmulator.builder()
                .random(this.random)
                .keySource(RsaKeySource.generating())
                .build();
        String poolId =
                (String) map(call("CreateUserPool", "{\"PoolName\":\"bench\"}").get("UserPool"))
                        .get("Id");
        this.poolName = poolId.substring(poolId.indexOf('_') + 1);
        this.clientId = (String) map(call(
                                "CreateUserPoolClient",
                                "{\"UserPoolId\":\"" + poolId
                                        + "\",\"ClientName\":\"web\",\"ExplicitAuthFlows\":[\"ALLOW_USER_SRP_AUTH\","
                                        + "\"ALLOW_USER_PASSWORD_AUTH\",\"ALLOW_REFRESH_TOKEN_AUTH\"]}")
                        .get("UserPoolClient"))
                .get("ClientId");
        call(
                "AdminCreateUser",
                "{\"UserPoolId\":\"" + poolId + "\",\"Username\":\"alice\","
                        + "\"TemporaryPassword\":\"Perm1234!\",\"MessageAction\":\"SUPPRESS\"}");
        call(
                "AdminSetUserPassword",
                "{\"UserPoolId\":\"" + poolId + "\",\"Username\":\"alice\","
                        + "\"Password\":\"Perm1234!\",\"Permanent\":true}");

        byte[] salt = bytes(16);
        PasswordCredential credential = PasswordCredential.create(this.poolName, "alice", "Perm1234!", salt);
        this.verifier = new BigInteger(credential.verifier(), 16);
        SrpClient client = new SrpClient(bytes(128));
        this.fixedA = new BigInteger(client.publicA(), 16);
        this.fixedB = bytes(32);
        SrpSession server = SrpSession.start(this.fixedA, this.verifier, this.fixedB);
        this.secretBlock = bytes(64);
        this.timestamp = TIMESTAMP.format(ZonedDateTime.now(ZoneOffset.UTC));
        this.signature = Base64.getDecoder()
                .decode(client.signature(
                        this.poolName,
                        "alice",
                        "Perm1234!",
                        credential.salt(),
                        server.publicB().toString(16),
                        Base64.getEncoder().encodeToString(this.secretBlock),
                        this.timestamp));
        this.typicalSrpA = srpInitiateBody(client.publicA());
        // The largest A below N, written with the sign byte of padHex: 770 digits, the most SrpGroup accepts.
        this.maximalSrpA =
                srpInitiateBody("00" + SrpGroup.N.subtract(BigInteger.ONE).toString(16));
        // As long as the service model lets a parameter be: refused by its length before it is parsed.
        this.overlongSrpA = srpInitiateBody("f".repeat(131_072));
    }

    /** The server's arithmetic for one SRP exchange: computing B, then checking the client's proof. */
    @Benchmark
    public boolean srpServerExchange() {
        SrpSession server = SrpSession.start(this.fixedA, this.verifier, this.fixedB);
        return server.verify(this.poolName, "alice", this.secretBlock, this.timestamp, this.signature);
    }

    /** A whole USER_SRP_AUTH sign-in through the protocol, client arithmetic included. */
    @Benchmark
    public Object srpSignIn() {
        SrpClient client = new SrpClient(bytes(128));
        Map<String, Object> challenge = call(
                "InitiateAuth",
                "{\"AuthFlow\":\"USER_SRP_AUTH\",\"ClientId\":\"" + this.clientId
                        + "\",\"AuthParameters\":{\"USERNAME\":\"alice\",\"SRP_A\":\"" + client.publicA() + "\"}}");
        Map<String, Object> parameters = map(challenge.get("ChallengeParameters"));
        String timestamp = TIMESTAMP.format(ZonedDateTime.now(ZoneOffset.UTC));
        String secretBlock = (String) parameters.get("SECRET_BLOCK");
        String signature = client.signature(
                this.poolName,
                "alice",
                "Perm1234!",
                (String) parameters.get("SALT"),
                (String) parameters.get("SRP_B"),
                secretBlock,
                timestamp);
        return call(
                "RespondToAuthChallenge",
                "{\"ChallengeName\":\"PASSWORD_VERIFIER\",\"ClientId\":\"" + this.clientId
                        + "\",\"ChallengeResponses\":{\"USERNAME\":\"alice\",\"PASSWORD_CLAIM_SECRET_BLOCK\":\""
                        + secretBlock
                        + "\",\"TIMESTAMP\":\"" + timestamp + "\",\"PASSWORD_CLAIM_SIGNATURE\":\"" + signature
                        + "\"}}");
    }

    /** InitiateAuth USER_SRP_AUTH with the SRP_A of a real client (768 hex digits or a few fewer). */
    @Benchmark
    public Object srpInitiateTypicalA() {
        return call("InitiateAuth", this.typicalSrpA);
    }

    /** InitiateAuth USER_SRP_AUTH with the longest SRP_A accepted: should cost what a typical one costs. */
    @Benchmark
    public Object srpInitiateMaximalA() {
        return call("InitiateAuth", this.maximalSrpA);
    }

    /** InitiateAuth USER_SRP_AUTH with an SRP_A of 131,072 hex digits, refused before any arithmetic. */
    @Benchmark
    public Object srpInitiateOverlongA() {
        return this.emulator.handle("InitiateAuth", this.overlongSrpA).status();
    }

    private String srpInitiateBody(String srpA) {
        return "{\"AuthFlow\":\"USER_SRP_AUTH\",\"ClientId\":\"" + this.clientId
                + "\",\"AuthParameters\":{\"USERNAME\":\"alice\",\"SRP_A\":\"" + srpA + "\"}}";
    }

    /** A whole USER_PASSWORD_AUTH sign-in through the protocol. */
    @Benchmark
    public Object passwordSignIn() {
        return call(
                "InitiateAuth",
                "{\"AuthFlow\":\"USER_PASSWORD_AUTH\",\"ClientId\":\"" + this.clientId
                        + "\",\"AuthParameters\":{\"USERNAME\":\"alice\",\"PASSWORD\":\"Perm1234!\"}}");
    }

    /** CreateUserPool, which must stay free of key generation. */
    @Benchmark
    public Object createUserPool() {
        return call("CreateUserPool", "{\"PoolName\":\"bench\"}");
    }

    private Map<String, Object> call(String action, String body) {
        return InProcess.call(this.emulator, action, body);
    }

    private byte[] bytes(int count) {
        byte[] bytes = new byte[count];
        this.random.nextBytes(bytes);
        return bytes;
    }

    private static Map<String, Object> map(Object value) {
        return InProcess.map(value);
    }
}
