-- The transactional outbox: one row per payment event, written by the same statement as the payment, relayed to
-- the transaction-log archive and the event bus, then marked. Relayed rows are deleted after an hour.
CREATE TABLE payment_outbox (
    seq         bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id    uuid        NOT NULL UNIQUE,
    event_type  text        NOT NULL,
    payment_id  uuid        NOT NULL,
    payload     text        NOT NULL,
    created_at  timestamptz NOT NULL,
    relayed_at  timestamptz
);

-- The relay reads pending rows in order; the index holds only those.
CREATE INDEX payment_outbox_pending_idx ON payment_outbox (seq) WHERE relayed_at IS NULL;
