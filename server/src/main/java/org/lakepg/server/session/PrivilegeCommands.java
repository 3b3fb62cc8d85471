package org.lakepg.server.session;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.lakepg.server.auth.Roles;
import org.lakepg.server.catalog.objects.BuiltInAcl;
import org.lakepg.server.catalog.objects.CatalogClasses;
import org.lakepg.server.catalog.objects.FunctionCatalog;
import org.lakepg.server.catalog.objects.ObjectCatalog;
import org.lakepg.server.catalog.objects.PrivilegeCatalog;
import org.lakepg.server.catalog.objects.SchemaInfo;
import org.lakepg.server.sql.ast.AccessPriv;
import org.lakepg.server.sql.ast.GrantStmt;
import org.lakepg.server.sql.ast.ObjectWithArgs;
import org.lakepg.server.sql.ast.RoleSpec;
import org.lakepg.server.table.TableCatalog;
import org.lakepg.server.table.TableInfo;
import org.lakepg.server.txn.Snapshot;
import org.lakepg.server.txn.Transaction;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * GRANT/REVOKE privileges ON tables, views, schemas, functions and the current database. Privileges are kept
 * as aclitem letters per grantee; a '*' after a letter is its grant option.
 */
final class PrivilegeCommands {
    private final ObjectCatalog objects;
    private final TableCatalog tables;
    private final SearchPath searchPath;
    private final RoleAccess access;
    private final Privileges privileges;
    private final FunctionCommands functions;
    private final Supplier<String> database;

    /**
     * A grantable object: its catalog, OID, owner, how messages name it and, for a relation, its columns' attnums
     * by name (empty otherwise).
     */
    private record Target(long classoid, long oid, long owner, String kind, String name, Map<String, Integer> columns) {
        Target(long classoid, long oid, long owner, String kind, String name) {
            this(classoid, oid, owner, kind, name, Map.of());
        }
    }

    PrivilegeCommands(ObjectCatalog objects, TableCatalog tables, SearchPath searchPath, RoleAccess access,
                      Privileges privileges, FunctionCommands functions, Supplier<String> database) {
        this.objects = objects;
        this.tables = tables;
        this.searchPath = searchPath;
        this.access = access;
        this.privileges = privileges;
        this.functions = functions;
        this.database = database;
    }

