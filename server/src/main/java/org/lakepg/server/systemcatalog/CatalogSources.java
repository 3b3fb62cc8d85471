package org.lakepg.server.systemcatalog;

import java.util.List;
import org.lakepg.server.table.IndexInfo;
import org.lakepg.server.table.TableInfo;

/**
 * What the system catalog is computed from, as one statement of one session sees it: the
 * database's tables at the statement's snapshot, the cluster's databases, roles, sessions and
 * settings. The session implements it; system relations and catalog functions only read it.
 */
public interface CatalogSources {

    /** User tables visible to the statement's snapshot. */
    List<TableInfo> tables();

    /** Indexes of a user table visible to the statement's snapshot. */
    List<IndexInfo> indexes(long tableOid);

    /** Names of the cluster's databases (template0 included). */
    List<String> databases();

    String currentDatabase();

    String currentUser();

    String sessionUser();

    /** Login roles of the cluster (the predefined pg_* roles are added by the catalog). */
    List<RoleInfo> roles();

    /** Live sessions of the server (pg_stat_activity). */
    List<SessionActivity> sessions();

    /** Every configuration parameter with the value in effect in this session (pg_settings). */
    List<SettingInfo> settings();

    /** Number of 8 KiB blocks of a relation's main fork. */
    long relationBlocks(int relation);

    /** The current end of the write-ahead log of this database (pg_current_wal_lsn). */
    long currentWalLsn();

    /** Microseconds since 2000-01-01 UTC at which the server started. */
    long serverStartMicros();

    /** Cancels the running statement of the session with this PID; false when there is no such session. */
    default boolean cancelBackend(int pid) {
        return false;
    }

    /** Ends the session with this PID (its running statement stops); false when there is no such session. */
    default boolean terminateBackend(int pid) {
        return false;
    }

    /** Sends a NOTICE or WARNING to the client of this session. */
    default void notice(org.lakepg.wire.error.PgException notice) {
    }

    /** The value of a setting in this session (search_path, ...); null if unknown. */
    String setting(String name);

    /**
     * The schemas unqualified names are searched in, nearest first (with {@code implicit} also pg_catalog and the
     * session's temporary schema where search_path does not place them); null to derive it from search_path.
     */
    default List<String> searchPath(boolean implicit) {
        return null;
    }

    /** Schemas created by users (pg_catalog, public, information_schema and pg_toast are built in). */
    default List<NamespaceInfo> userNamespaces() {
        return List.of();
    }

    /** Comments users made (COMMENT ON), as pg_description rows; built-in objects' come with the catalog. */
    default List<Description> descriptions() {
        return List.of();
    }

    /** A pg_description row. */
    record Description(long objoid, long classoid, int objsubid, String description) {}

    /**
     * CHECK and FOREIGN KEY constraints, and PRIMARY KEY / UNIQUE ones where the catalog records them
     * (an index no constraint names with {@code indexOid} still shows as the key constraint it was made for).
     */
    default List<ConstraintRow> constraints() {
        return List.of();
    }

    /** Column defaults (pg_attrdef). */
    default List<DefaultRow> columnDefaults() {
        return List.of();
    }

    default List<SequenceRow> sequences() {
        return List.of();
    }

    /** Views and materialized views. */
    default List<ViewRow> views() {
        return List.of();
    }

    /** The role owning a user table (the bootstrap superuser unless recorded otherwise). */
    default long tableOwner(long tableOid) {
        return 10;
    }

    /**
     * An object's ACL as aclitem texts ({@code grantee=privileges/grantor}), or null while it has its kind's
     * default ACL (what the catalogs show as NULL).
     */
    default List<String> acl(long classoid, long oid) {
        return null;
    }

    /** One pg_largeobject_metadata row, its ACL as aclitem texts (null while it has the default one). */
    record LargeObjectRow(long oid, long owner, List<String> acl) {}

    default List<LargeObjectRow> largeObjects() {
        return List.of();
    }

    /** One pg_largeobject row: a page of a large object. */
    record LargeObjectPageRow(long loid, int pageno, byte[] data) {}

    default List<LargeObjectPageRow> largeObjectPages() {
        return List.of();
    }

    /** One pg_default_acl row (ALTER DEFAULT PRIVILEGES), its ACL as aclitem texts. */
    record DefaultAclRow(long oid, long role, long namespace, char objtype, List<String> acl) {}

    default List<DefaultAclRow> defaultAcls() {
        return List.of();
    }

    /** A column's attacl as aclitem texts (by the table's OID and the column's attnum), or null when none. */
    default List<String> columnAcl(long table, int attnum) {
        return null;
    }

