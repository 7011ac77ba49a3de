package io.github.cognitoemulator.core.domain;

/**
 * The place a pool has for one domain of each sort, holding the domain's name: created together with the domain,
 * it makes "one prefix domain and one custom domain per pool" as atomic as the global uniqueness of domain names.
 *
 * @param domain the name of the domain in the slot
 */
public record DomainSlot(String domain) {}
