-- The processes working on a sweep (`run`, `resume`, `agent`; named host:pid:), each renewing
-- seen_at every half lease while it runs, whether it is running a trial, between trials or waiting
-- for one. A process that is stopped (Ctrl-C) hands its running trials back to the queue when
-- another process was seen within the lease; if none was, it was the last, and it cancels the sweep
-- for `sweeper resume`. A stopped or finished process deletes its row; a killed one's row goes
-- stale and stops counting after one lease, or at once when a process that sees the same pids
-- (pid_scope: host name and pid namespace) finds its pid gone.
CREATE TABLE sweep_process (
    sweep_id  BIGINT NOT NULL REFERENCES sweep (id),
    process   VARCHAR(200) NOT NULL,
    pid_scope VARCHAR(300) NOT NULL,
    seen_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (sweep_id, process)
);
