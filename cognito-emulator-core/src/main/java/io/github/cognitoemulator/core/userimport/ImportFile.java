package io.github.cognitoemulator.core.userimport;

/**
 * The CSV file uploaded for an import job, kept until the job runs.
 *
 * @param csv the file's text
 */
public record ImportFile(String csv) {}
