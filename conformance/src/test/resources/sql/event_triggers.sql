-- Event triggers: ddl_command_start / ddl_command_end firing PL/pgSQL functions with TG_EVENT and TG_TAG, in name
-- order, filtered by WHEN TAG IN, switched by ALTER EVENT TRIGGER and session_replication_role; \dy.
CREATE FUNCTION evt_show() RETURNS event_trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE NOTICE 'evt_show: % %', tg_event, tg_tag;
END $$;
CREATE EVENT TRIGGER evt_b_start ON ddl_command_start EXECUTE FUNCTION evt_show();
CREATE EVENT TRIGGER evt_a_end ON ddl_command_end EXECUTE PROCEDURE evt_show();
CREATE EVENT TRIGGER evt_c_tables ON ddl_command_start WHEN TAG IN ('create table', 'DROP TABLE')
  EXECUTE FUNCTION evt_show();
CREATE TABLE evt_t1 (a int);
ALTER TABLE evt_t1 ADD COLUMN b text;
CREATE INDEX evt_t1_a ON evt_t1 (a);
CREATE VIEW evt_v AS SELECT a FROM evt_t1;
COMMENT ON TABLE evt_t1 IS 'commented';
GRANT SELECT ON evt_t1 TO PUBLIC;
REVOKE SELECT ON evt_t1 FROM PUBLIC;
CREATE FUNCTION evt_f() RETURNS int LANGUAGE sql AS 'SELECT 1';
-- not fired: queries, transaction control, settings, roles
SELECT count(*) FROM evt_t1;
BEGIN;
SET LOCAL work_mem = '8MB';
COMMIT;
CREATE ROLE evt_role;
DROP ROLE evt_role;
\dy
ALTER EVENT TRIGGER evt_b_start DISABLE;
CREATE TABLE evt_t2 (a int);
ALTER EVENT TRIGGER evt_b_start ENABLE REPLICA;
SET session_replication_role = replica;
CREATE TABLE evt_t3 (a int);
RESET session_replication_role;
ALTER EVENT TRIGGER evt_b_start ENABLE ALWAYS;
CREATE TABLE evt_t4 (a int);
-- a DDL command inside a function fires them too
CREATE FUNCTION evt_make() RETURNS int LANGUAGE plpgsql AS $$
BEGIN
  CREATE TABLE evt_t5 (a int);
  RETURN 0;
END $$;
SELECT evt_make();
\dy+
-- an error in a trigger aborts the command
CREATE FUNCTION evt_refuse() RETURNS event_trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'no % today', tg_tag;
END $$;
CREATE EVENT TRIGGER evt_d_refuse ON ddl_command_start WHEN TAG IN ('CREATE SEQUENCE') EXECUTE FUNCTION evt_refuse();
\set VERBOSITY terse
CREATE SEQUENCE evt_seq;
\set VERBOSITY default
SELECT count(*) FROM pg_class WHERE relname = 'evt_seq';
DROP EVENT TRIGGER evt_d_refuse;
DROP EVENT TRIGGER evt_a_end;
DROP EVENT TRIGGER evt_b_start;
DROP EVENT TRIGGER evt_c_tables;
DROP VIEW evt_v;
DROP TABLE evt_t1, evt_t2, evt_t3, evt_t4, evt_t5;
DROP FUNCTION evt_f();
DROP FUNCTION evt_make();
DROP FUNCTION evt_refuse();
DROP FUNCTION evt_show();
\dy
