package io.github.cognitoemulator.core.userimport;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A user import job, as DescribeUserImportJob shows it.
 *
 * @param jobId {@code import-} and ten alphanumerics
 * @param userPoolId the pool users are imported into
 * @param jobName the name the caller gave
 * @param cloudWatchLogsRoleArn the role Cognito would log with
 * @param preSignedUrl where the CSV file is uploaded with an HTTP PUT
 * @param creationDate when the job was created
 * @param startDate when the job was started, or {@code null}
 * @param completionDate when the job ended, or {@code null}
 * @param status {@code Created}, {@code Pending}, {@code InProgress}, {@code Stopping}, {@code Expired},
 *     {@code Stopped}, {@code Failed} or {@code Succeeded}
 * @param importedUsers how many users were imported
 * @param skippedUsers how many users were skipped
 * @param failedUsers how many users could not be imported
 * @param completionMessage how the job ended, or {@code null} while it has not
 */
public record UserImportJob(
        String jobId,
        String userPoolId,
        String jobName,
        String cloudWatchLogsRoleArn,
        String preSignedUrl,
        Instant creationDate,
        @Nullable Instant startDate,
        @Nullable Instant completionDate,
        String status,
        long importedUsers,
        long skippedUsers,
        long failedUsers,
        @Nullable String completionMessage) {

    /** The status of a job that was created and waits for its start. */
    public static final String CREATED = "Created";

    public UserImportJob {
        Objects.requireNonNull(jobId, "'jobId' must not be null");
        Objects.requireNonNull(status, "'status' must not be null");
    }

    /** This job with another status and nothing else changed. */
    UserImportJob withStatus(String status) {
        return new UserImportJob(
                this.jobId,
                this.userPoolId,
                this.jobName,
                this.cloudWatchLogsRoleArn,
                this.preSignedUrl,
                this.creationDate,
                this.startDate,
                this.completionDate,
                status,
                this.importedUsers,
                this.skippedUsers,
                this.failedUsers,
                this.completionMessage);
    }

    /** This job, ended at {@code now} with {@code status}, its counts and its message. */
    UserImportJob ended(
            Instant now, String status, long imported, long skipped, long failed, String completionMessage) {
        return new UserImportJob(
                this.jobId,
                this.userPoolId,
                this.jobName,
                this.cloudWatchLogsRoleArn,
                this.preSignedUrl,
                this.creationDate,
                now,
                now,
                status,
                imported,
                skipped,
                failed,
                completionMessage);
    }
}
