package io.github.cognitoemulator.core.userimport;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cognitoemulator.core.CognitoEmulator;
import io.github.cognitoemulator.core.EmulatorFixture;
import io.github.cognitoemulator.core.MutableClock;
import io.github.cognitoemulator.core.protocol.CognitoJson;
import io.github.cognitoemulator.core.protocol.ProtocolResponse;
import io.github.cognitoemulator.core.token.RsaKeySource;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A job left unstarted for a day expires, as Cognito's do, and its file goes with it. */
class ImportJobExpiryTest {

    private final MutableClock clock = new MutableClock(EmulatorFixture.NOW);

    private final CognitoEmulator emulator = CognitoEmulator.builder()
            .clock(this.clock)
            .keySource(RsaKeySource.generating())
            .build();

    private Map<String, Object> call(String action, Map<String, ?> body) {
        ProtocolResponse response =
                this.emulator.handle(action, new String(CognitoJson.write(body), StandardCharsets.UTF_8));
        return CognitoJson.readMap(response.body());
    }

    @SuppressWarnings("unchecked")
    private String status(Map<String, Object> reply) {
        return (String) ((Map<String, Object>) reply.get("UserImportJob")).get("Status");
    }

    @Test
    void anUnstartedJobExpiresAfterADay() {
        String poolId = (String)
                ((Map<?, ?>) call("CreateUserPool", Map.of("PoolName", "p")).get("UserPool")).get("Id");
        Map<String, String> create = Map.of(
                "UserPoolId", poolId, "JobName", "j", "CloudWatchLogsRoleArn", "arn:aws:iam::000000000000:role/import");
        String jobId = (String) ((Map<?, ?>) call("CreateUserImportJob", create).get("UserImportJob")).get("JobId");
        this.emulator.acceptImportCsv(jobId, "cognito:username,cognito:mfa_enabled\n".getBytes(StandardCharsets.UTF_8));
        Map<String, String> job = Map.of("UserPoolId", poolId, "JobId", jobId);

        this.clock.advance(Duration.ofHours(24).minusMillis(1));
        assertThat(status(call("DescribeUserImportJob", job))).isEqualTo("Created");
        this.clock.advance(Duration.ofMillis(1));

        assertThat(status(call("DescribeUserImportJob", job))).isEqualTo("Expired");
        assertThat(this.emulator.store().resources().find(UserImportActions.FILES, jobId))
                .isEmpty();
        assertThat(call("StartUserImportJob", job))
                .containsEntry("__type", "PreconditionNotMetException")
                .containsEntry("message", "Job " + jobId + " has expired.");
        assertThat(this.emulator.acceptImportCsv(jobId, new byte[1])).isEqualTo(UploadOutcome.JOB_STARTED);
    }

    @Test
    void listingShowsExpiredJobs() {
        String poolId = (String)
                ((Map<?, ?>) call("CreateUserPool", Map.of("PoolName", "p")).get("UserPool")).get("Id");
        call(
                "CreateUserImportJob",
                Map.of(
                        "UserPoolId",
                        poolId,
                        "JobName",
                        "j",
                        "CloudWatchLogsRoleArn",
                        "arn:aws:iam::000000000000:role/import"));
        this.clock.advance(Duration.ofDays(2));

        List<?> jobs = (List<?>) call("ListUserImportJobs", Map.of("UserPoolId", poolId, "MaxResults", 5))
                .get("UserImportJobs");

        assertThat(jobs)
                .singleElement()
                .satisfies((job) -> assertThat(((Map<?, ?>) job).get("Status")).isEqualTo("Expired"));
    }
}
