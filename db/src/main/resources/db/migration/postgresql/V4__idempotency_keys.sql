-- Idempotency-Key: one row per key and caller. The row is claimed before the write, in a
-- transaction of its own, and its response is stored in the write's own transaction, so a
-- repeat finds the response exactly when the write committed. Rows older than IDEMPOTENCY_TTL
-- are purged in small batches (idempotency_keys_claimed_at_idx). Keep in step with
-- ../sqlite/V4__idempotency_keys.sql (SchemaParityTest).
CREATE TABLE idempotency_keys (
    scope            VARCHAR(255) NOT NULL,
    idempotency_key  VARCHAR(255) NOT NULL,
    -- SHA-256 of the method, the path and the body as a JSON value, in hex.
    fingerprint      VARCHAR(64)  NOT NULL,
    claimed_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    -- Empty while the request runs; set together with its write.
    response_status  INTEGER,
    response_body    TEXT,
    -- "Name: value" lines (Location, ETag).
    response_headers TEXT,
    CONSTRAINT idempotency_keys_pk PRIMARY KEY (scope, idempotency_key)
);

CREATE INDEX idempotency_keys_claimed_at_idx ON idempotency_keys (claimed_at);
