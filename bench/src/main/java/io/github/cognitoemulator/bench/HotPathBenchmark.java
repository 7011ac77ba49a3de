package io.github.cognitoemulator.bench;

import io.github.cognitoemulator.core.CognitoEmulator;
import io.github.cognitoemulator.core.password.PasswordCredential;
import io.github.cognitoemulator.core.password.SrpSession;
import io.github.cognitoemulator.core.protocol.ProtocolResponse;
import io.github.cognitoemulator.core.token.IssuedTokens;
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
 * The hot paths of a sign-in, each alone: issuing the tokens (an access, an ID and a refresh token, two RS256
 * signatures), the server's two SRP steps (computing {@code B}; checking the client's proof), the password check of
 * USER_PASSWORD_AUTH (a clear-text password against the stored credential), and the JSON 1.1 dispatch of cheap
 * actions through {@link CognitoEmulator#handle(String, String)}, which is the protocol's own overhead.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class HotPathBenchmark {

    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("EEE MMM d HH:mm:ss 'UTC' yyyy", Locale.US);

    private static final String PASSWORD = "Perm1234!";

    private final SplittableRandom random = new SplittableRandom(42);

    private CognitoEmulator emulator;

    private String poolId;

    private String poolName;

    private String clientId;

    private String accessToken;

    private String describeUserPool;

    private String getUser;

    private PasswordCredential credential;

    private BigInteger clientA;

    private BigInteger verifier;

    private byte[] privateB;

    private SrpSession session;

    private byte[] secretBlock;

    private String timestamp;

    private byte[] signature;

    @Setup(Level.Trial)
    public void setUp() {
        this.emulator = CognitoEmulator.builder()
                .random(this.random)
                .keySource(RsaKeySource.generating())
                .build();
        this.poolId =
                (String) map(call("CreateUserPool", "{\"PoolName\":\"bench\"}").get("UserPool"))
                        .get("Id");
        this.poolName = this.poolId.substring(this.poolId.indexOf('_') + 1);
        this.clientId = (String) map(call(
                                "CreateUserPoolClient",
                                "{\"UserPoolId\":\"" + this.poolId
                                        + "\",\"ClientName\":\"web\",\"ExplicitAuthFlows\":[\"ALLOW_USER_SRP_AUTH\","
                                        + "\"ALLOW_USER_PASSWORD_AUTH\",\"ALLOW_REFRESH_TOKEN_AUTH\"]}")
                        .get("UserPoolClient"))
                .get("ClientId");
        call(
                "AdminCreateUser",
                "{\"UserPoolId\":\"" + this.poolId + "\",\"Username\":\"alice\",\"TemporaryPassword\":\"" + PASSWORD
                        + "\",\"MessageAction\":\"SUPPRESS\",\"UserAttributes\":[{\"Name\":\"email\",\"Value\":"
                        + "\"alice@example.com\"},{\"Name\":\"email_verified\",\"Value\":\"true\"}]}");
        call(
                "AdminSetUserPassword",
                "{\"UserPoolId\":\"" + this.poolId + "\",\"Username\":\"alice\",\"Password\":\"" + PASSWORD
                        + "\",\"Permanent\":true}");
        this.accessToken = issueTokens().accessToken();
        this.describeUserPool = "{\"UserPoolId\":\"" + this.poolId + "\"}";
        this.getUser = "{\"AccessToken\":\"" + this.accessToken + "\"}";

        this.credential = PasswordCredential.create(this.poolName, "alice", PASSWORD, bytes(16));
        this.verifier = new BigInteger(this.credential.verifier(), 16);
        SrpClient client = new SrpClient(bytes(128));
        this.clientA = new BigInteger(client.publicA(), 16);
        this.privateB = bytes(32);
        this.session = SrpSession.start(this.clientA, this.verifier, this.privateB);
        this.secretBlock = bytes(64);
        this.timestamp = TIMESTAMP.format(ZonedDateTime.now(ZoneOffset.UTC));
        this.signature = Base64.getDecoder()
                .decode(client.signature(
                        this.poolName,
                        "alice",
                        PASSWORD,
                        this.credential.salt(),
                        this.session.publicB().toString(16),
                        Base64.getEncoder().encodeToString(this.secretBlock),
                        this.timestamp));
        if (!srpVerifyProof()) {
            throw new IllegalStateException("The client's proof does not verify");
        }
    }

    /** Issuing a sign-in's tokens: access and ID token (two RS256 signatures) and a refresh token. */
    @Benchmark
    public IssuedTokens tokenIssue() {
        return issueTokens();
    }

    /** The server's first SRP step: {@code B = kv + g^b} (one 3072-bit modular exponentiation, 256-bit exponent). */
    @Benchmark
    public SrpSession srpComputeB() {
        return SrpSession.start(this.clientA, this.verifier, this.privateB);
    }

    /** The server's second SRP step: the shared secret and the check of {@code PASSWORD_CLAIM_SIGNATURE}. */
    @Benchmark
    public boolean srpVerifyProof() {
        return this.session.verify(this.poolName, "alice", this.secretBlock, this.timestamp, this.signature);
    }

    /** USER_PASSWORD_AUTH's password check: a clear-text password against the stored credential. */
    @Benchmark
    public boolean passwordCheck() {
        return this.credential.matches(this.poolName, "alice", PASSWORD);
    }

    /** DescribeUserPool through the JSON 1.1 protocol: parsing, validation, dispatch and writing the answer. */
    @Benchmark
    public ProtocolResponse dispatchDescribeUserPool() {
        return this.emulator.handle("DescribeUserPool", this.describeUserPool);
    }

    /** GetUser through the JSON 1.1 protocol, which verifies the access token (one RS256 verification). */
    @Benchmark
    public ProtocolResponse dispatchGetUser() {
        return this.emulator.handle("GetUser", this.getUser);
    }

    private IssuedTokens issueTokens() {
        return this.emulator.issueTokens(this.poolId, this.clientId, "alice", "http://localhost");
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