    Execution run(GrantStmt s, Transaction txn) {
        String typeName;
        String allowed;
        switch (s.objtype().kind()) {
            case TABLE -> {
                typeName = "relation";
                allowed = "arwdDxt";
            }
            case SEQUENCE -> {
                typeName = "sequence";
                allowed = "rwU";
            }
            case SCHEMA -> {
                typeName = "schema";
                allowed = "UC";
            }
            case FUNCTION, PROCEDURE, ROUTINE -> {
                typeName = s.objtype().kind() == org.lakepg.server.sql.ast.ObjectType.Kind.PROCEDURE ? "procedure"
                        : "function";
                allowed = "X";
            }
            case DATABASE -> {
                typeName = "database";
                allowed = "CTc";
            }
            case LARGEOBJECT -> {
                typeName = "large object";
                allowed = "rw";
            }
            default -> throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED, "GRANT/REVOKE on %s is not supported yet",
                    s.objtype().kind().name().toLowerCase(Locale.ROOT).replace('_', ' '));
        }
        List<AccessPriv> columnPrivileges = s.privileges() == null ? List.of()
                : s.privileges().stream().filter(p -> p.cols() != null && !p.cols().isEmpty()).toList();
        if (!columnPrivileges.isEmpty() && !typeName.equals("relation")) {
            throw PgException.of(SqlState.INVALID_GRANT_OPERATION, "column privileges are only valid for relations");
        }
        List<AccessPriv> tablePrivileges = s.privileges() == null ? null
                : s.privileges().stream().filter(p -> p.cols() == null || p.cols().isEmpty()).toList();
        String letters = letters(tablePrivileges, allowed, typeName);
        List<Long> grantees = new ArrayList<>();
        for (RoleSpec r : s.grantees()) {
            grantees.add(access.oidOf(r));
        }
        Snapshot snapshot = txn.snapshot();
        for (Target t : targets(s, snapshot, txn)) {
            if (!access.hasPrivilegesOf(t.owner())) {
                throw PgException.of(SqlState.INSUFFICIENT_PRIVILEGE, "permission denied for %s %s", t.kind(), t.name());
            }
            grantOnColumns(s, txn, t, columnPrivileges, grantees);
            if (letters.isEmpty()) {
                continue; // only column privileges: the table's own ACL stays as it is (NULL when default)
            }
            if (!s.isGrant()) {
                // REVOKE of table privileges takes them from every column as well, as in PostgreSQL
                revokeFromAllColumns(txn, t, letters, s.grantOption(), grantees);
            }
            if (!objects.privileges().hasAcl(txn.snapshot(), t.classoid(), t.oid())) {
                // the first GRANT/REVOKE makes the default ACL explicit (the owner's entry and PUBLIC's defaults),
                // so PUBLIC's defaults can be revoked, as in PostgreSQL
                char kind = BuiltInAcl.kindOf(t.classoid(), t.kind().equals("sequence"));
                objects.privileges().set(txn, t.classoid(), t.oid(), t.owner(), BuiltInAcl.owner(kind).orElseThrow(),
                        t.owner());
                String defaults = Privileges.defaultForPublic(t.classoid(), t.oid());
                if (!defaults.isEmpty()) {
                    objects.privileges().set(txn, t.classoid(), t.oid(), PrivilegeCatalog.PUBLIC, defaults, t.owner());
                }
            }
            for (long grantee : grantees) {
                String current = objects.privileges().grants(txn.snapshot(), t.classoid(), t.oid()).stream()
                        .filter(g -> g.grantee() == grantee).map(PrivilegeCatalog.Grant::privileges).findFirst().orElse("");
                String updated = s.isGrant() ? add(current, letters, s.grantOption())
                        : remove(current, letters, s.grantOption());
                if (!updated.equals(current)) {
                    objects.privileges().set(txn, t.classoid(), t.oid(), grantee, updated, t.owner());
                }
            }
        }
        return Execution.done(s.isGrant() ? "GRANT" : "REVOKE");
    }

    /** GRANT/REVOKE privilege (columns): each named column's attacl, kept apart from the table's ACL. */
    private void grantOnColumns(GrantStmt s, Transaction txn, Target t, List<AccessPriv> columnPrivileges,
                                List<Long> grantees) {
        for (AccessPriv p : columnPrivileges) {
            String letters = letters(List.of(new AccessPriv(p.privName(), null)), "arwx", "column");
            for (String column : p.cols()) {
                Integer attnum = t.columns().get(column);
                if (attnum == null) {
                    throw PgException.of(SqlState.UNDEFINED_COLUMN, "column \"%s\" of relation \"%s\" does not exist",
                            column, t.name());
                }
                for (long grantee : grantees) {
                    changeColumn(txn, t, attnum, grantee, letters, s.isGrant(), s.grantOption());
                }
            }
        }
    }

    private void revokeFromAllColumns(Transaction txn, Target t, String letters, boolean grantOptionOnly,
                                      List<Long> grantees) {
        String columnLetters = letters.chars().filter(c -> "arwx".indexOf(c) >= 0)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        if (columnLetters.isEmpty()) {
            return;
        }
        for (int attnum : t.columns().values()) {
            for (long grantee : grantees) {
                changeColumn(txn, t, attnum, grantee, columnLetters, false, grantOptionOnly);
            }
        }
    }

    private void changeColumn(Transaction txn, Target t, int attnum, long grantee, String letters, boolean grant,
                              boolean grantOption) {
        var columns = objects.columnPrivileges();
        String current = columns.grants(txn.snapshot(), t.oid(), attnum).stream().filter(g -> g.grantee() == grantee)
                .map(org.lakepg.server.catalog.objects.ColumnPrivilegeCatalog.Grant::privileges).findFirst().orElse("");
        String updated = grant ? add(current, letters, grantOption) : remove(current, letters, grantOption);
        if (!updated.equals(current)) {
            columns.set(txn, t.oid(), attnum, grantee, updated, t.owner());
        }
    }

    /** The aclitem letters of a privilege list (null: ALL). */
    static String letters(List<AccessPriv> privs, String allowed, String typeName) {
        if (privs == null) {
            return allowed;
        }
        StringBuilder out = new StringBuilder();
        for (AccessPriv p : privs) {
            String name = p.privName() == null ? "all" : p.privName().toLowerCase(Locale.ROOT);
            String letter = switch (name) {
                case "all", "all privileges" -> allowed;
                case "select" -> "r";
                case "insert" -> "a";
                case "update" -> "w";
                case "delete" -> "d";
                case "truncate" -> "D";
                case "references" -> "x";
                case "trigger" -> "t";
                case "execute" -> "X";
                case "usage" -> "U";
                case "create" -> "C";
                case "connect" -> "c";
                case "temporary", "temp" -> "T";
                default -> throw PgException.of(SqlState.SYNTAX_ERROR, "unrecognized privilege type \"%s\"", name);
            };
            for (char c : letter.toCharArray()) {
                if (allowed.indexOf(c) < 0) {
                    throw PgException.of(SqlState.INVALID_GRANT_OPERATION, "invalid privilege type %s for %s",
                            name.toUpperCase(Locale.ROOT), typeName);
                }
                if (out.indexOf(String.valueOf(c)) < 0) {
                    out.append(c);
                }
            }
        }
        return out.toString();
    }

    private static Map<Character, Boolean> parse(String acl) {
        Map<Character, Boolean> out = new LinkedHashMap<>();
        for (int i = 0; i < acl.length(); i++) {
            char c = acl.charAt(i);
            boolean option = i + 1 < acl.length() && acl.charAt(i + 1) == '*';
            out.put(c, option);
            if (option) {
                i++;
            }
        }
        return out;
    }

    private static String format(Map<Character, Boolean> acl) {
        StringBuilder out = new StringBuilder();
        // PostgreSQL prints aclitem letters in a fixed order
        for (char c : "arwdDxtXUCTc".toCharArray()) {
            Boolean option = acl.get(c);
            if (option != null) {
                out.append(c).append(option ? "*" : "");
            }
        }
        return out.toString();
    }

    static String add(String current, String letters, boolean grantOption) {
        Map<Character, Boolean> acl = parse(current);
        for (char c : letters.toCharArray()) {
            acl.merge(c, grantOption, Boolean::logicalOr);
        }
        return format(acl);
    }

    /** REVOKE takes the privileges away, or with GRANT OPTION FOR only their grant option. */
    static String remove(String current, String letters, boolean grantOptionOnly) {
        Map<Character, Boolean> acl = parse(current);
        for (char c : letters.toCharArray()) {
            if (grantOptionOnly) {
                acl.computeIfPresent(c, (k, v) -> false);
            } else {
                acl.remove(c);
            }
        }
        return format(acl);
    }

    /** A table's columns by name with their PostgreSQL attnums (which stay when earlier columns are dropped). */
    private static Map<String, Integer> columns(TableInfo table) {
        Map<String, Integer> out = new LinkedHashMap<>();
        table.columns().forEach(c -> out.put(c.name(), table.attnum(c.number())));
        return out;
    }

    private static Map<String, Integer> columns(org.lakepg.server.catalog.objects.ViewInfo view) {
        Map<String, Integer> out = new LinkedHashMap<>();
        view.columns().forEach(c -> out.put(c.name(), (int) c.number()));
        return out;
    }

    /** A sequence by (possibly qualified) name, unqualified ones along the search path. */
    private java.util.Optional<org.lakepg.server.table.SequenceInfo> sequence(Snapshot snapshot, List<String> name) {
        String relname = name.get(name.size() - 1);
        List<SchemaInfo> schemas = name.size() > 1 ? searchPath.qualifier(snapshot, name.get(name.size() - 2))
                .map(List::of).orElse(List.of()) : searchPath.effectiveSchemas(snapshot);
        for (SchemaInfo schema : schemas) {
            var found = tables.findSequence(snapshot, schema.oid(), relname);
            if (found.isPresent()) {
                return found;
            }
        }
        return java.util.Optional.empty();
    }

    private List<Target> targets(GrantStmt s, Snapshot snapshot, Transaction txn) {
        List<Target> out = new ArrayList<>();
        boolean allInSchema = "all_in_schema".equals(s.targtype());
        switch (s.objtype().kind()) {
            case TABLE -> {
                for (Object o : s.objects()) {
                    if (allInSchema) {
                        SchemaInfo schema = searchPath.schema(snapshot, ObjectNames.last(o));
                        for (TableInfo t : tables.tables(snapshot)) {
                            if (t.namespace() == schema.oid()) {
                                out.add(new Target(CatalogClasses.PG_CLASS, t.oid(), privileges.tableOwner(snapshot, t.oid()),
                                        "table", t.name(), columns(t)));
                            }
                        }
                        objects.views().views(snapshot).stream().filter(v -> v.namespace() == schema.oid()).forEach(v ->
                                out.add(new Target(CatalogClasses.PG_CLASS, v.oid(), v.owner(), "view", v.name(),
                                        columns(v))));
                        continue;
                    }
                    List<String> name = ObjectNames.qualified(o);
                    var relation = searchPath.relation(snapshot, name).orElseThrow(() -> PgException.of(
                            SqlState.UNDEFINED_TABLE, "relation \"%s\" does not exist", String.join(".", name)));
                    out.add(switch (relation) {
                        case SearchPath.Relation.Table t -> new Target(CatalogClasses.PG_CLASS, t.table().oid(),
                                privileges.tableOwner(snapshot, t.table().oid()), "table", t.name(), columns(t.table()));
                        case SearchPath.Relation.View v -> new Target(CatalogClasses.PG_CLASS, v.view().oid(),
                                v.view().owner(), "view", v.name(), columns(v.view()));
                    });
                }
            }
            case LARGEOBJECT -> {
                for (Object o : s.objects()) {
                    long oid = LargeObjectNames.oid(o);
                    var lo = objects.largeObjects().find(snapshot, oid).orElseThrow(() -> PgException.of(
                            SqlState.UNDEFINED_OBJECT, "large object %d does not exist", oid));
                    out.add(new Target(CatalogClasses.PG_LARGEOBJECT, oid, lo.owner(), "large object",
                            Long.toString(oid)));
                }
            }
            case SEQUENCE -> {
                for (Object o : s.objects()) {
                    if (allInSchema) {
                        SchemaInfo schema = searchPath.schema(snapshot, ObjectNames.last(o));
                        for (var q : tables.sequences(snapshot)) {
                            if (q.namespace() == schema.oid()) {
                                out.add(new Target(CatalogClasses.PG_CLASS, q.oid(), privileges.tableOwner(snapshot,
                                        q.oid()), "sequence", q.name()));
                            }
                        }
                        continue;
                    }
                    List<String> name = ObjectNames.qualified(o);
                    var q = sequence(snapshot, name).orElseThrow(() -> PgException.of(SqlState.UNDEFINED_TABLE,
                            "relation \"%s\" does not exist", String.join(".", name)));
                    out.add(new Target(CatalogClasses.PG_CLASS, q.oid(), privileges.tableOwner(snapshot, q.oid()),
                            "sequence", q.name()));
                }
            }
            case SCHEMA -> {
                for (Object o : s.objects()) {
                    SchemaInfo schema = searchPath.schema(snapshot, ObjectNames.last(o));
                    out.add(new Target(CatalogClasses.PG_NAMESPACE, schema.oid(), schema.owner(), "schema", schema.name()));
                }
            }
            case FUNCTION, PROCEDURE, ROUTINE -> {
                for (Object o : s.objects()) {
                    if (allInSchema) {
                        SchemaInfo schema = searchPath.schema(snapshot, ObjectNames.last(o));
                        for (FunctionCatalog.UserFunction f : objects.functions().functions(snapshot)) {
                            if (f.proc().namespace() == schema.oid()) {
                                out.add(new Target(CatalogClasses.PG_PROC, f.proc().oid(), f.owner(), "function",
                                        f.proc().name()));
                            }
                        }
                        continue;
                    }
                    ObjectWithArgs target = (ObjectWithArgs) o;
                    var f = functions.findWithBuiltins(txn, target, "function");
                    out.add(new Target(CatalogClasses.PG_PROC, f.proc().oid(), f.owner(), "function", f.proc().name()));
                }
            }
            case DATABASE -> {
                for (Object o : s.objects()) {
                    String name = ObjectNames.last(o);
                    if (name.equals(database.get())) {
                        // the current database's grants live in its own catalog, under OID 0
                        out.add(new Target(CatalogClasses.PG_DATABASE, 0, Roles.BOOTSTRAP_SUPERUSER_OID, "database", name));
                    }
                }
            }
            default -> { }
        }
        return out;
    }
}
