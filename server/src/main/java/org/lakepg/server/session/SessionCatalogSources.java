package org.lakepg.server.session;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.lakepg.storage.ForkNumber;
import org.lakepg.server.function.FunctionContext;
import org.lakepg.server.systemcatalog.CatalogSources;
import org.lakepg.server.table.IndexInfo;
import org.lakepg.server.table.TableInfo;
import org.lakepg.server.txn.Snapshot;

/** The system catalog's sources for one session: its database's compute, the cluster, its settings. */
final class SessionCatalogSources implements CatalogSources {
    private final org.lakepg.server.Compute compute;
    private final org.lakepg.server.Cluster cluster;
    private final SessionSettings settings;
    private final FunctionContext session;
    private final Supplier<Snapshot> snapshot;
    private final ActiveSessions sessions;
    private java.util.function.Consumer<org.lakepg.wire.error.PgException> notices = n -> { };

    void setNotices(java.util.function.Consumer<org.lakepg.wire.error.PgException> notices) {
        this.notices = notices;
    }

    SessionCatalogSources(org.lakepg.server.Compute compute, org.lakepg.server.Cluster cluster,
                          SessionSettings settings, FunctionContext session, Supplier<Snapshot> snapshot,
                          ActiveSessions sessions) {
        this.compute = compute;
        this.cluster = cluster;
        this.settings = settings;
        this.session = session;
        this.snapshot = snapshot;
        this.sessions = sessions;
    }

    @Override
    public List<TableInfo> tables() {
        return compute.tables().tables(snapshot.get());
    }

    @Override
    public List<IndexInfo> indexes(long tableOid) {
        return compute.tables().indexes(snapshot.get(), tableOid);
    }

    @Override
    public List<String> databases() {
        List<String> out = new ArrayList<>(cluster.databaseNames());
        if (!out.contains(org.lakepg.server.Cluster.TEMPLATE0)) {
            out.add(org.lakepg.server.Cluster.TEMPLATE0);
        }
        return out;
    }

    @Override
    public String currentDatabase() {
        return session.currentDatabase();
    }

    @Override
    public String currentUser() {
        return session.currentUser();
    }

    @Override
    public String sessionUser() {
        return session.sessionUser();
    }

    @Override
    public List<RoleInfo> roles() {
        return List.of(new RoleInfo(org.lakepg.server.auth.Roles.BOOTSTRAP_SUPERUSER, 10, true, true));
    }

    @Override
    public List<SessionActivity> sessions() {
        return sessions.list();
    }

    @Override
    public List<SettingInfo> settings() {
        List<SettingInfo> out = new ArrayList<>();
        for (SettingDefinition d : settings.definitions()) {
            String value = settings.get(d.name());
            String boot = d.bootValue();
            if (d.kind() == SettingDefinition.Kind.INTEGER) {
                value = baseUnits(d, value);
                boot = baseUnits(d, boot);
            }
            boolean numeric = d.kind() == SettingDefinition.Kind.INTEGER || d.kind() == SettingDefinition.Kind.REAL;
            out.add(new SettingInfo(d.name(), value, d.unit().sqlName(), d.category(), d.description(),
                    d.context().sqlName(), d.kind().name().toLowerCase(java.util.Locale.ROOT),
                    value.equals(boot) ? "default" : "session", numeric ? Long.toString(d.min()) : null,
                    numeric ? Long.toString(d.max()) : null,
                    d.kind() == SettingDefinition.Kind.ENUM ? d.enumValues() : null, boot, value));
        }
        return out;
    }

    private static String baseUnits(SettingDefinition d, String value) {
        try {
            return Long.toString(SettingValues.parseInteger(d, d.name(), value));
        } catch (RuntimeException e) {
            return value;
        }
    }

    @Override
    public long relationBlocks(int relation) {
        return compute.access().cache().relationSize(relation, ForkNumber.MAIN);
    }

    @Override
    public long currentWalLsn() {
        var writer = compute.access().writer();
        return writer.wal().insertLsn(writer.timeline()).value();
    }

    @Override
    public long serverStartMicros() {
        return sessions.startMicros();
    }

    @Override
    public boolean cancelBackend(int pid) {
        return sessions.cancel(pid);
    }

    @Override
    public boolean terminateBackend(int pid) {
        return sessions.terminate(pid);
    }

    @Override
    public void notice(org.lakepg.wire.error.PgException notice) {
        notices.accept(notice);
    }

    @Override
    public String setting(String name) {
        return session.setting(name);
    }
}
