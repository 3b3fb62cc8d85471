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

    /** @param serverSettings defaults from the command line and lakepg.conf, validated like SET */
    public LakepgEngine(Roles roles, Map<String, String> serverSettings, org.lakepg.server.Cluster cluster) {
        this.roles = roles;
        this.serverSettings = Map.copyOf(serverSettings);
        this.cluster = cluster;
        new SessionSettings(registry, serverSettings); // fail at start, not at first connection
    }

    @Override
    public EngineSession openSession(SessionStartup startup) {
        Role role = roles.find(startup.user()).orElseThrow(() -> PgException.of(SqlState.INVALID_AUTHORIZATION_SPECIFICATION,
                "role \"%s\" does not exist", startup.user()).withSeverity(PgException.Severity.FATAL));
        if (!role.login()) {
            throw PgException.of(SqlState.INVALID_AUTHORIZATION_SPECIFICATION, "role \"%s\" is not permitted to log in",
                    role.name()).withSeverity(PgException.Severity.FATAL);
        }
        if (startup.database().equals("template0")) {
            throw PgException.of(SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE,
                    "database \"template0\" is not currently accepting connections").withSeverity(PgException.Severity.FATAL);
        }
        if (!cluster.exists(startup.database())) {
            throw PgException.of(SqlState.INVALID_CATALOG_NAME, "database \"%s\" does not exist", startup.database())
                    .withSeverity(PgException.Severity.FATAL);
        }
        Map<String, String> values = new LinkedHashMap<>(serverSettings);
        values.putAll(cluster.settings(startup.database()));
        values.putAll(roles.settings(role.oid(), startup.database()));
        values.put("session_authorization", role.name());
        values.put("is_superuser", role.superuser() ? "on" : "off");
        values.putAll(startup.parameters());
        SessionSettings settings;
        try {
            settings = new SessionSettings(registry, values);
        } catch (PgException e) {
            throw e.withSeverity(PgException.Severity.FATAL);
        }
        org.lakepg.server.Compute compute;
        try {
            compute = cluster.connect(startup.database());
        } catch (PgException e) {
            throw e.withSeverity(PgException.Severity.FATAL);
        }
        return new LakepgSession(role.name(), startup.database(), startup.processId(), settings, cluster, compute, roles);
    }
}
