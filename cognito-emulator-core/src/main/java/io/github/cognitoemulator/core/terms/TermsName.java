package io.github.cognitoemulator.core.terms;

/**
 * The claim of a terms document on its name within its app client, which Cognito keeps unique.
 *
 * @param termsId the document that has the name
 */
public record TermsName(String termsId) {}
