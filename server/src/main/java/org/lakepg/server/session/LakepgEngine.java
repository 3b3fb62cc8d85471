package org.lakepg.server.session;

import java.util.LinkedHashMap;
import java.util.Map;
import org.lakepg.server.auth.Role;
import org.lakepg.server.auth.Roles;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;
import org.lakepg.wire.protocol.EngineSession;
import org.lakepg.wire.protocol.QueryEngine;
import org.lakepg.wire.protocol.SessionStartup;

/** The compute's entry point for the wire protocol: opens sessions for authenticated connections. */
public final class LakepgEngine implements QueryEngine {
    private final Roles roles;
    private final SettingsRegistry registry = new SettingsRegistry();
    private final Map<String, String> serverSettings;
    private final org.lakepg.server.Cluster cluster;
    private final ActiveSessions sessions = new ActiveSessions();

    /** @param serverSettings defaults from the command line and lakepg.conf, validated like SET */
    public LakepgEngine(Roles roles, Map<String, String> serverSettings, org.lakepg.server.Cluster cluster) {
        this.roles = roles;
        this.serverSettings = Map.copyOf(serverSettings);
        this.cluster = cluster;
        new SessionSettings(registry, serverSettings); // fail at start, not at first connection
    }

    /** The server's cumulative activity statistics and the planner's measurements, per database. */
    public org.lakepg.server.stats.ActivityStatistics statistics() {
        return sessions.statistics();
    }

    @Override
    public EngineSession openSession(SessionStartup startup) {
        cluster.checkAcceptingSessions(startup.database());
        Role role = roles.find(startup.user()).orElseThrow(() -> PgException.of(SqlState.INVALID_AUTHORIZATION_SPECIFICATION,
                "role \"%s\" does not exist", startup.user()).withSeverity(PgException.Severity.FATAL));
        if (!role.login()) {
            throw PgException.of(SqlState.INVALID_AUTHORIZATION_SPECIFICATION, "role \"%s\" is not permitted to log in",
                    role.name()).withSeverity(PgException.Severity.FATAL);
        }
        String database = timelineOf(startup);
        if (database.equals("template0")) {
            throw PgException.of(SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE,
                    "database \"template0\" is not currently accepting connections").withSeverity(PgException.Severity.FATAL);
        }
        if (!cluster.exists(database)) {
            String branch = org.lakepg.server.branch.BranchNames.branch(database);
            throw (branch.equals(org.lakepg.server.branch.BranchNames.MAIN) || !cluster.exists(
                    org.lakepg.server.branch.BranchNames.database(database))
                    ? PgException.of(SqlState.INVALID_CATALOG_NAME, "database \"%s\" does not exist", database)
                    : PgException.of(SqlState.INVALID_CATALOG_NAME, "branch \"%s\" of database \"%s\" does not exist",
                            branch, org.lakepg.server.branch.BranchNames.database(database)))
                    .withSeverity(PgException.Severity.FATAL);
        }
        Map<String, String> values = new LinkedHashMap<>(serverSettings);
        String databaseName = org.lakepg.server.branch.BranchNames.database(database);
        // lowest to highest, as PostgreSQL applies pg_db_role_setting: every role, the database, the role
        // anywhere, the role in this database
        values.putAll(roles.settings(0, ""));
        values.putAll(cluster.settings(databaseName));
        values.putAll(roles.settings(role.oid(), databaseName));
        values.put("session_authorization", role.name());
        values.put("is_superuser", role.superuser() ? "on" : "off");
        values.putAll(startup.parameters());
        values.put("lakepg.branch", org.lakepg.server.branch.BranchNames.branch(database));
        boolean replica = replicaRequested(startup) || cluster.replica(); // a replica compute serves nothing else
        values.put("lakepg.replica", replica ? "on" : "off");
        if (replica) {
            values.put("in_hot_standby", "on"); // reported to the client: pgjdbc's targetServerType=secondary reads it
        }
        SessionSettings settings;
        try {
            settings = new SessionSettings(registry, values);
        } catch (PgException e) {
            throw e.withSeverity(PgException.Severity.FATAL);
        }
        sessions.takeSlot(settings.getLong("max_connections"), settings.getLong("superuser_reserved_connections"),
                role.superuser());
        LakepgSession session;
        try {
            org.lakepg.server.Compute compute;
            try {
                compute = cluster.connect(database);
            } catch (PgException e) {
                throw e.withSeverity(PgException.Severity.FATAL);
            }
            session = new LakepgSession(role.name(), database, startup.processId(), settings, cluster, compute,
                    sessions, roles);
        } catch (RuntimeException | Error e) {
            sessions.releaseSlot();
            throw e;
        }
        session.connectedFrom(startup.remoteAddress(), startup.localAddress());
        sessions.add(startup.processId(), () -> session.activity(startup));
        sessions.onCancel(startup.processId(), session::cancel);
        sessions.onLocks(startup.processId(), session::locks);
        sessions.onTerminate(startup.processId(), session::terminate);
        return session;
    }

    /** Whether the startup packet asks for a read replica: {@code -c lakepg.replica=on} (PGOPTIONS, JDBC options=). */
    private static boolean replicaRequested(SessionStartup startup) {
        String value = startup.parameters().getOrDefault("lakepg.replica", "off").trim().toLowerCase(java.util.Locale.ROOT);
        return switch (value) {
            case "on", "true", "yes", "1", "t", "y" -> true;
            case "off", "false", "no", "0", "f", "n", "" -> false;
            default -> throw PgException.of(SqlState.INVALID_PARAMETER_VALUE,
                    "parameter \"lakepg.replica\" requires a Boolean value").withSeverity(PgException.Severity.FATAL);
        };
    }

    /** The timeline a connection asks for: "db@branch" as the database name, or the startup option lakepg.branch. */
    private static String timelineOf(SessionStartup startup) {
        String branch = startup.parameters().get("lakepg.branch");
        if (branch == null || branch.isEmpty()) {
            return startup.database();
        }
        if (startup.database().indexOf(org.lakepg.server.branch.BranchNames.SEPARATOR) >= 0) {
            throw PgException.of(SqlState.INVALID_PARAMETER_VALUE,
                    "database \"%s\" already names a branch; lakepg.branch=%s cannot be used with it",
                    startup.database(), branch).withSeverity(PgException.Severity.FATAL);
        }
        return org.lakepg.server.branch.BranchNames.timeline(startup.database(), branch);
    }
}
