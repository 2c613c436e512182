-- The ledger on MySQL 8 / Aurora MySQL 3 (also run on MariaDB 10.11 in the tests): the same tables as on
-- PostgreSQL. Keys and codes are ascii_bin, so they compare case-sensitively as on PostgreSQL; times are UTC.
-- The failover drill compares acknowledged payments by payments.idempotency_key and payments.id: keep these names.
CREATE TABLE payments (
    id              CHAR(36)     CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    idempotency_key VARCHAR(255) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    customer_id     VARCHAR(64)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    amount_minor    BIGINT       NOT NULL,
    currency        CHAR(3)      CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    description     VARCHAR(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL,
    metadata        JSON         NULL,
    status          VARCHAR(16)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    region          VARCHAR(32)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    created_at      DATETIME(6)  NOT NULL,
    CONSTRAINT payments_pk PRIMARY KEY (id),
    CONSTRAINT payments_idempotency_key_uq UNIQUE (idempotency_key),
    CONSTRAINT payments_customer_id_ck CHECK (customer_id REGEXP '^[A-Za-z0-9_-]{1,64}$'),
    CONSTRAINT payments_amount_ck CHECK (amount_minor > 0),
    CONSTRAINT payments_currency_ck CHECK (currency REGEXP '^[A-Z]{3}$'),
    -- Keyset pagination: a customer's payments newest first.
    INDEX payments_customer_created_idx (customer_id, created_at DESC, id DESC)
) ENGINE = InnoDB;

-- "key" is a reserved word in MySQL: the column is idempotency_key here.
CREATE TABLE idempotency_records (
    idempotency_key VARCHAR(255) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    request_hash    CHAR(64)     CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    payment_id      CHAR(36)     CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    response_status INT          NOT NULL,
    response_body   TEXT         CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    created_at      DATETIME(6)  NOT NULL,
    CONSTRAINT idempotency_records_pk PRIMARY KEY (idempotency_key),
    CONSTRAINT idempotency_records_payment_fk FOREIGN KEY (payment_id) REFERENCES payments (id)
) ENGINE = InnoDB;

-- The transactional outbox, written in the payment's transaction; relayed rows are deleted after an hour.
CREATE TABLE payment_outbox (
    seq        BIGINT       NOT NULL AUTO_INCREMENT,
    event_id   CHAR(36)     CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    event_type VARCHAR(64)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    payment_id CHAR(36)     CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    payload    TEXT         CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    created_at DATETIME(6)  NOT NULL,
    relayed_at DATETIME(6)  NULL,
    CONSTRAINT payment_outbox_pk PRIMARY KEY (seq),
    CONSTRAINT payment_outbox_event_uq UNIQUE (event_id),
    -- The relay reads pending rows (relayed_at IS NULL) in order.
    INDEX payment_outbox_pending_idx (relayed_at, seq)
) ENGINE = InnoDB;
