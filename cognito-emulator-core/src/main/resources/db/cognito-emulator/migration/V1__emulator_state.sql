-- The emulator's state, for H2 and PostgreSQL alike.
--
-- Every table is prefixed with cognito_ so that the store can share a database with the application.
-- Timestamps are epoch nanoseconds (BIGINT): an Instant reads back exactly as it was written on both databases.
-- Structured values are JSON text (VARCHAR), written and read by the store; never JSONB, which would reorder
-- a user's attributes.
-- The "ordered" placeholder is COLLATE "C" on PostgreSQL and nothing on H2, which compares Java strings: columns
-- that results are sorted by, or searched by prefix, compare by code point rather than by a locale's rules.

CREATE TABLE cognito_pools (
    id                       VARCHAR ${ordered} NOT NULL PRIMARY KEY,
    name                     VARCHAR NOT NULL,
    arn                      VARCHAR NOT NULL,
    creation_date            BIGINT NOT NULL,
    last_modified_date       BIGINT NOT NULL,
    password_policy          VARCHAR NOT NULL,
    schema_attributes        VARCHAR NOT NULL,
    auto_verified_attributes VARCHAR NOT NULL,
    alias_attributes         VARCHAR NOT NULL,
    username_attributes      VARCHAR NOT NULL,
    username_case_sensitive  BOOLEAN,
    mfa_configuration        VARCHAR NOT NULL,
    deletion_protection      VARCHAR NOT NULL,
    settings                 VARCHAR NOT NULL
);

-- Clients and users cannot outlive their pool: the foreign keys refuse one added to a deleted pool, even when the
-- deletion races the addition, and take them along when the pool goes.
CREATE TABLE cognito_clients (
    client_id                     VARCHAR ${ordered} NOT NULL PRIMARY KEY,
    pool_id                       VARCHAR ${ordered} NOT NULL REFERENCES cognito_pools (id) ON DELETE CASCADE,
    client_name                   VARCHAR NOT NULL,
    client_secret                 VARCHAR,
    creation_date                 BIGINT NOT NULL,
    last_modified_date            BIGINT NOT NULL,
    token_validity                VARCHAR NOT NULL,
    explicit_auth_flows           VARCHAR,
    prevent_user_existence_errors VARCHAR,
    enable_token_revocation       BOOLEAN NOT NULL,
    auth_session_validity         INTEGER NOT NULL,
    settings                      VARCHAR NOT NULL
);

CREATE INDEX cognito_clients_by_pool ON cognito_clients (pool_id, client_id);

CREATE TABLE cognito_users (
    pool_id            VARCHAR ${ordered} NOT NULL REFERENCES cognito_pools (id) ON DELETE CASCADE,
    sub                VARCHAR NOT NULL,
    username           VARCHAR ${ordered} NOT NULL,
    attributes         VARCHAR NOT NULL,
    status             VARCHAR NOT NULL,
    enabled            BOOLEAN NOT NULL,
    create_date        BIGINT NOT NULL,
    last_modified_date BIGINT NOT NULL,
    password_salt      VARCHAR,
    password_verifier  VARCHAR,
    password_set_date  BIGINT,
    version            BIGINT NOT NULL,
    PRIMARY KEY (pool_id, sub)
);

CREATE INDEX cognito_users_by_username ON cognito_users (pool_id, username);

-- A user's unique keys (username:..., email:...): the primary key is what keeps two users of a pool from sharing one.
CREATE TABLE cognito_user_keys (
    pool_id  VARCHAR ${ordered} NOT NULL,
    user_key VARCHAR NOT NULL,
    sub      VARCHAR NOT NULL,
    PRIMARY KEY (pool_id, user_key),
    FOREIGN KEY (pool_id, sub) REFERENCES cognito_users (pool_id, sub) ON DELETE CASCADE
);

CREATE INDEX cognito_user_keys_by_user ON cognito_user_keys (pool_id, sub);

