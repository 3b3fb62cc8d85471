package org.lakepg.server.session;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.lakepg.server.session.SettingDefinition.Context;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * The settings of one session with PostgreSQL's transactional semantics: SET lasts for the session
 * unless its transaction rolls back; SET LOCAL lasts until the transaction ends; RESET returns to
 * the value the session started with. Changes of reported settings are queued for ParameterStatus.
 */
public final class SessionSettings {
    private final SettingsRegistry registry;
    /** Values the session started with: boot values overridden by server config and startup packet. */
    private final Map<String, String> startValues = new HashMap<>();
    /** Values that survive the current transaction's commit. */
    private Map<String, String> sessionValues = new HashMap<>();
    /** Values in effect now (session values plus SET LOCAL). */
    private Map<String, String> effective = new HashMap<>();
    /** Session values as they were when the transaction began; restored on rollback. */
    private Map<String, String> atTransactionStart;
    /**
     * True once a value changed since the last transaction end. Until then {@link #atTransactionStart} may be the
     * very map {@link #sessionValues} is (copied on the first change), and ending the transaction has nothing to do:
     * most transactions change no setting, and copying some 350 values twice per transaction showed in profiles.
     */
    private boolean changed;
    /** Counts changes of any value in effect: what is derived from settings is recomputed only when it moved. */
    private long version;
    private long timeoutsVersion = -1;
    private long statementTimeout;
    private long lockTimeout;
    private final Map<String, String> pendingReports = new LinkedHashMap<>();

    /**
     * @param startupValues settings given at connection start (server configuration, then the startup
     *                      packet's parameters and {@code -c} options): validated like SET
     */
    public SessionSettings(SettingsRegistry registry, Map<String, String> startupValues) {
        this.registry = registry;
        for (SettingDefinition d : registry.all()) {
            startValues.put(key(d.name()), d.bootValue());
        }
        startupValues.forEach((name, value) -> {
            SettingDefinition d = registry.find(name).orElse(null);
            if (d == null) {
                if (!SettingsRegistry.isCustomName(name)) {
                    throw SettingsRegistry.unrecognized(name);
                }
                startValues.put(key(name), value);
            } else {
                startValues.put(key(d.name()), d.canonicalize(name, startValues.get(key(d.name())), value));
            }
        });
        sessionValues.putAll(startValues);
        effective.putAll(startValues);
    }

    /** SHOW: the value in effect, or 42704 for a parameter nobody defined. */
    public String get(String name) {
        String value = effective.get(name); // keys are lower case: most callers' names need no folding
        if (value == null) {
            value = effective.get(key(name));
        }
        if (value == null) {
            throw SettingsRegistry.unrecognized(name);
        }
        return value;
    }

    /** The canonical (display) name, e.g. "DateStyle" for "datestyle". */
    public String displayName(String name) {
        return registry.find(name).map(SettingDefinition::name).orElse(name.toLowerCase(Locale.ROOT));
    }

    /** SET name = value (or SET LOCAL when {@code local}); {@code inTransactionBlock} decides SET LOCAL's reach. */
    public void set(String name, String value, boolean local) {
        SettingDefinition d = registry.find(name).orElse(null);
        String canonical;
        if (d == null) {
            if (!SettingsRegistry.isCustomName(name)) {
                throw SettingsRegistry.unrecognized(name);
            }
            canonical = value;
        } else {
            checkChangeable(d);
            canonical = d.canonicalize(name, effective.get(key(d.name())), value);
            refuseReadWriteOnReplica(d.name(), canonical);
        }
        apply(d == null ? name : d.name(), canonical, local);
    }

