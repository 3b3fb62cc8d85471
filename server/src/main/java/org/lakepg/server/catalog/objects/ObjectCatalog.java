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
    private final CommentCatalog comments;
    private final org.lakepg.server.catalog.types.UserTypeCatalog types;
    private final TriggerCatalog triggers;
    private final AggregateCatalog aggregates;

    private ObjectCatalog(AccessContext access, boolean exists) {
        schemas = new SchemaCatalog(access, exists);
        views = new ViewCatalog(access, exists);
        functions = new FunctionCatalog(access, exists);
        privileges = new PrivilegeCatalog(access, exists);
        comments = new CommentCatalog(access, exists);
        types = new org.lakepg.server.catalog.types.UserTypeCatalog(access, exists);
        triggers = new TriggerCatalog(access, exists);
        aggregates = new AggregateCatalog(access, exists);
    }

    /** Opens the catalogs, creating their storage when the database has none yet (also in older databases). */
    public static ObjectCatalog open(AccessContext access, boolean exists) {
        return new ObjectCatalog(access, exists);
    }

    /** The relation whose existence says the catalogs were created. */
    public static int markerRelation() {
        return SchemaCatalog.RELATION;
    }

    /** The pg_aggregate rows of CREATE AGGREGATE (relation 21). */
    public AggregateCatalog aggregates() {
        return aggregates;
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

    public CommentCatalog comments() {
        return comments;
    }

    /** User-defined types: enums, domains, composite types (relation 16). */
    public org.lakepg.server.catalog.types.UserTypeCatalog types() {
        return types;
    }
}
