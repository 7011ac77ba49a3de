-- The small records that live in a pool (groups and memberships, resource servers, identity providers, domains,
-- branding, import jobs, tags, ...), one table for all kinds. A record's key is unique within its kind across
-- pools; keys of pool-scoped kinds start with the pool id, so listing a pool's records is a prefix search.
-- The version column lets a writer replace or delete only the version it read. A record of the account as a whole
-- (a provisioned limit) has no pool.

CREATE TABLE cognito_resources (
    kind         VARCHAR NOT NULL,
    resource_key VARCHAR ${ordered} NOT NULL,
    pool_id      VARCHAR REFERENCES cognito_pools (id) ON DELETE CASCADE,
    version      BIGINT NOT NULL,
    data         VARCHAR NOT NULL,
    PRIMARY KEY (kind, resource_key)
);

CREATE INDEX cognito_resources_by_pool ON cognito_resources (pool_id, kind, resource_key);