    /** A replica is a standby in recovery: PostgreSQL's check hook refuses read-write mode there (SET, BEGIN). */
    private void refuseReadWriteOnReplica(String name, String canonical) {
        if (name.equals("transaction_read_only") && canonical.equals("off")
                && "on".equals(effective.get("transaction_read_only")) && "on".equals(effective.get("lakepg.replica"))) {
            throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED, "cannot set transaction read-write mode during recovery");
        }
    }

    /**
     * The parameter's name as proconfig keeps it after checking that {@code value} is valid for it: a function's
     * SET clause, checked at CREATE / ALTER FUNCTION as PostgreSQL's GUCArrayAdd does.
     */
    public String checkValue(String name, String value) {
        SettingDefinition d = registry.find(name).orElse(null);
        if (d == null) {
            if (!SettingsRegistry.isCustomName(name)) {
                throw SettingsRegistry.unrecognized(name);
            }
            return name.toLowerCase(Locale.ROOT);
        }
        d.canonicalize(name, effective.get(key(d.name())), value);
        return d.name();
    }

    /**
     * A function's SET clauses ("name=value" items), in force like SET LOCAL while it runs; the returned action puts
     * back the values in effect before (run when the call returns or fails). A plain SET the function ran outlives
     * it, as in PostgreSQL; a failed call's transaction rolls that back anyway.
     */
    public Runnable applyForCall(List<String> config) {
        Map<String, String> saved = new LinkedHashMap<>();
        Map<String, String> savedSession = new HashMap<>();
        Runnable restore = () -> saved.forEach((k, value) -> {
            String session = sessionValues.get(k);
            if (session != null && !session.equals(savedSession.get(k))) {
                apply(k, session, true); // SET inside the function
            } else if (value != null) {
                apply(k, value, true);
            } else if (effective.remove(k) != null) {
                version++; // a placeholder the function made
            }
        });
        try {
            for (String item : config) {
                int eq = item.indexOf('=');
                String name = item.substring(0, eq);
                String k = key(registry.find(name).map(SettingDefinition::name).orElse(name));
                if (!saved.containsKey(k)) {
                    saved.put(k, effective.get(k));
                    savedSession.put(k, sessionValues.get(k));
                }
                set(name, item.substring(eq + 1), true);
            }
        } catch (RuntimeException e) {
            restore.run();
            throw e;
        }
        return restore;
    }

    /** A value the server itself changes (is_superuser after SET ROLE), bypassing the SET permission check. */
    public void setInternal(String name, String value, boolean local) {
        SettingDefinition d = registry.find(name).orElseThrow(() -> SettingsRegistry.unrecognized(name));
        apply(d.name(), value, local);
    }

    /** RESET name / SET name TO DEFAULT: back to the value the session started with. */
    public void reset(String name, boolean local) {
        SettingDefinition d = registry.find(name).orElse(null);
        if (d == null) {
            if (!SettingsRegistry.isCustomName(name)) {
                throw SettingsRegistry.unrecognized(name);
            }
            if (!effective.containsKey(key(name))) {
                return;
            }
        } else {
            checkChangeable(d);
        }
        String start = startValues.get(key(name));
        if (start == null) { // a placeholder set during the session: RESET makes it empty, as PostgreSQL does
            start = "";
        }
        apply(d == null ? name : d.name(), start, local);
    }

    /** RESET ALL: every user-settable parameter back to its start value. */
    public void resetAll() {
        for (SettingDefinition d : registry.all()) {
            if (d.context() == Context.USER || d.context() == Context.SUPERUSER) {
                apply(d.name(), startValues.get(key(d.name())), false);
            }
        }
    }

    /** Changes with every change of a value in effect. */
    public long version() {
        return version;
    }

    /** statement_timeout in milliseconds; read for every statement, so looked up again only after a change. */
    public long statementTimeout() {
        refreshTimeouts();
        return statementTimeout;
    }

    /** lock_timeout in milliseconds (see {@link #statementTimeout()}). */
    public long lockTimeout() {
        refreshTimeouts();
        return lockTimeout;
    }

    private void refreshTimeouts() {
        if (timeoutsVersion != version) {
            statementTimeout = getLong("statement_timeout");
            lockTimeout = getLong("lock_timeout");
            timeoutsVersion = version;
        }
    }

    public void beginTransaction() {
        atTransactionStart = sessionValues; // copied by the first change (see #changed)
    }

    public void commit() {
        endTransaction(sessionValues);
    }

    public void rollback() {
        endTransaction(atTransactionStart == null ? sessionValues : atTransactionStart);
    }

    /** Reported settings changed since the last call, in order, to send as ParameterStatus. */
    public Map<String, String> drainReports() {
        if (pendingReports.isEmpty()) {
            return Map.of();
        }
        Map<String, String> out = new LinkedHashMap<>(pendingReports);
        pendingReports.clear();
        return out;
    }

    /** Every reported setting with its current value (the ParameterStatus burst after authentication). */
    public Map<String, String> reportedValues() {
        Map<String, String> out = new LinkedHashMap<>();
        for (SettingDefinition d : registry.all()) {
            if (d.reported()) {
                out.put(d.name(), effective.get(key(d.name())));
            }
        }
        return out;
    }

    /** Names of every setting in effect (SHOW ALL). */
    public List<SettingDefinition> definitions() {
        return new ArrayList<>(registry.all());
    }

    public boolean getBool(String name) {
        return "on".equals(get(name));
    }

    /** An integer setting in its base unit (kB for work_mem, ms for statement_timeout). */
    public long getLong(String name) {
        String value = get(name);
        ParsedLong last = parsedLongs.get(name);
        if (last != null && last.text().equals(value)) {
            return last.value(); // statement_timeout and lock_timeout are read for every statement
        }
        SettingDefinition d = registry.require(name);
        long parsed = SettingValues.parseInteger(d, d.name(), value);
        parsedLongs.put(name, new ParsedLong(value, parsed));
        return parsed;
    }

    private record ParsedLong(String text, long value) { }

    private final Map<String, ParsedLong> parsedLongs = new HashMap<>();

    private String lastTimeZoneName;
    private ZoneId lastTimeZone;

    /** The TimeZone setting as a zone; looked up again only when the value changed (every statement asks). */
    public ZoneId timeZone() {
        String name = get("timezone");
        if (!name.equals(lastTimeZoneName)) {
            lastTimeZone = TimeZoneCheck.zoneOf(name);
            lastTimeZoneName = name;
        }
        return lastTimeZone;
    }

    private void endTransaction(Map<String, String> survivors) {
        if (!changed) {
            atTransactionStart = null;
            return;
        }
        changed = false;
        version++;
        Map<String, String> before = effective;
        sessionValues = new HashMap<>(survivors);
        effective = new HashMap<>(survivors);
        atTransactionStart = null;
        for (SettingDefinition d : registry.all()) {
            if (d.reported() && !effective.get(key(d.name())).equals(before.get(key(d.name())))) {
                pendingReports.put(d.name(), effective.get(key(d.name())));
            }
        }
    }

    private void apply(String name, String canonical, boolean local) {
        String k = key(name);
        if (canonical.equals(effective.get(k)) && (local || canonical.equals(sessionValues.get(k)))) {
            return; // nothing changes (BEGIN sets transaction_read_only in every transaction): no copies, no report
        }
        if (atTransactionStart == sessionValues) {
            sessionValues = new HashMap<>(sessionValues);
        }
        changed = true;
        version++;
        boolean changed = !canonical.equals(effective.get(k));
        effective.put(k, canonical);
        if (!local) {
            sessionValues.put(k, canonical);
        }
        SettingDefinition d = registry.find(name).orElse(null);
        if (changed && d != null && d.reported()) {
            pendingReports.put(d.name(), canonical);
        }
    }

    private static void checkChangeable(SettingDefinition d) {
        if (d.context() == Context.INTERNAL) {
            throw PgException.of(SqlState.CANT_CHANGE_RUNTIME_PARAM, "parameter \"%s\" cannot be changed", d.name());
        }
        if (d.context() == Context.POSTMASTER) {
            throw PgException.of(SqlState.CANT_CHANGE_RUNTIME_PARAM,
                    "parameter \"%s\" cannot be changed without restarting the server", d.name());
        }
    }

    /** Lower-cased names seen so far: every statement asks for "DateStyle", "TimeZone" ... by their mixed-case names. */
    private static final java.util.concurrent.ConcurrentHashMap<String, String> KEYS =
            new java.util.concurrent.ConcurrentHashMap<>();

    private static String key(String name) {
        String key = KEYS.get(name);
        if (key == null) {
            key = name.toLowerCase(Locale.ROOT);
            if (KEYS.size() < 4096) { // custom names are unbounded: remember only so many
                KEYS.put(name, key);
            }
        }
        return key;
    }
}