    /** Role memberships (GRANT role TO role), as pg_auth_members rows. */
    default List<MembershipRow> roleMemberships() {
        return List.of();
    }

    /** The OID of the role owning a database (pg_database.datdba). */
    default long databaseOwner(String database) {
        return CatalogView.SUPERUSER_OID;
    }

    /** ALTER ROLE/DATABASE ... SET values, as pg_db_role_setting rows. */
    default List<RoleSettingRow> roleSettings() {
        return List.of();
    }

    /**
     * A pg_db_role_setting row: {@code database} null for every database, {@code role} 0 for every role;
     * {@code config} as {@code name=value} texts.
     */
    record RoleSettingRow(String database, long role, List<String> config) {}

    /** A pg_auth_members row. */
    record MembershipRow(long roleid, long member, long grantor, boolean adminOption) {}

    /**
     * Per column of a view, whether it is automatically updatable (pg_column_is_updatable); empty when the view
     * is not automatically updatable at all (information_schema's is_updatable and is_insertable_into).
     */
    default java.util.Optional<List<Boolean>> updatableViewColumns(long viewOid) {
        return java.util.Optional.empty();
    }

    /** pg_database_size of another database than the session's (psql's \l+); empty when it cannot be told. */
    default java.util.OptionalLong otherDatabaseSize(String name) {
        return java.util.OptionalLong.empty();
    }

    /** CREATE EVENT TRIGGER's triggers (pg_event_trigger rows), by name. */
    default List<org.lakepg.server.catalog.objects.EventTriggerCatalog.EventTrigger> eventTriggers() {
        return List.of();
    }

    /** The row-level security policies of user tables (pg_policy rows). */
    default List<org.lakepg.server.catalog.objects.PolicyCatalog.Policy> policies() {
        return List.of();
    }

    /** A user table's row-level security switches (relrowsecurity, relforcerowsecurity). */
    default org.lakepg.server.catalog.objects.PolicyCatalog.Switches rowSecurity(long table) {
        return org.lakepg.server.catalog.objects.PolicyCatalog.Switches.OFF;
    }

    /** The triggers of user tables (pg_trigger rows). */
    /** The rewrite rules (pg_rewrite rows). */
    default List<org.lakepg.server.catalog.objects.RuleCatalog.RuleInfo> rules() {
        return List.of();
    }

    /** pg_get_ruledef's text of a rule, null for an OID naming none. */
    default String ruleDefinition(long oid, boolean pretty) {
        return null;
    }

    default List<org.lakepg.server.catalog.objects.TriggerCatalog.TriggerInfo> triggers() {
        return List.of();
    }

    /** Functions and procedures users created (pg_proc rows after the built-in ones). */
    default List<org.lakepg.server.catalog.ProcEntry> userFunctions() {
        return List.of();
    }

    /** The operators of CREATE OPERATOR with their owners (pg_operator rows after the built-in ones). */
    default List<org.lakepg.server.catalog.objects.OperatorCatalog.UserOperator> userOperators() {
        return List.of();
    }

    /** The owners of the functions users created, by function OID (pg_proc.proowner). */
    default java.util.Map<Long, Long> userFunctionOwners() {
        return java.util.Map.of();
    }

    /**
     * A pg_constraint row: {@code type} is contype ('c', 'f', 'p', 'u'); actions and match type are
     * PostgreSQL's letters; {@code checkExpr} the SQL text of a CHECK condition.
     */
    record ConstraintRow(long oid, String name, long namespace, long tableOid, char type, List<Short> columns,
                         String checkExpr, long refTable, List<Short> refColumns, char onUpdate, char onDelete,
                         char matchType, boolean deferrable, boolean initiallyDeferred, long indexOid) {}

    /**
     * A CHECK condition as pg_get_constraintdef prints it (analyzed: implicit casts, PostgreSQL's parentheses), over
     * the columns of table {@code tableOid}, or over VALUE of domain {@code domainOid} when that is not 0; empty when
     * it cannot be deparsed (it is then shown as written).
     *
     * @param pretty the pretty form (parentheses only where needed)
     */
    default java.util.Optional<String> deparsedCheck(String condition, long tableOid, long domainOid, boolean pretty) {
        return java.util.Optional.empty();
    }

    /** A pg_attrdef row: the SQL text of a column's DEFAULT. */
    record DefaultRow(long oid, long tableOid, short column, String expression) {}

    /**
     * A sequence (pg_class relkind 'S' + pg_sequence); {@code ownedByTable} 0 when no column owns it,
     * {@code identity} when it belongs to an identity column.
     */
    record SequenceRow(long oid, String name, long namespace, int relation, long type, long start, long increment,
                       long max, long min, long cache, boolean cycle, long ownedByTable, short ownedByColumn,
                       boolean identity, Long lastValue) {}

