package org.lakepg.server.catalog.objects;

import org.lakepg.server.access.AccessContext;

/**
 * The database objects beyond tables and indexes: schemas, views, SQL functions, privileges and comments,
 * each in a catalog heap of its own (relations 7-11), so they are transactional and branchable like tables.
 */
public final class ObjectCatalog {
    private final SchemaCatalog schemas;
    private final ViewCatalog views;
    private final FunctionCatalog functions;
    private final PrivilegeCatalog privileges;
    private final ColumnPrivilegeCatalog columnPrivileges;
    private final CommentCatalog comments;
    private final org.lakepg.server.catalog.types.UserTypeCatalog types;
    private final TriggerCatalog triggers;
    private final StatisticCatalog statistics;
    private final AggregateCatalog aggregates;
    private final RuleCatalog rules;
    private final OperatorCatalog operators;
    private final PolicyCatalog policies;
    private final OperatorClassCatalog operatorClasses;
    private final EventTriggerCatalog eventTriggers;
    private final DefaultAclCatalog defaultAcls;
    private final org.lakepg.server.largeobject.LargeObjectStore largeObjects;

    private ObjectCatalog(AccessContext access, boolean exists, java.util.function.IntPredicate laterCatalogExists) {
        schemas = new SchemaCatalog(access, exists);
        views = new ViewCatalog(access, exists);
        functions = new FunctionCatalog(access, exists);
        columnPrivileges = new ColumnPrivilegeCatalog(access, laterCatalogExists.test(ColumnPrivilegeCatalog.RELATION));
        privileges = new PrivilegeCatalog(access, exists, columnPrivileges);
        comments = new CommentCatalog(access, exists);
        types = new org.lakepg.server.catalog.types.UserTypeCatalog(access, exists);
        triggers = new TriggerCatalog(access, exists);
        statistics = new StatisticCatalog(access, laterCatalogExists.test(StatisticCatalog.RELATION));
        aggregates = new AggregateCatalog(access, laterCatalogExists.test(AggregateCatalog.RELATION));
        rules = new RuleCatalog(access, laterCatalogExists.test(RuleCatalog.RELATION));
        operators = new OperatorCatalog(access, laterCatalogExists.test(OperatorCatalog.RELATION));
        policies = new PolicyCatalog(access, laterCatalogExists.test(PolicyCatalog.RELATION),
                laterCatalogExists.test(PolicyCatalog.FLAGS_RELATION));
        operatorClasses = new OperatorClassCatalog(access, laterCatalogExists.test(OperatorClassCatalog.RELATION));
        eventTriggers = new EventTriggerCatalog(access, laterCatalogExists.test(EventTriggerCatalog.RELATION));
        defaultAcls = new DefaultAclCatalog(access, laterCatalogExists.test(DefaultAclCatalog.RELATION));
        largeObjects = org.lakepg.server.largeobject.LargeObjectStore.open(access,
                laterCatalogExists.test(org.lakepg.server.largeobject.LargeObjectStore.markerRelation()));
    }

    /**
     * Opens the catalogs, creating their storage when the database has none yet (also in older databases);
     * {@code laterCatalogExists} tells the same of each catalog added after the first ones (statistics, aggregates),
     * which databases of older versions lack.
     */
    public static ObjectCatalog open(AccessContext access, boolean exists,
                                     java.util.function.IntPredicate laterCatalogExists) {
        return new ObjectCatalog(access, exists, laterCatalogExists);
    }

    /** The relation whose existence says the catalogs were created. */
    public static int markerRelation() {
        return SchemaCatalog.RELATION;
    }

    /** The pg_aggregate rows of CREATE AGGREGATE (relation 22). */
    public AggregateCatalog aggregates() {
        return aggregates;
    }

    /** The pg_operator rows of CREATE OPERATOR (relation 28). */
    public OperatorCatalog operators() {
        return operators;
    }

    /** The pg_opclass rows of CREATE OPERATOR CLASS (relation 37). */
    public OperatorClassCatalog operatorClasses() {
        return operatorClasses;
    }

    /** The pg_rewrite rows of CREATE RULE (relation 27). */
    public RuleCatalog rules() {
        return rules;
    }

    /** Large objects: pg_largeobject_metadata and pg_largeobject (relations 58-60). */
    public org.lakepg.server.largeobject.LargeObjectStore largeObjects() {
        return largeObjects;
    }

    /** ALTER DEFAULT PRIVILEGES' entries (pg_default_acl, relation 45). */
    public DefaultAclCatalog defaultAcls() {
        return defaultAcls;
    }

    /** CREATE EVENT TRIGGER's triggers (relation 41). */
    public EventTriggerCatalog eventTriggers() {
        return eventTriggers;
    }

    /** Row-level security policies and switches (relations 35, 36). */
    public PolicyCatalog policies() {
        return policies;
    }

    public TriggerCatalog triggers() {
        return triggers;
    }

    public SchemaCatalog schemas() {
        return schemas;
    }

    public ViewCatalog views() {
        return views;
    }

    public FunctionCatalog functions() {
        return functions;
    }

    public PrivilegeCatalog privileges() {
        return privileges;
    }

    /** The pg_attribute.attacl grants of GRANT ... (columns) (relation 44). */
    public ColumnPrivilegeCatalog columnPrivileges() {
        return columnPrivileges;
    }

    public CommentCatalog comments() {
        return comments;
    }

    /** VACUUM's and ANALYZE's measurements of tables (relation 21). */
    public StatisticCatalog statistics() {
        return statistics;
    }

    /** User-defined types: enums, domains, composite types (relation 16). */
    public org.lakepg.server.catalog.types.UserTypeCatalog types() {
        return types;
    }
}
