-- Which store this is: one row holding a random id, made by the first `run`, `resume` or `agent`
-- on the store (by sweeper, in Java: H2 and PostgreSQL name their UUID functions differently).
-- Trial folders under --runs are named after it (RUNS/<first 8 hex digits>/sweep-N/trial-M), so
-- two stores sharing a runs folder, e.g. the default ~/.sweeper/runs, never write the same folder.
-- The primary key on a column that can only be TRUE keeps it to one row even when two processes
-- make it at once.
CREATE TABLE store_identity (
    single BOOLEAN DEFAULT TRUE NOT NULL PRIMARY KEY CHECK (single),
    id     UUID NOT NULL
);
