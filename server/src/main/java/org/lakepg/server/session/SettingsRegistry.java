package org.lakepg.server.session;

import static org.lakepg.server.session.SettingDefinition.Context.INTERNAL;
import static org.lakepg.server.session.SettingDefinition.Context.POSTMASTER;
import static org.lakepg.server.session.SettingDefinition.Context.SIGHUP;
import static org.lakepg.server.session.SettingDefinition.Context.SUPERUSER;
import static org.lakepg.server.session.SettingDefinition.Context.USER;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.lakepg.server.session.SettingDefinition.Context;
import org.lakepg.server.session.SettingDefinition.Kind;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/** Every configuration parameter lakepg knows, with PostgreSQL 15's names, boot values and contexts. */
public final class SettingsRegistry {
    public static final String SERVER_VERSION = "15.18 (lakepg)";
    public static final String SERVER_VERSION_NUM = "150018";

    private final Map<String, SettingDefinition> byLowerName = new LinkedHashMap<>();

    public SettingsRegistry() {
        // reported to clients (GUC_REPORT) on connect and on every change
        reported(string("server_version", SERVER_VERSION, INTERNAL, null, "Preset Options"));
        reported(string("server_encoding", "UTF8", INTERNAL, null, "Preset Options"));
        reported(string("client_encoding", "UTF8", USER, new ClientEncodingCheck(), "Client Connection Defaults"));
        reported(string("DateStyle", "ISO, MDY", USER, new DateStyleCheck(), "Client Connection Defaults"));
        reported(enumeration("IntervalStyle", "postgres", USER, "postgres", "postgres_verbose", "sql_standard", "iso_8601"));
        reported(string("TimeZone", "Etc/UTC", USER, new TimeZoneCheck(), "Client Connection Defaults"));
        reported(bool("integer_datetimes", true, INTERNAL));
        reported(bool("standard_conforming_strings", true, USER));
        reported(string("application_name", "", USER, null, "Reporting and Logging"));
        reported(bool("is_superuser", true, INTERNAL));
        reported(string("session_authorization", "postgres", USER, null, "Client Connection Defaults"));
        reported(bool("in_hot_standby", false, INTERNAL));
        reported(bool("default_transaction_read_only", false, USER));

        add(string("server_version_num", SERVER_VERSION_NUM, INTERNAL, null, "Preset Options"));
        add(integer("extra_float_digits", 1, -15, 3, Unit.NONE, USER));
        add(enumeration("bytea_output", "hex", USER, "escape", "hex"));
        add(string("search_path", "\"$user\", public", USER, null, "Client Connection Defaults"));
        add(integer("statement_timeout", 0, 0, Integer.MAX_VALUE, Unit.MILLISECOND, USER));
        add(integer("lock_timeout", 0, 0, Integer.MAX_VALUE, Unit.MILLISECOND, USER));
        add(integer("idle_in_transaction_session_timeout", 0, 0, Integer.MAX_VALUE, Unit.MILLISECOND, USER));
        add(integer("work_mem", 4096, 64, Integer.MAX_VALUE, Unit.KILOBYTE, USER));
        add(integer("maintenance_work_mem", 65536, 1024, Integer.MAX_VALUE, Unit.KILOBYTE, USER));
        add(integer("shared_buffers", defaultSharedBuffers(), 16, Integer.MAX_VALUE / 2, Unit.BLOCK_8K, POSTMASTER));
        add(integer("max_connections", 100, 1, 262143, Unit.NONE, POSTMASTER));
        add(integer("max_identifier_length", 63, 63, 63, Unit.NONE, INTERNAL));
        add(integer("max_prepared_transactions", 0, 0, 262143, Unit.NONE, POSTMASTER));
        add(enumeration("default_transaction_isolation", "read committed", USER,
                "serializable", "repeatable read", "read committed", "read uncommitted"));
        add(enumeration("transaction_isolation", "read committed", USER,
                "serializable", "repeatable read", "read committed", "read uncommitted"));
        add(bool("transaction_read_only", false, USER));
        add(bool("default_transaction_deferrable", false, USER));
        add(bool("transaction_deferrable", false, USER));
        add(enumeration("synchronous_commit", "on", USER, "local", "remote_write", "remote_apply", "on", "off"));
        add(enumeration("client_min_messages", "notice", USER,
                "debug5", "debug4", "debug3", "debug2", "debug1", "log", "notice", "warning", "error"));
        add(enumeration("log_min_messages", "warning", SUPERUSER,
                "debug5", "debug4", "debug3", "debug2", "debug1", "info", "notice", "warning", "error", "log", "fatal", "panic"));
        add(string("timezone_abbreviations", "Default", USER, null, "Client Connection Defaults"));
        add(string("lc_messages", "C", SUPERUSER, null, "Client Connection Defaults"));
        add(string("lc_monetary", "C", USER, null, "Client Connection Defaults"));
        add(string("lc_numeric", "C", USER, null, "Client Connection Defaults"));
        add(string("lc_time", "C", USER, null, "Client Connection Defaults"));
        add(string("lc_collate", "C", INTERNAL, null, "Preset Options"));
        add(string("lc_ctype", "C", INTERNAL, null, "Preset Options"));
        add(bool("check_function_bodies", true, USER));
        // lakepg's own: the branch a session is connected to, and time travel (LakepgSession reads them)
        add(string("lakepg.branch", "main", INTERNAL, null, "Customized Options"));
        add(string("lakepg.read_lsn", "", USER, new ReadPointCheck.Lsn(), "Customized Options"));
        add(string("lakepg.read_time", "", USER, null, "Customized Options"));
        // how far back time travel and branch-at-time can go: garbage collection keeps this much history
        add(integer("lakepg.retention", 7 * 24 * 60, 0, Integer.MAX_VALUE, Unit.MINUTE, POSTMASTER));
        // scale to zero: a database's compute is suspended after this long without sessions (0 = never)
        add(integer("lakepg.suspend_timeout", 300, 0, Integer.MAX_VALUE, Unit.SECOND, POSTMASTER));
        // Netty event-loop threads (0 = one per processor; PgServer): all sockets with lakepg.session_io = netty, else TLS
        add(integer("lakepg.io_threads", 0, 0, 1024, Unit.NONE, POSTMASTER));
        // who does a session's socket I/O: its own platform thread, its own virtual thread, or Netty (PgServer)
        add(enumeration("lakepg.session_io", "thread", POSTMASTER, "thread", "virtual", "netty"));
        // read replicas: a session started with lakepg.replica=on reads from a read-only compute following the WAL,
        // which moves to the latest durable LSN at most this often
        add(bool("lakepg.replica", false, INTERNAL));
        add(integer("lakepg.replica_replay_interval", 200, 1, Integer.MAX_VALUE, Unit.MILLISECOND, POSTMASTER));
        // lakepg analytics: which engine runs scan-heavy queries (AnalyticsRouting) and from what table size
        add(enumeration("lakepg.analytics", "auto", USER, "auto", "on", "off"));
        add(integer("lakepg.analytics_min_pages", 1024, 0, Integer.MAX_VALUE, Unit.NONE, USER));
        // simple-protocol statements keep their plan per session with integer literals as parameters (SimpleQueryCache)
        add(bool("lakepg.simple_plan_cache", true, USER));
        add(bool("row_security", true, USER));
        add(bool("jit", false, USER));
        add(bool("escape_string_warning", true, USER));
        add(enumeration("backslash_quote", "safe_encoding", USER, "safe_encoding", "on", "off"));
        add(bool("array_nulls", true, USER));
        add(bool("quote_all_identifiers", false, USER));
        add(bool("enable_seqscan", true, USER));
        add(bool("enable_indexscan", true, USER));
        add(bool("enable_indexonlyscan", true, USER));
        add(bool("enable_bitmapscan", true, USER));
        add(bool("enable_hashjoin", true, USER));
        add(bool("enable_mergejoin", true, USER));
        add(bool("enable_nestloop", true, USER));
        add(bool("enable_hashagg", true, USER));
        add(bool("enable_sort", true, USER));
        add(bool("enable_material", true, USER));
        add(enumeration("xmloption", "content", USER, "content", "document"));
        add(integer("geqo_threshold", 12, 2, Integer.MAX_VALUE, Unit.NONE, USER));
        add(enumeration("password_encryption", "scram-sha-256", USER, "md5", "scram-sha-256"));
        add(string("default_tablespace", "", USER, null, "Client Connection Defaults"));
        add(string("temp_tablespaces", "", USER, null, "Client Connection Defaults"));
        add(string("default_text_search_config", "pg_catalog.english", USER, null, "Client Connection Defaults"));
        add(string("role", "none", USER, null, "Client Connection Defaults"));
        addPostgresParameters();
    }

