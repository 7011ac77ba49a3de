package io.github.cognitoemulator.sample.usecases;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminGetUserResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.PreconditionNotMetException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserImportJobStatusType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserImportJobType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserStatusType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.VerifiedAttributeType;

/** Importing users from a CSV file uploaded to an import job's pre-signed URL. */
class UserImportTests extends CognitoUseCase {

    private static final String ROLE = "arn:aws:iam::000000000000:role/CognitoImport";

    private String emailPool() {
        return createPool((request) -> request.autoVerifiedAttributes(VerifiedAttributeType.EMAIL))
                .id();
    }

    private UserImportJobType createJob(String poolId) {
        return cognito()
                .createUserImportJob((request) ->
                        request.userPoolId(poolId).jobName("import").cloudWatchLogsRoleArn(ROLE))
                .userImportJob();
    }

    private static HttpResponse<String> upload(String url, String csv) throws IOException, InterruptedException {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(url))
                                .header("Content-Type", "text/csv")
                                .PUT(HttpRequest.BodyPublishers.ofString(csv))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void usersOfAnUploadedFileAreImportedAndMustResetTheirPassword() throws Exception {
        String poolId = emailPool();
        List<String> header =
                cognito().getCSVHeader((request) -> request.userPoolId(poolId)).csvHeader();
        assertThat(header).startsWith("name", "given_name").endsWith("cognito:mfa_enabled", "cognito:username");
        UserImportJobType job = createJob(poolId);
        assertThat(job.status()).isEqualTo(UserImportJobStatusType.CREATED);
        assertThat(job.preSignedUrl())
                .isEqualTo("http://localhost:" + this.port + "/_emulator/user-import/" + job.jobId());
        StringBuilder csv = new StringBuilder(String.join(",", header)).append('\n');
        for (String username : List.of("ada", "grace")) {
            for (String column : header) {
                csv.append(
                        switch (column) {
                            case "email" -> username + "@example.com";
                            case "email_verified" -> "true";
                            case "cognito:mfa_enabled" -> "false";
                            case "cognito:username" -> username;
                            default -> "";
                        });
                csv.append(column.equals("cognito:username") ? "\n" : ",");
            }
        }

        assertThat(upload(job.preSignedUrl(), csv.toString()).statusCode()).isEqualTo(200);
        UserImportJobType started = cognito()
                .startUserImportJob((request) -> request.userPoolId(poolId).jobId(job.jobId()))
                .userImportJob();

        assertThat(started.status()).isEqualTo(UserImportJobStatusType.SUCCEEDED);
        assertThat(started.importedUsers()).isEqualTo(2);
        assertThat(started.failedUsers()).isZero();
        AdminGetUserResponse ada =
                cognito().adminGetUser((request) -> request.userPoolId(poolId).username("ada"));
        assertThat(ada.userStatus()).isEqualTo(UserStatusType.RESET_REQUIRED);
        assertThat(attributes(ada.userAttributes())).containsEntry("email", "ada@example.com");
        assertThat(cognito()
                        .describeUserImportJob(
                                (request) -> request.userPoolId(poolId).jobId(job.jobId()))
                        .userImportJob())
                .isEqualTo(started);
        assertThat(cognito()
                        .listUserImportJobs(
                                (request) -> request.userPoolId(poolId).maxResults(10))
                        .userImportJobs())
                .containsExactly(started);
        PreconditionNotMetException stop = cognitoError(
                PreconditionNotMetException.class,
                () -> cognito()
                        .stopUserImportJob(
                                (request) -> request.userPoolId(poolId).jobId(job.jobId())));
        assertThat(stop.awsErrorDetails().errorMessage())
                .isEqualTo("Job " + job.jobId() + " cannot be stopped in status Succeeded.");
    }

    @Test
    void aJobWithoutItsFileDoesNotStart() throws Exception {
        String poolId = emailPool();
        UserImportJobType job = createJob(poolId);

        PreconditionNotMetException error = cognitoError(
                PreconditionNotMetException.class,
                () -> cognito()
                        .startUserImportJob(
                                (request) -> request.userPoolId(poolId).jobId(job.jobId())));

        assertThat(error.awsErrorDetails().errorMessage()).isEqualTo("No csv file was uploaded for " + job.jobId());
        assertThat(upload(job.preSignedUrl().replace(job.jobId(), "import-unknown000"), "x")
                        .statusCode())
                .isEqualTo(404);
    }
}
