package org.lakepg.server.session;

import java.util.List;
import java.util.function.Supplier;
import org.lakepg.server.catalog.objects.CatalogClasses;
import org.lakepg.server.catalog.objects.ObjectCatalog;
import org.lakepg.server.catalog.objects.SchemaInfo;
import org.lakepg.server.sql.ast.CommentStmt;
import org.lakepg.server.sql.ast.ObjectWithArgs;
import org.lakepg.server.table.ColumnInfo;
import org.lakepg.server.table.IndexInfo;
import org.lakepg.server.table.TableCatalog;
import org.lakepg.server.table.TableInfo;
import org.lakepg.server.txn.Transaction;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * COMMENT ON TABLE/VIEW/COLUMN/INDEX/SCHEMA/FUNCTION/PROCEDURE/ROLE/DATABASE ... IS 'text' | NULL, kept as
 * pg_description rows (an empty text removes the comment, as in PostgreSQL). Only the owner may comment.
 */
final class CommentCommands {
    private final ObjectCatalog objects;
    private final TableCatalog tables;
    private final SearchPath searchPath;
    private final RoleAccess roles;
    private final Privileges privileges;
    private final FunctionCommands functions;
    private final Supplier<String> database;
    private final TypeTarget types;

    /** Resolves COMMENT ON TYPE / DOMAIN's object to a type OID the current role owns. */
    interface TypeTarget {
        long resolve(Object object, boolean domain, Transaction txn);
    }

    CommentCommands(ObjectCatalog objects, TableCatalog tables, SearchPath searchPath, RoleAccess roles,
                    Privileges privileges, FunctionCommands functions, Supplier<String> database, TypeTarget types) {
        this.types = types;
        this.objects = objects;
        this.tables = tables;
        this.searchPath = searchPath;
        this.roles = roles;
        this.privileges = privileges;
        this.functions = functions;
        this.database = database;
    }

