/**
 * PostgreSQL 15 type I/O: for each type its OID and its text (input/output function) and
 * binary (recv/send) encodings, byte-identical to PostgreSQL. {@link org.lakepg.wire.types.PgTypes}
 * finds a {@link org.lakepg.wire.types.PgType} by OID or name; {@link org.lakepg.wire.types.FormatSettings}
 * carries the session settings the functions consult; {@link org.lakepg.wire.types.TypeModifiers}
 * applies char(n), varchar(n), numeric(p,s) and fractional-second precisions.
 *
 * <p>Java values are PostgreSQL's internal representations, so the engine can compute on them:
 * <table>
 * <caption>value classes</caption>
 * <tr><th>type</th><th>Java value</th></tr>
 * <tr><td>bool, int2, int4, int8, float4, float8</td><td>Boolean, Short, Integer, Long, Float, Double</td></tr>
 * <tr><td>numeric</td><td>{@link org.lakepg.wire.types.PgNumeric} (display scale kept, NaN, ±Infinity)</td></tr>
 * <tr><td>text, varchar, bpchar, name, unknown, json</td><td>String (json verbatim)</td></tr>
 * <tr><td>"char"</td><td>Byte</td></tr>
 * <tr><td>bytea</td><td>byte[]</td></tr>
 * <tr><td>date</td><td>Integer days since 2000-01-01; Integer.MIN/MAX_VALUE = -infinity/infinity</td></tr>
 * <tr><td>time</td><td>Long microseconds since midnight</td></tr>
 * <tr><td>timetz</td><td>{@link org.lakepg.wire.types.PgTimeTz} (micros, offset seconds east of UTC)</td></tr>
 * <tr><td>timestamp, timestamptz</td><td>Long microseconds since 2000-01-01 00:00 (UTC for timestamptz);
 *     Long.MIN/MAX_VALUE = -infinity/infinity</td></tr>
 * <tr><td>interval</td><td>{@link org.lakepg.wire.types.PgInterval} (months, days, micros)</td></tr>
 * <tr><td>uuid</td><td>java.util.UUID</td></tr>
 * <tr><td>jsonb</td><td>{@link org.lakepg.wire.types.Jsonb} tree in jsonb's canonical order</td></tr>
 * <tr><td>oid, pg_lsn</td><td>Long (oid unsigned 32-bit)</td></tr>
 * <tr><td>arrays</td><td>{@link org.lakepg.wire.types.PgArray} (any number of dimensions, lower bounds)</td></tr>
 * <tr><td>xid, cid, xid8</td><td>Long (unsigned 32-bit; xid8 unsigned 64-bit)</td></tr>
 * <tr><td>tid</td><td>{@link org.lakepg.wire.types.PgTid}</td></tr>
 * <tr><td>int2vector, oidvector</td><td>PgArray, one dimension, lower bound 0</td></tr>
 * </table>
 *
 * <p>Time zones: offsets come from java.time's tz database; zone abbreviations printed by the
 * SQL, Postgres and German DateStyles come from the system's TZif files in /usr/share/zoneinfo
 * (what PostgreSQL uses when built with system tzdata), falling back to java.time's names when
 * a file is missing. If the JDK's tz database and the system's differ in version, offsets of
 * recently changed zones may differ from PostgreSQL's. Input abbreviations (PST, CET, MSK ...)
 * are PostgreSQL's "Default" timezone_abbreviations set; dynamic ones are resolved from the
 * zone's TZif history like PostgreSQL does.
 *
 * <p>Every behaviour is checked against fixtures recorded from PostgreSQL 15.18 by
 * src/test/resources/types/record-fixtures.sh.
 */
package org.lakepg.wire.types;
