-- H2 only (Flyway location db/h2 is added for H2 URLs). `sweeper query` runs the user's SQL as
-- this user, which may only read: H2 ignores JDBC's Connection.setReadOnly, so it is the
-- database's own privilege check that refuses INSERT, UPDATE, DELETE, DDL and admin commands.
-- The password guards nothing (the user can only read what the file's owner can read anyway);
-- H2 just requires one.
CREATE USER IF NOT EXISTS sweeper_query PASSWORD 'sweeper_query';
GRANT SELECT ON SCHEMA ${flyway:defaultSchema} TO sweeper_query;
