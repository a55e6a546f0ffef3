-- Mirroring sweeps into MLflow (package tracking). The store stays the truth: MLflow writes are
-- appended to mlflow_outbox (V1) in the transaction that changes the data they mirror, and a sender
-- delivers them later, so an MLflow outage delays the mirror but loses nothing.

-- A sweep created with a tracking server is mirrored; a sweep without a row here writes no outbox
-- rows at all. run_key_prefix is a random id that makes this sweep's runs findable on the server
-- (tag sweeper.run_key) even when two stores hold sweeps with the same id. tracking_uri never holds
-- credentials: they come from the environment of whoever delivers.
CREATE TABLE mlflow_sweep (
    sweep_id       BIGINT PRIMARY KEY REFERENCES sweep (id),
    tracking_uri   VARCHAR(1000) NOT NULL,
    run_key_prefix VARCHAR(36) NOT NULL UNIQUE
);

-- The MLflow run created for a sweep (trial_id null: the parent run) or a trial. Written as soon
-- as the server answers, so a retried delivery reuses the run instead of creating a second one;
-- when the answer was lost, the sender finds the run by its sweeper.run_key tag before creating.
CREATE TABLE mlflow_run (
    run_key       VARCHAR(100) PRIMARY KEY,
    sweep_id      BIGINT NOT NULL REFERENCES sweep (id),
    trial_id      BIGINT REFERENCES trial (id),
    experiment_id VARCHAR(64) NOT NULL,
    run_id        VARCHAR(64) NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

-- The sender reads one sweep's undelivered rows in order.
CREATE INDEX mlflow_outbox_sweep_pending ON mlflow_outbox (sweep_id, delivered_at, id);
