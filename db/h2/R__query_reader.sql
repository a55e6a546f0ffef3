-- H2 only (Flyway location db/h2 is added for H2 URLs). `sweeper query` runs the user's SQL as
-- this user, which may only read: H2 ignores JDBC's Connection.setReadOnly, so it is the
-- database's own privilege check that refuses INSERT, UPDATE, DELETE, DDL and admin commands
-- (files, CSV, Java aliases, SHUTDOWN).
-- Its password is random per store (SECURE_RAND), kept in a schema only the store's owner may
-- read; sweeper reads it there as the owner. So a store served over jdbc:h2:tcp:// has no
-- account anyone can guess. Stores made before this had the public password 'sweeper_query';
-- Flyway reruns this file when it changes, which replaces it.
CREATE SCHEMA IF NOT EXISTS sweeper_private;
CREATE TABLE IF NOT EXISTS sweeper_private.query_reader (password VARCHAR(64) NOT NULL);
INSERT INTO sweeper_private.query_reader (password)
    SELECT RAWTOHEX(SECURE_RAND(32)) WHERE NOT EXISTS (SELECT 1 FROM sweeper_private.query_reader);
-- CREATE/ALTER USER take a literal password only: build the statement around the stored one
-- (64 hex digits, nothing to escape).
EXECUTE IMMEDIATE 'CREATE USER IF NOT EXISTS sweeper_query PASSWORD '''
    || (SELECT password FROM sweeper_private.query_reader) || '''';
EXECUTE IMMEDIATE 'ALTER USER sweeper_query SET PASSWORD '''
    || (SELECT password FROM sweeper_private.query_reader) || '''';
GRANT SELECT ON SCHEMA ${flyway:defaultSchema} TO sweeper_query;