-- What ListUsers filters on: one row per user and searchable attribute with a value. Values are cut to their first
-- 256 code points so that any value fits an index entry; the store checks the whole value of every row it finds.
CREATE TABLE cognito_user_search (
    pool_id      VARCHAR ${ordered} NOT NULL,
    attribute    VARCHAR NOT NULL,
    search_value VARCHAR ${ordered} NOT NULL,
    sub          VARCHAR NOT NULL,
    PRIMARY KEY (pool_id, attribute, search_value, sub),
    FOREIGN KEY (pool_id, sub) REFERENCES cognito_users (pool_id, sub) ON DELETE CASCADE
);

CREATE INDEX cognito_user_search_by_user ON cognito_user_search (pool_id, sub);

-- The records below carry a pool id without a foreign key, as the in-memory store keeps them for any pool; the
-- deletion of a pool removes them explicitly.
CREATE TABLE cognito_auth_sessions (
    session_key VARCHAR NOT NULL PRIMARY KEY,
    pool_id     VARCHAR NOT NULL,
    client_id   VARCHAR NOT NULL,
    sub         VARCHAR NOT NULL,
    challenge   VARCHAR NOT NULL,
    expires_at  BIGINT NOT NULL,
    data        VARCHAR NOT NULL
);

CREATE INDEX cognito_auth_sessions_by_pool ON cognito_auth_sessions (pool_id);

CREATE INDEX cognito_auth_sessions_by_expiry ON cognito_auth_sessions (expires_at);

CREATE TABLE cognito_codes (
    pool_id         VARCHAR NOT NULL,
    sub             VARCHAR NOT NULL,
    purpose         VARCHAR NOT NULL,
    code            VARCHAR NOT NULL,
    expires_at      BIGINT NOT NULL,
    failed_attempts INTEGER NOT NULL,
    superseded      VARCHAR NOT NULL,
    PRIMARY KEY (pool_id, sub, purpose)
);

CREATE INDEX cognito_codes_by_expiry ON cognito_codes (expires_at);

CREATE TABLE cognito_refresh_sessions (
    token_digest VARCHAR NOT NULL PRIMARY KEY,
    pool_id      VARCHAR NOT NULL,
    client_id    VARCHAR NOT NULL,
    sub          VARCHAR NOT NULL,
    origin_jti   VARCHAR NOT NULL UNIQUE,
    auth_time    BIGINT NOT NULL,
    expires_at   BIGINT NOT NULL,
    retain_until BIGINT NOT NULL,
    revoked      BOOLEAN NOT NULL
);

CREATE INDEX cognito_refresh_sessions_by_user ON cognito_refresh_sessions (pool_id, sub);

CREATE INDEX cognito_refresh_sessions_by_retention ON cognito_refresh_sessions (retain_until);

-- Each key as a JWK, private parts included: tokens must still verify after a restart.
CREATE TABLE cognito_signing_keys (
    pool_id          VARCHAR ${ordered} NOT NULL PRIMARY KEY,
    id_token_key     VARCHAR NOT NULL,
    access_token_key VARCHAR NOT NULL
);

-- seq orders messages by arrival, newest last.
CREATE TABLE cognito_messages (
    seq             BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    id              VARCHAR NOT NULL,
    pool_id         VARCHAR NOT NULL,
    username        VARCHAR NOT NULL,
    message_type    VARCHAR NOT NULL,
    delivery_medium VARCHAR NOT NULL,
    destination     VARCHAR NOT NULL,
    subject         VARCHAR,
    body            VARCHAR NOT NULL,
    code            VARCHAR,
    sent_at         BIGINT NOT NULL
);

CREATE INDEX cognito_messages_by_pool ON cognito_messages (pool_id, seq);

CREATE TABLE cognito_secrets (
    name   VARCHAR NOT NULL PRIMARY KEY,
    secret BYTEA NOT NULL
);