    /**
     * Every other parameter PostgreSQL 15 has (recorded from pg_settings), so that SET, SHOW and
     * pg_settings know them: booleans, enums and integers in plain or time/memory units are validated
     * like the ones above; the rest take any value. Hand-made definitions get PostgreSQL's category
     * and description.
     */
    private void addPostgresParameters() {
        for (var r : org.lakepg.server.catalog.bootstrap.CsvTable.load("pg_settings").asRows()) {
            String name = r.get("name");
            String category = r.get("category");
            String description = r.get("short_desc");
            SettingDefinition existing = byLowerName.get(name.toLowerCase(Locale.ROOT));
            if (existing != null) {
                byLowerName.put(name.toLowerCase(Locale.ROOT), new SettingDefinition(existing.name(), existing.kind(),
                        existing.bootValue(), existing.context(), existing.reported(), existing.enumValues(),
                        existing.min(), existing.max(), existing.unit(), existing.check(), category, description));
                continue;
            }
            Context context = switch (r.get("context")) {
                case "internal" -> INTERNAL;
                case "postmaster", "backend", "superuser-backend" -> POSTMASTER;
                case "sighup" -> SIGHUP;
                case "superuser" -> SUPERUSER;
                default -> USER;
            };
            String boot = r.get("boot_val") == null ? "" : r.get("boot_val");
            Unit unit = unitOf(r.get("unit"));
            SettingDefinition d = switch (r.get("vartype")) {
                case "bool" -> new SettingDefinition(name, Kind.BOOL, boot, context, false, List.of(), 0, 0, Unit.NONE,
                        null, category, description);
                case "enum" -> new SettingDefinition(name, Kind.ENUM, boot, context, false,
                        List.of(r.get("enumvals").substring(1, r.get("enumvals").length() - 1).split(",")), 0, 0,
                        Unit.NONE, null, category, description);
                case "integer" -> unit == null
                        ? new SettingDefinition(name, Kind.STRING, boot, context, false, List.of(), 0, 0, Unit.NONE,
                                null, category, description)
                        : new SettingDefinition(name, Kind.INTEGER, unit.format(Long.parseLong(boot)), context, false,
                                List.of(), Long.parseLong(r.get("min_val")), Long.parseLong(r.get("max_val")), unit, null,
                                category, description);
                default -> new SettingDefinition(name, Kind.STRING, boot, context, false, List.of(), 0, 0, Unit.NONE,
                        null, category, description);
            };
            add(d);
        }
    }