    /**
     * A view; its definition (pg_get_viewdef's text) is deparsed only when something reads it. Its row type has the
     * view's OID, {@code arrayType} is the array type over it (0: none).
     */
    /** A view; {@code dependsOn} the relations its query reads (its _RETURN rule's dependencies in pg_depend). */
    record ViewRow(long oid, String name, long namespace, java.util.function.Supplier<String> lazyDefinition,
                   List<org.lakepg.server.table.ColumnInfo> columns, long owner, boolean materialized, long arrayType,
                   List<Long> dependsOn) {
        public ViewRow(long oid, String name, long namespace, String definition,
                       List<org.lakepg.server.table.ColumnInfo> columns, long owner, boolean materialized) {
            this(oid, name, namespace, () -> definition, columns, owner, materialized, 0, List.of());
        }

        public String definition() {
            return lazyDefinition.get();
        }
    }

    /** A schema as pg_namespace shows it. */
    record NamespaceInfo(long oid, String name, long owner) {}

    /** A role as pg_authid shows it. */
    record RoleInfo(String name, long oid, boolean superuser, boolean canLogin, boolean inherit, boolean createRole,
                    boolean createDb, boolean replication, boolean bypassRls, int connectionLimit) {
        /** A role whose other attributes follow from being a superuser or not. */
        public RoleInfo(String name, long oid, boolean superuser, boolean canLogin) {
            this(name, oid, superuser, canLogin, true, superuser, superuser, superuser, superuser, -1);
        }
    }

    /** The activity totals of a table or index of the current database (pg_stat_all_tables ...). */
    default org.lakepg.server.stats.TableStatistics tableStatistics(long relation) {
        return org.lakepg.server.stats.TableStatistics.NONE;
    }

    /** What VACUUM and ANALYZE last measured of a table of the current database; null: never measured. */
    default org.lakepg.server.stats.RelationStatistics measured(long relation) {
        return null;
    }

    /** A database's transaction and row counters (pg_stat_database). */
    default org.lakepg.server.stats.DatabaseStatistics databaseStatistics(String database) {
        return org.lakepg.server.stats.DatabaseStatistics.NONE;
    }

    /** The columns a CHECK expression reads, as pg_constraint.conkey lists them. */
    static List<Short> checkColumns(String expression, List<org.lakepg.server.table.ColumnInfo> columns) {
        return CheckColumns.of(expression, columns);
    }

    /** The locks sessions hold or wait for (pg_locks). */
    default List<LockRow> locks() {
        return List.of();
    }

    /**
     * A pg_locks row: {@code locktype} virtualxid, transactionid, relation or tuple; the identifying columns that
     * apply to it, the rest null; {@code mode} as PostgreSQL names it (ExclusiveLock, ShareLock ...).
     */
    record LockRow(String locktype, Long database, Long relation, Integer page, Short tuple, String virtualxid,
                   Long transactionid, String virtualtransaction, int pid, String mode, boolean granted,
                   boolean fastpath, Long waitStartMicros) {}

    /** A session as pg_stat_activity shows it. */
    record SessionActivity(int pid, String database, String user, String applicationName, String clientAddress,
                           int clientPort, long backendStartMicros, Long transactionStartMicros,
                           Long queryStartMicros, String state, String query) {}

    /** A configuration parameter as pg_settings shows it. */
    record SettingInfo(String name, String setting, String unit, String category, String shortDescription,
                       String context, String vartype, String source, String minValue, String maxValue,
                       List<String> enumValues, String bootValue, String resetValue) {}

    /** This session's SQL prepared statements (pg_prepared_statements). */
    default List<PreparedStatementRow> preparedStatements() {
        return List.of();
    }

    /** This session's open cursors (pg_cursors). */
    default List<CursorRow> cursors() {
        return List.of();
    }

    /** A prepared statement as pg_prepared_statements shows it; times in microseconds since 2000-01-01. */
    record PreparedStatementRow(String name, String statement, long prepareTime, long[] parameterTypes, boolean fromSql,
                                long genericPlans, long customPlans) {}

    /** A cursor as pg_cursors shows it. */
    record CursorRow(String name, String statement, boolean holdable, boolean binary, boolean scrollable,
                     long creationTime) {}
    /** User-defined types (enums, domains, composite types) visible to the statement's snapshot. */
    default List<org.lakepg.server.catalog.types.UserType> userTypes() {
        return List.of();
    }

    /** Inheritance links, partition keys and bounds of the user tables (pg_inherits, pg_partitioned_table). */
    default org.lakepg.server.table.Inheritance inheritance() {
        return org.lakepg.server.table.Inheritance.NONE;
    }
}
