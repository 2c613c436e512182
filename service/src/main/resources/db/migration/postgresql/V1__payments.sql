-- The ledger: one row per accepted payment, and the idempotency record written in the same transaction.
-- The failover drill compares acknowledged payments by payments.idempotency_key and payments.id: keep these names.
CREATE TABLE payments (
    id              uuid        PRIMARY KEY,
    idempotency_key text        NOT NULL UNIQUE,
    customer_id     text        NOT NULL CHECK (customer_id ~ '^[A-Za-z0-9_-]{1,64}$'),
    amount_minor    bigint      NOT NULL CHECK (amount_minor > 0),
    currency        char(3)     NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    description     text        CHECK (char_length(description) <= 255),
    metadata        jsonb,
    status          text        NOT NULL,
    region          text        NOT NULL,
    created_at      timestamptz NOT NULL
);

-- Keyset pagination: a customer's payments newest first.
CREATE INDEX payments_customer_created_idx ON payments (customer_id, created_at DESC, id DESC);

CREATE TABLE idempotency_records (
    key             text        PRIMARY KEY,
    request_hash    text        NOT NULL,
    payment_id      uuid        NOT NULL REFERENCES payments (id),
    response_status integer     NOT NULL,
    response_body   text        NOT NULL,
    created_at      timestamptz NOT NULL
);
