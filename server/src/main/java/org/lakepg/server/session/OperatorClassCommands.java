package org.lakepg.server.session;

import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.lakepg.server.catalog.ProcEntry;
import org.lakepg.server.catalog.TypeOids;
import org.lakepg.server.catalog.objects.ObjectCatalog;
import org.lakepg.server.catalog.objects.OperatorClassCatalog.UserOperatorClass;
import org.lakepg.server.catalog.objects.SchemaInfo;
import org.lakepg.server.sql.analyzer.AnalyzerCatalog;
import org.lakepg.server.sql.analyzer.ExpressionAnalyzer;
import org.lakepg.server.sql.analyzer.TypeNames;
import org.lakepg.server.sql.ast.CreateOpClassItem;
import org.lakepg.server.sql.ast.CreateOpClassStmt;
import org.lakepg.server.sql.ast.DropStmt;
import org.lakepg.server.sql.ast.TypeName;
import org.lakepg.server.txn.Transaction;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * CREATE OPERATOR CLASS and DROP OPERATOR CLASS (PostgreSQL's opclasscmds.c). lakepg keeps what hash partitioning
 * uses: a hash class's support function 2, the extended hash (value, seed) -> int8 that places rows in partitions.
 */
final class OperatorClassCommands {
    private static final List<String> METHODS = List.of("btree", "hash", "gist", "gin", "spgist", "brin");
    private final ObjectCatalog objects;
    private final AnalyzerCatalog catalog;
    private final SearchPath searchPath;
    private final RoleAccess roles;
    private final Consumer<PgException> notices;
    private final org.lakepg.server.table.TableCatalog tables;

    OperatorClassCommands(ObjectCatalog objects, AnalyzerCatalog catalog, SearchPath searchPath, RoleAccess roles,
                          Consumer<PgException> notices, org.lakepg.server.table.TableCatalog tables) {
        this.objects = objects;
        this.catalog = catalog;
        this.searchPath = searchPath;
        this.roles = roles;
        this.notices = notices;
        this.tables = tables;
    }

    Execution create(CreateOpClassStmt s, Transaction txn, ExpressionAnalyzer types) {
        List<String> qualified = s.opclassname();
        String name = qualified.get(qualified.size() - 1);
        String method = s.amname().toLowerCase(java.util.Locale.ROOT);
        if (!METHODS.contains(method)) {
            throw PgException.of(SqlState.UNDEFINED_OBJECT, "access method \"%s\" does not exist", s.amname());
        }
        SchemaInfo schema = searchPath.creationSchema(txn.snapshot(), ObjectNames.schemaOf(qualified));
        long type = types.resolveType(s.datatype())[0];
        long hashProc = 0;
        for (CreateOpClassItem item : s.items()) {
            if (item.itemtype() != CreateOpClassItem.ItemType.FUNCTION) {
                continue;
            }
            List<TypeName> argNames = item.name().objargs();
            long[] args = argNames == null ? new long[0]
                    : argNames.stream().mapToLong(t -> types.resolveType(t)[0]).toArray();
            List<String> fname = item.name().objname();
            ProcEntry proc = catalog.functions(fname).stream()
                    .filter(p -> argNames == null || Arrays.equals(p.argumentTypes(), args)).findFirst()
                    .orElseThrow(() -> PgException.of(SqlState.UNDEFINED_FUNCTION, "function %s(%s) does not exist",
                            String.join(".", fname), String.join(", ", Arrays.stream(args)
                                    .mapToObj(t -> TypeNames.format(catalog, t)).toList())));
            if (method.equals("hash") && item.number() == 2) {
                if (proc.returnType() != TypeOids.INT8) {
                    throw PgException.of(SqlState.INVALID_OBJECT_DEFINITION,
                            "extended hash function %d must return bigint", item.number());
                }
                hashProc = proc.oid();
            }
        }
        long namespace = schema.oid();
        if (objects.operatorClasses().classes(txn.snapshot()).stream().anyMatch(c -> c.namespace() == namespace
                && c.name().equals(name) && c.method().equals(method))) {
            throw PgException.of(SqlState.DUPLICATE_OBJECT,
                    "operator class \"%s\" for access method \"%s\" already exists", name, method);
        }
        objects.operatorClasses().create(txn, new UserOperatorClass(tables.newOid(), name, namespace, method, type,
                hashProc, roles.currentRoleOid()));
        return Execution.done("CREATE OPERATOR CLASS");
    }

    @SuppressWarnings("unchecked")
    Execution drop(DropStmt s, Transaction txn) {
        for (Object o : s.objects()) {
            List<Object> parts = (List<Object>) o;
            String method = ((String) parts.get(0)).toLowerCase(java.util.Locale.ROOT);
            List<String> qualified = (List<String>) parts.get(1);
            if (!METHODS.contains(method)) {
                throw PgException.of(SqlState.UNDEFINED_OBJECT, "access method \"%s\" does not exist", method);
            }
            List<UserOperatorClass> found = catalog.userOperatorClasses(qualified, method);
            if (found.isEmpty()) {
                if (s.missingOk()) {
                    notices.accept(PgException.of(SqlState.SUCCESSFUL_COMPLETION,
                            "operator class \"%s\" does not exist for access method \"%s\", skipping",
                            String.join(".", qualified), method).withSeverity(PgException.Severity.NOTICE));
                    continue;
                }
                throw PgException.of(SqlState.UNDEFINED_OBJECT,
                        "operator class \"%s\" does not exist for access method \"%s\"", String.join(".", qualified),
                        method);
            }
            objects.operatorClasses().drop(txn, found.get(0).oid());
        }
        return Execution.done("DROP OPERATOR CLASS");
    }
}