    /** pg_settings.unit as lakepg's Unit; null for units lakepg does not convert (then the value is kept as text). */
    private static Unit unitOf(String unit) {
        if (unit == null) {
            return Unit.NONE;
        }
        return switch (unit) {
            case "B" -> Unit.BYTE;
            case "kB" -> Unit.KILOBYTE;
            case "8kB" -> Unit.BLOCK_8K;
            case "ms" -> Unit.MILLISECOND;
            case "s" -> Unit.SECOND;
            case "min" -> Unit.MINUTE;
            default -> null;
        };
    }

    private void reported(SettingDefinition d) {
        add(new SettingDefinition(d.name(), d.kind(), d.bootValue(), d.context(), true, d.enumValues(),
                d.min(), d.max(), d.unit(), d.check(), d.category(), d.description()));
    }

    private void add(SettingDefinition d) {
        byLowerName.put(d.name().toLowerCase(Locale.ROOT), d);
    }

    /** The definition of {@code name} (case-insensitive), if lakepg knows it. */
    public Optional<SettingDefinition> find(String name) {
        return Optional.ofNullable(byLowerName.get(name.toLowerCase(Locale.ROOT)));
    }

    /** How PostgreSQL stores a setting's name (pg_db_role_setting): its defined spelling, else lower case. */
    public String canonicalName(String name) {
        return find(name).map(SettingDefinition::name).orElse(name.toLowerCase(Locale.ROOT));
    }

    /** The definition, or PostgreSQL's 42704 error for an unknown name. */
    public SettingDefinition require(String name) {
        return find(name).orElseThrow(() -> unrecognized(name));
    }

    public Collection<SettingDefinition> all() {
        return byLowerName.values();
    }

    /** A custom (placeholder) parameter: any two-part name like {@code lakepg.read_lsn} or {@code myapp.x}. */
    public static boolean isCustomName(String name) {
        int dot = name.indexOf('.');
        return dot > 0 && dot < name.length() - 1;
    }

    public static PgException unrecognized(String name) {
        return PgException.of(SqlState.UNDEFINED_OBJECT, "unrecognized configuration parameter \"%s\"", name);
    }

    /**
     * The buffer pool when shared_buffers is not set: a quarter of the JVM's maximum heap, at most 1 GB (in 8 kB
     * pages). Frames are allocated as they are needed, so an unused pool costs nothing.
     */
    public static long defaultSharedBuffers() {
        long bytes = Math.min(Runtime.getRuntime().maxMemory() / 4, 1L << 30);
        return Math.max(16, bytes / 8192);
    }

    private static SettingDefinition bool(String name, boolean boot, Context context) {
        return new SettingDefinition(name, Kind.BOOL, boot ? "on" : "off", context, false, List.of(), 0, 0,
                Unit.NONE, null, null, null);
    }

    private static SettingDefinition integer(String name, long boot, long min, long max, Unit unit, Context context) {
        return new SettingDefinition(name, Kind.INTEGER, unit.format(boot), context, false, List.of(), min, max,
                unit, null, null, null);
    }

    private static SettingDefinition enumeration(String name, String boot, Context context, String... values) {
        return new SettingDefinition(name, Kind.ENUM, boot, context, false, List.of(values), 0, 0,
                Unit.NONE, null, null, null);
    }

    private static SettingDefinition string(String name, String boot, Context context, SettingDefinition.Check check,
                                            String category) {
        return new SettingDefinition(name, Kind.STRING, boot, context, false, List.of(), 0, 0,
                Unit.NONE, check, category, null);
    }
}
