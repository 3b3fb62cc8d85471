package org.lakepg.server.session;

import java.util.List;
import java.util.function.Consumer;
import org.lakepg.server.Cluster;
import org.lakepg.server.auth.Role;
import org.lakepg.server.auth.SessionRoles;
import org.lakepg.server.sql.ast.AConst;
import org.lakepg.server.sql.ast.AlterDatabaseStmt;
import org.lakepg.server.sql.ast.CreatedbStmt;
import org.lakepg.server.sql.ast.DefElem;
import org.lakepg.server.sql.ast.DropdbStmt;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/** CREATE, DROP and ALTER DATABASE: databases are timelines of the cluster's store. */
final class DatabaseCommands {
    private final Cluster cluster;
    private final String currentDatabase;
    private final TransactionBlock block;
    private final Consumer<PgException> notices;
    private static final SettingsRegistry SETTINGS = new SettingsRegistry();

    /** Changes of ALTER DATABASE ... SET wait for COMMIT with the transaction's role changes. */
    private final SessionRoles sharedChanges;

    DatabaseCommands(Cluster cluster, String currentDatabase, TransactionBlock block, Consumer<PgException> notices,
                     SessionRoles sharedChanges) {
        this.sharedChanges = sharedChanges;
        this.cluster = cluster;
        this.currentDatabase = currentDatabase;
        this.block = block;
        this.notices = notices;
    }

    Execution create(CreatedbStmt s, Role current) {
        if (!current.superuser() && !current.createDb()) {
            throw PgException.of(SqlState.INSUFFICIENT_PRIVILEGE, "permission denied to create database");
        }
        block.requireNoBlock("CREATE DATABASE");
        String template = "template1";
        for (DefElem option : s.options()) {
            switch (option.defname()) {
                case "template" -> template = text(option.arg());
                case "encoding" -> {
                    String encoding = text(option.arg()).toUpperCase(java.util.Locale.ROOT).replace("-", "");
                    if (!encoding.equals("UTF8") && !encoding.equals("SQLASCII") && !encoding.equals("6")) {
                        throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED, "encoding \"%s\" is not supported",
                                text(option.arg()));
                    }
                }
                default -> {
                    // owner, locale, connection limit ...: accepted; lakepg has one owner and one locale
                }
            }
        }
        cluster.create(s.dbname(), template, current.oid());
        return Execution.done("CREATE DATABASE");
    }

    Execution drop(DropdbStmt s, Role current) {
        if (cluster.exists(s.dbname())) {
            requireOwner(s.dbname(), current);
        }
        block.requireNoBlock("DROP DATABASE");
        if (!cluster.drop(s.dbname(), s.missingOk(), currentDatabase)) {
            notices.accept(PgException.of(SqlState.UNDEFINED_DATABASE, "database \"%s\" does not exist, skipping",
                    s.dbname()).withSeverity(PgException.Severity.NOTICE));
        }
        return Execution.done("DROP DATABASE");
    }

    /** What DROP ROLE lists for the databases a role owns. */
    List<String> ownedBy(long role) {
        return cluster.ownedBy(role).stream().map(d -> "owner of database " + d).toList();
    }

    void requireExists(String database) {
        if (!cluster.exists(database)) {
            throw PgException.of(SqlState.UNDEFINED_DATABASE, "database \"%s\" does not exist", database);
        }
    }

    /** The database's owner, or a member of it with its privileges, or a superuser. */
    private void requireOwner(String database, Role current) {
        if (!current.superuser() && !sharedChanges.hasPrivilegesOf(current.oid(), cluster.owner(database))) {
            throw PgException.of(SqlState.INSUFFICIENT_PRIVILEGE, "must be owner of database %s", database);
        }
    }

    Execution alter(AlterDatabaseStmt s, Role current) {
        requireExists(s.dbname());
        requireOwner(s.dbname(), current);
        var set = s.setstmt();
        if (set == null) {
            throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED, "this ALTER DATABASE is not supported yet");
        }
        if (cluster.replica()) {
            throw cluster.refusedOnReplica("change a database's settings");
        }
        switch (set.kind()) {
            case SET_VALUE -> sharedChanges.setDatabaseSetting(s.dbname(), SETTINGS.canonicalName(set.name()),
                    SettingCommands.flatten(set.name(), set.args()));
            case SET_DEFAULT, RESET -> sharedChanges.setDatabaseSetting(s.dbname(), SETTINGS.canonicalName(set.name()),
                    null);
            case RESET_ALL -> sharedChanges.setDatabaseSetting(s.dbname(), null, null);
            default -> throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED, "this ALTER DATABASE is not supported yet");
        }
        return Execution.done("ALTER DATABASE");
    }

    private static String text(Object arg) {
        return arg instanceof AConst c ? c.value() : String.valueOf(arg);
    }
}
