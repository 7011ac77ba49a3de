package io.github.cognitoemulator.core.userimport;

/** What became of a CSV file uploaded to an import job's pre-signed URL. */
public enum UploadOutcome {
    /** The file is kept for the job; a later upload replaces it. */
    ACCEPTED,
    /** There is no such job. */
    NO_SUCH_JOB,
    /** The job has been started already, so its file can no longer change. */
    JOB_STARTED,
    /** The file is larger than Cognito accepts. */
    TOO_LARGE
}
