package io.github.cognitoemulator.core.userimport;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cognitoemulator.core.EmulatorFixture;
import io.github.cognitoemulator.core.EmulatorFixture.Reply;
import io.github.cognitoemulator.core.store.EmulatorStoreContract;
import io.github.cognitoemulator.core.store.jdbc.JdbcStore;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UserImportActionsTest {

    private static final String ROLE = "arn:aws:iam::000000000000:role/CognitoImport";

    private static final String HEADER = "name,given_name,family_name,middle_name,nickname,preferred_username,profile,"
            + "picture,website,email,email_verified,gender,birthdate,zoneinfo,locale,phone_number,"
            + "phone_number_verified,address,updated_at,cognito:mfa_enabled,cognito:username";

    private final EmulatorFixture fixture = EmulatorFixture.create();

    private String emailPool() {
        return this.fixture.createPool(Map.of("AutoVerifiedAttributes", List.of("email")));
    }

    private Reply createJob(String poolId) {
        return this.fixture.call(
                "CreateUserImportJob", Map.of("UserPoolId", poolId, "JobName", "job", "CloudWatchLogsRoleArn", ROLE));
    }

    private String jobWithFile(String poolId, String csv) {
        String jobId = createJob(poolId).requireSuccess().string("UserImportJob", "JobId");
        assertThat(this.fixture.emulator().acceptImportCsv(jobId, csv.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(UploadOutcome.ACCEPTED);
        return jobId;
    }

    private Reply start(String poolId, String jobId) {
        return this.fixture.call("StartUserImportJob", Map.of("UserPoolId", poolId, "JobId", jobId));
    }

    /** A row of the default header with an email, its verification flag and a username. */
    private static String row(String username, String email, String emailVerified) {
        return ",,,,,,,,," + email + "," + emailVerified + ",,,,,,,,,false," + username;
    }

    @Test
    void theHeaderListsTheSchemaWithoutSubThenCognitosColumns() {
        String poolId = this.fixture.createPool(
                Map.of("Schema", List.of(Map.of("Name", "tier", "AttributeDataType", "String", "Mutable", true))));

        Reply reply = this.fixture.call("GetCSVHeader", Map.of("UserPoolId", poolId));

        List<String> expected = new ArrayList<>(List.of(HEADER.split(",")));
        expected.add(19, "custom:tier");
        assertThat(reply.json()).isEqualTo(Map.of("UserPoolId", poolId, "CSVHeader", expected));
        assertThat(this.fixture
                        .call("GetCSVHeader", Map.of("UserPoolId", "us-east-1_missing00"))
                        .error())
                .isEqualTo("400 ResourceNotFoundException: User pool us-east-1_missing00 does not exist.");
    }

    @Test
    void aNewJobWaitsForItsFileAtAUrlOfTheEmulator() {
        String poolId = emailPool();

        Map<String, Object> job = createJob(poolId).requireSuccess().map("UserImportJob");

        String jobId = (String) job.get("JobId");
        assertThat(jobId).matches("import-[0-9A-Za-z]{10}");
        assertThat(job)
                .containsOnly(
                        Map.entry("JobName", "job"),
                        Map.entry("JobId", jobId),
                        Map.entry("UserPoolId", poolId),
                        Map.entry(
                                "PreSignedUrl",
                                "https://cognito-idp.us-east-1.amazonaws.com/_emulator/user-import/" + jobId),
                        Map.entry("CreationDate", 1.594889658976E9),
                        Map.entry("Status", "Created"),
                        Map.entry("CloudWatchLogsRoleArn", ROLE),
                        Map.entry("ImportedUsers", 0),
                        Map.entry("SkippedUsers", 0),
                        Map.entry("FailedUsers", 0));
        assertThat(this.fixture
                        .call("DescribeUserImportJob", Map.of("UserPoolId", poolId, "JobId", jobId))
                        .map("UserImportJob"))
                .isEqualTo(job);
    }

    @Test
    void startingAJobWithoutItsFileFails() {
        String poolId = emailPool();
        String jobId = createJob(poolId).string("UserImportJob", "JobId");

        assertThat(start(poolId, jobId).error())
                .isEqualTo("400 PreconditionNotMetException: No csv file was uploaded for " + jobId);
        assertThat(this.fixture
                        .call("DescribeUserImportJob", Map.of("UserPoolId", poolId, "JobId", jobId))
                        .string("UserImportJob", "Status"))
                .isEqualTo("Created");
    }

    @Test
    void startedJobImportsTheUsersInResetRequired() {
        String poolId = emailPool();
        String jobId = jobWithFile(
                poolId,
                HEADER + "\r\n" + row("alice", "alice@example.com", "true") + "\r\n"
                        + "\"Bob, Jr.\",,,,,,,,,bob@example.com,TRUE,,,,,+15555550100,false,,,false,bob\n\n");

        Reply started = start(poolId, jobId).requireSuccess();

        assertThat(started.map("UserImportJob"))
                .containsEntry("Status", "Succeeded")
                .containsEntry("ImportedUsers", 2)
                .containsEntry("SkippedUsers", 0)
                .containsEntry("FailedUsers", 0)
                .containsEntry("StartDate", 1.594889658976E9)
                .containsEntry("CompletionDate", 1.594889658976E9)
                .containsEntry("CompletionMessage", "Import Job Completed Successfully.");
        Reply alice = this.fixture.getUser(poolId, "alice").requireSuccess();
        assertThat(alice.string("UserStatus")).isEqualTo("RESET_REQUIRED");
        assertThat(alice.attributes("UserAttributes"))
                .containsEntry("email", "alice@example.com")
                .containsEntry("email_verified", "true");
        Reply bob = this.fixture.getUser(poolId, "bob").requireSuccess();
        assertThat(bob.attributes("UserAttributes"))
                .containsEntry("name", "Bob, Jr.")
                .containsEntry("phone_number", "+15555550100")
                .containsEntry("phone_number_verified", "false");
        assertThat(this.fixture
                        .call("DescribeUserImportJob", Map.of("UserPoolId", poolId, "JobId", jobId))
                        .map("UserImportJob"))
                .isEqualTo(started.map("UserImportJob"));
    }

    @Test
    void rowsThatBreakTheRulesFailAndTheRestAreImported() {
        String poolId = emailPool();
        this.fixture.createUser(poolId, "taken").requireSuccess();
        String csv = String.join(
                "\n",
                HEADER,
                row("ok1", "ok1@example.com", "true"),
                row("ok2", "ok2@example.com", "true"),
                row("ok3", "ok3@example.com", "true"),
                row("ok4", "ok4@example.com", "true"),
                row("taken", "taken@example.com", "true"),
                row("unverified", "u@example.com", "false"),
                row("", "nobody@example.com", "true"),
                row("noemail", "", "true"),
                ",,,,,,,,,m@example.com,true,,,,,,,,,maybe,mfa",
                ",,,,,,,,,v@example.com,yes,,,,,,,,,false,flag",
                "too,few,columns");

        Reply started = start(poolId, jobWithFile(poolId, csv)).requireSuccess();

        assertThat(started.map("UserImportJob"))
                .containsEntry("Status", "Failed")
                .containsEntry("ImportedUsers", 4)
                .containsEntry("FailedUsers", 7)
                .containsEntry("CompletionMessage", "Too many users have failed or been skipped during the import.");
        assertThat(this.fixture.getUser(poolId, "taken").string("UserStatus")).isEqualTo("FORCE_CHANGE_PASSWORD");
        assertThat(this.fixture.getUser(poolId, "unverified").error())
                .isEqualTo("400 UserNotFoundException: User does not exist.");
        assertThat(this.fixture.getUser(poolId, "ok4").string("UserStatus")).isEqualTo("RESET_REQUIRED");
    }

    @Test
    void asManyFailuresAsImportsStillSucceeds() {
        String poolId = emailPool();
        String csv =
                String.join("\n", HEADER, row("good", "g@example.com", "true"), row("bad", "b@example.com", "false"));

        Reply started = start(poolId, jobWithFile(poolId, csv)).requireSuccess();

        assertThat(started.map("UserImportJob"))
                .containsEntry("Status", "Succeeded")
                .containsEntry("ImportedUsers", 1)
                .containsEntry("FailedUsers", 1);
    }

    @Test
    void aPoolWithoutAutoVerifiedAttributesImportsNobody() {
        String poolId = this.fixture.createPool();

        Reply started = start(poolId, jobWithFile(poolId, HEADER + "\n" + row("a", "a@example.com", "true")));

        assertThat(started.map("UserImportJob"))
                .containsEntry("Status", "Failed")
                .containsEntry("ImportedUsers", 0)
                .containsEntry("FailedUsers", 1);
    }

    @Test
    void requiredAttributesAndTheSchemaAreEnforced() {
        String poolId = this.fixture.createPool(Map.of(
                "AutoVerifiedAttributes",
                List.of("email"),
                "Schema",
                List.of(Map.of("Name", "name", "AttributeDataType", "String", "Required", true))));
        String csv = String.join(
                "\n",
                HEADER,
                "Named,,,,,,,,,n@example.com,true,,,,,,,,,false,named",
                row("anonymous", "a@example.com", "true"),
                "Bad,,,,,,,,,not-an-email,true,,,,,,,,,false,bademail");

        Reply started = start(poolId, jobWithFile(poolId, csv)).requireSuccess();

        assertThat(started.map("UserImportJob"))
                .containsEntry("ImportedUsers", 1)
                .containsEntry("FailedUsers", 2);
    }

    @Test
    void inPoolsSignedInByEmailTheUsernameIsTheEmail() {
        String poolId = this.fixture.createPool(
                Map.of("AutoVerifiedAttributes", List.of("email"), "UsernameAttributes", List.of("email")));
        String csv = String.join(
                "\n", HEADER, row("e@example.com", "e@example.com", "true"), row("plain", "p@example.com", "true"));

        Reply started = start(poolId, jobWithFile(poolId, csv)).requireSuccess();

        assertThat(started.map("UserImportJob"))
                .containsEntry("ImportedUsers", 1)
                .containsEntry("FailedUsers", 1);
        assertThat(this.fixture.getUser(poolId, "e@example.com").string("UserStatus"))
                .isEqualTo("RESET_REQUIRED");
    }

    @Test
    void aBadHeaderFailsTheWholeJob() {
        String poolId = emailPool();

        Reply unknown = start(poolId, jobWithFile(poolId, "email,shoe_size,cognito:username,cognito:mfa_enabled\n"));
        Reply missing =
                start(poolId, jobWithFile(poolId, "email,email_verified,cognito:username\nx@example.com,true,x"));
        Reply noMfa = start(poolId, jobWithFile(poolId, "email,email_verified,cognito:mfa_enabled\n"));
        Reply empty = start(poolId, jobWithFile(poolId, "\n\n"));

        assertThat(unknown.map("UserImportJob"))
                .containsEntry("Status", "Failed")
                .containsEntry("CompletionMessage", "The CSV header contains an unknown column: shoe_size.");
        assertThat(missing.string("UserImportJob", "CompletionMessage"))
                .isEqualTo("The CSV header must contain cognito:username and cognito:mfa_enabled.");
        assertThat(noMfa.string("UserImportJob", "CompletionMessage"))
                .isEqualTo("The CSV header must contain cognito:username and cognito:mfa_enabled.");
        assertThat(empty.map("UserImportJob"))
                .containsEntry("Status", "Failed")
                .containsEntry("CompletionMessage", "The CSV file is empty.");
    }

    @Test
    void aJobStartsOnceAndOnlyRunningJobsStop() {
        String poolId = emailPool();
        String jobId = jobWithFile(poolId, HEADER + "\n" + row("once", "o@example.com", "true"));
        start(poolId, jobId).requireSuccess();

        assertThat(start(poolId, jobId).error())
                .isEqualTo("400 PreconditionNotMetException: Job " + jobId + " has already been started.");
        assertThat(this.fixture
                        .call("StopUserImportJob", Map.of("UserPoolId", poolId, "JobId", jobId))
                        .error())
                .isEqualTo("400 PreconditionNotMetException: Job " + jobId + " cannot be stopped in status Succeeded.");
        assertThat(this.fixture.emulator().acceptImportCsv(jobId, new byte[0])).isEqualTo(UploadOutcome.JOB_STARTED);
    }

    @Test
    void aRunningJobStopsAndStaysStopped() {
        String poolId = emailPool();
        String jobId = createJob(poolId).string("UserImportJob", "JobId");
        var jobs = this.fixture.emulator().store().resources();
        var created = jobs.find(UserImportActions.JOBS, jobId).orElseThrow();
        UserImportJob job = created.value();
        var running = new UserImportJob(
                job.jobId(),
                job.userPoolId(),
                job.jobName(),
                job.cloudWatchLogsRoleArn(),
                job.preSignedUrl(),
                job.creationDate(),
                job.creationDate(),
                null,
                "InProgress",
                3,
                0,
                1,
                null);
        assertThat(jobs.replace(created, running)).isTrue();

        Reply stopped = this.fixture.call("StopUserImportJob", Map.of("UserPoolId", poolId, "JobId", jobId));

        assertThat(stopped.requireSuccess().map("UserImportJob"))
                .containsEntry("Status", "Stopped")
                .containsEntry("ImportedUsers", 3)
                .containsEntry("FailedUsers", 1)
                .containsEntry("CompletionDate", 1.594889658976E9)
                .containsEntry("CompletionMessage", "The import job was stopped.");
    }

    @Test
    void uploadsAreBoundedAndNeedAJob() {
        String poolId = emailPool();
        String jobId = createJob(poolId).string("UserImportJob", "JobId");

        assertThat(this.fixture.emulator().acceptImportCsv("import-nosuchjob0", new byte[1]))
                .isEqualTo(UploadOutcome.NO_SUCH_JOB);
        assertThat(this.fixture.emulator().acceptImportCsv(jobId, new byte[UserImportActions.MAX_FILE_BYTES + 1]))
                .isEqualTo(UploadOutcome.TOO_LARGE);
        assertThat(this.fixture.emulator().acceptImportCsv(jobId, "first".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(UploadOutcome.ACCEPTED);
        assertThat(this.fixture
                        .emulator()
                        .acceptImportCsv(
                                jobId,
                                (HEADER + "\n" + row("second", "s@example.com", "true"))
                                        .getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(UploadOutcome.ACCEPTED);
        assertThat(start(poolId, jobId).string("UserImportJob", "Status")).isEqualTo("Succeeded");
        assertThat(this.fixture.emulator().store().resources().find(UserImportActions.FILES, jobId))
                .isEmpty();
    }

    @Test
    void jobsBelongToTheirPool() {
        String poolId = emailPool();
        String other = emailPool();
        String jobId = createJob(poolId).string("UserImportJob", "JobId");

        for (String action : List.of("DescribeUserImportJob", "StartUserImportJob", "StopUserImportJob")) {
            assertThat(this.fixture
                            .call(action, Map.of("UserPoolId", other, "JobId", jobId))
                            .error())
                    .isEqualTo("400 ResourceNotFoundException: Import job " + jobId + " does not exist.");
        }
        assertThat(createJob("us-east-1_missing00").error())
                .isEqualTo("400 ResourceNotFoundException: User pool us-east-1_missing00 does not exist.");
    }

    @Test
    void jobsAreListedInPages() {
        String poolId = emailPool();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(createJob(poolId).string("UserImportJob", "JobId"));
        }
        ids.sort(null);

        Reply first = this.fixture.call("ListUserImportJobs", Map.of("UserPoolId", poolId, "MaxResults", 2));
        Reply second = this.fixture.call(
                "ListUserImportJobs",
                Map.of("UserPoolId", poolId, "MaxResults", 2, "PaginationToken", first.string("PaginationToken")));

        assertThat(first.list("UserImportJobs"))
                .extracting((job) -> job.get("JobId"))
                .isEqualTo(ids.subList(0, 2));
        assertThat(second.list("UserImportJobs"))
                .extracting((job) -> job.get("JobId"))
                .isEqualTo(ids.subList(2, 3));
        assertThat(second.json()).doesNotContainKey("PaginationToken");
    }

    @Test
    void csvRecordsFollowRfc4180() {
        assertThat(CsvRecords.parse("a,\"b,\"\"c\"\"\",\r\n\r\n\"multi\nline\",x\r,y"))
                .isEqualTo(List.of(List.of("a", "b,\"c\"", ""), List.of("multi\nline", "x"), List.of("", "y")));
        assertThat(CsvRecords.parse("")).isEmpty();
        assertThat(CsvRecords.parse(",")).isEqualTo(List.of(List.of("", "")));
    }

    @Test
    void recordsRoundTripThroughTheDatabase() {
        try (JdbcStore store = JdbcStore.open("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "")) {
            store.pools().create(EmulatorStoreContract.pool("us-east-1_imports00"));
            Instant now = Instant.parse("2020-07-16T08:54:18Z");
            var job = new UserImportJob(
                    "import-abcdefghij",
                    "us-east-1_imports00",
                    "job",
                    ROLE,
                    "http://localhost/x",
                    now,
                    now,
                    now,
                    "Succeeded",
                    5,
                    0,
                    1,
                    "done");
            store.resources().create(UserImportActions.JOBS, "us-east-1_imports00", job.jobId(), job);
            store.resources()
                    .create(UserImportActions.FILES, "us-east-1_imports00", job.jobId(), new ImportFile("a,b"));

            assertThat(store.resources()
                            .find(UserImportActions.JOBS, job.jobId())
                            .orElseThrow()
                            .value())
                    .isEqualTo(job);
            assertThat(store.resources()
                            .find(UserImportActions.FILES, job.jobId())
                            .orElseThrow()
                            .value())
                    .isEqualTo(new ImportFile("a,b"));
        }
    }
}