    Execution run(CommentStmt s, Transaction txn) {
        var snapshot = txn.snapshot();
        switch (s.objtype().kind()) {
            case TABLE, VIEW, MATVIEW -> {
                List<String> name = ObjectNames.qualified(s.object());
                SearchPath.Relation relation = relation(txn, name);
                String expected = s.objtype().kind() == org.lakepg.server.sql.ast.ObjectType.Kind.TABLE ? "table" : "view";
                boolean isView = relation instanceof SearchPath.Relation.View;
                if (isView != expected.equals("view")) {
                    throw PgException.of(SqlState.WRONG_OBJECT_TYPE, "\"%s\" is not a %s", relation.name(), expected);
                }
                long oid = switch (relation) {
                    case SearchPath.Relation.Table t -> {
                        roles.requireOwner(privileges.tableOwner(snapshot, t.table().oid()), "table", t.name());
                        yield t.table().oid();
                    }
                    case SearchPath.Relation.View v -> {
                        roles.requireOwner(v.view().owner(), "view", v.name());
                        yield v.view().oid();
                    }
                };
                objects.comments().set(txn, CatalogClasses.PG_CLASS, oid, 0, s.comment());
            }
            case COLUMN -> {
                List<String> name = ObjectNames.qualified(s.object());
                if (name.size() < 2) {
                    throw PgException.of(SqlState.SYNTAX_ERROR, "column name must be qualified");
                }
                List<String> relationName = name.subList(0, name.size() - 1);
                String column = name.get(name.size() - 1);
                SearchPath.Relation relation = relation(txn, relationName);
                List<ColumnInfo> columns = switch (relation) {
                    case SearchPath.Relation.Table t -> t.table().columns();
                    case SearchPath.Relation.View v -> v.view().columns();
                };
                long oid = switch (relation) {
                    case SearchPath.Relation.Table t -> t.table().oid();
                    case SearchPath.Relation.View v -> v.view().oid();
                };
                ColumnInfo c = columns.stream().filter(x -> x.name().equals(column)).findFirst().orElseThrow(() ->
                        PgException.of(SqlState.UNDEFINED_COLUMN, "column \"%s\" of relation \"%s\" does not exist",
                                column, String.join(".", relationName)));
                objects.comments().set(txn, CatalogClasses.PG_CLASS, oid, c.number(), s.comment());
            }
            case INDEX -> {
                List<String> name = ObjectNames.qualified(s.object());
                String index = name.get(name.size() - 1);
                IndexInfo found = null;
                for (TableInfo t : tables.tables(snapshot)) {
                    for (IndexInfo i : tables.indexes(snapshot, t.oid())) {
                        if (i.name().equals(index)) {
                            found = i;
                        }
                    }
                }
                if (found == null) {
                    throw PgException.of(SqlState.UNDEFINED_TABLE, "relation \"%s\" does not exist", String.join(".", name));
                }
                objects.comments().set(txn, CatalogClasses.PG_CLASS, found.oid(), 0, s.comment());
            }
            case SCHEMA -> {
                SchemaInfo schema = searchPath.schema(snapshot, ObjectNames.last(s.object()));
                roles.requireOwner(schema.owner(), "schema", schema.name());
                objects.comments().set(txn, CatalogClasses.PG_NAMESPACE, schema.oid(), 0, s.comment());
            }
            case FUNCTION, PROCEDURE, ROUTINE, AGGREGATE -> {
                String kind = switch (s.objtype().kind()) {
                    case PROCEDURE -> "procedure";
                    case AGGREGATE -> "aggregate";
                    default -> "function";
                };
                var f = functions.findWithBuiltins(txn, (ObjectWithArgs) s.object(), kind);
                roles.requireOwner(f.owner(), kind, f.proc().name());
                objects.comments().set(txn, CatalogClasses.PG_PROC, f.proc().oid(), 0, s.comment());
            }
            case TYPE, DOMAIN -> {
                long oid = types.resolve(s.object(), s.objtype().kind() == org.lakepg.server.sql.ast.ObjectType.Kind.DOMAIN,
                        txn);
                objects.comments().set(txn, CatalogClasses.PG_TYPE, oid, 0, s.comment());
            }
            case EVENT_TRIGGER -> {
                String name = ObjectNames.last(s.object());
                var trigger = objects.eventTriggers().find(snapshot, name).orElseThrow(() -> PgException.of(
                        SqlState.UNDEFINED_OBJECT, "event trigger \"%s\" does not exist", name));
                roles.requireOwner(trigger.owner(), "event trigger", name);
                objects.comments().set(txn, CatalogClasses.PG_EVENT_TRIGGER, trigger.oid(), 0, s.comment());
            }
            case ROLE -> {
                // the parser reads the role as a RoleSpec (like GRANT's roles), other objects as name lists
                var role = roles.role(s.object() instanceof org.lakepg.server.sql.ast.RoleSpec spec
                        ? spec.rolename() : ObjectNames.last(s.object()));
                objects.comments().set(txn, CatalogClasses.PG_AUTHID, role.oid(), 0, s.comment());
            }
            case LARGEOBJECT -> {
                long oid = LargeObjectNames.oid(s.object());
                var lo = objects.largeObjects().find(snapshot, oid).orElseThrow(() -> PgException.of(
                        SqlState.UNDEFINED_OBJECT, "large object %d does not exist", oid));
                roles.requireOwner(lo.owner(), "large object", Long.toString(oid));
                objects.comments().set(txn, CatalogClasses.PG_LARGEOBJECT, oid, 0, s.comment());
            }
            case DATABASE -> {
                String name = ObjectNames.last(s.object());
                if (!name.equals(database.get())) {
                    throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED,
                            "COMMENT ON DATABASE is supported for the current database only");
                }
                objects.comments().set(txn, CatalogClasses.PG_DATABASE, 0, 0, s.comment());
            }
            default -> throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED, "COMMENT ON %s is not supported yet",
                    s.objtype().kind().name().replace('_', ' '));
        }
        return Execution.done("COMMENT");
    }

    private SearchPath.Relation relation(Transaction txn, List<String> name) {
        String schema = ObjectNames.schemaOf(name);
        if (schema != null) {
            searchPath.schema(txn.snapshot(), schema);
        }
        return searchPath.relation(txn.snapshot(), name).orElseThrow(() -> PgException.of(SqlState.UNDEFINED_TABLE,
                "relation \"%s\" does not exist", String.join(".", name)));
    }
}
