package org.lakepg.server.session;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import org.lakepg.server.catalog.OperatorEntry;
import org.lakepg.server.catalog.ProcEntry;
import org.lakepg.server.catalog.TypeOids;
import org.lakepg.server.catalog.objects.ObjectCatalog;
import org.lakepg.server.catalog.objects.OperatorCatalog.UserOperator;
import org.lakepg.server.catalog.objects.OperatorClassCatalog.UserOperatorClass;
import org.lakepg.server.catalog.objects.SchemaInfo;
import org.lakepg.server.sql.analyzer.AnalyzerCatalog;
import org.lakepg.server.sql.analyzer.ExpressionAnalyzer;
import org.lakepg.server.sql.analyzer.TypeNames;
import org.lakepg.server.sql.ast.CreateOpClassItem;
import org.lakepg.server.sql.ast.CreateOpClassStmt;
import org.lakepg.server.sql.ast.DefElem;
import org.lakepg.server.sql.ast.DefineStmt;
import org.lakepg.server.sql.ast.DropStmt;
import org.lakepg.server.sql.ast.ObjectWithArgs;
import org.lakepg.server.sql.ast.TypeName;
import org.lakepg.server.txn.Transaction;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * CREATE OPERATOR and DROP OPERATOR (PostgreSQL's OperatorCreate): an operator is a name for a function of its
 * operand types; the analyzer resolves it with the built-in ones. CREATE / DROP OPERATOR CLASS too.
 */
final class OperatorCommands {
    private static final List<String> INDEX_METHODS = List.of("btree", "hash", "gist", "gin", "spgist", "brin");
    private final ObjectCatalog objects;
    private final AnalyzerCatalog catalog;
    private final SearchPath searchPath;
    private final RoleAccess roles;
    private final Consumer<PgException> notices;
    private final org.lakepg.server.table.TableCatalog tables;

    OperatorCommands(ObjectCatalog objects, AnalyzerCatalog catalog, SearchPath searchPath, RoleAccess roles,
                     Consumer<PgException> notices, org.lakepg.server.table.TableCatalog tables) {
        this.objects = objects;
        this.catalog = catalog;
        this.searchPath = searchPath;
        this.roles = roles;
        this.notices = notices;
        this.tables = tables;
    }

    Execution create(DefineStmt s, Transaction txn, ExpressionAnalyzer types) {
        List<String> qualified = s.defnames();
        String name = qualified.get(qualified.size() - 1);
        SchemaInfo schema = searchPath.creationSchema(txn.snapshot(), ObjectNames.schemaOf(qualified));
        List<String> function = null;
        TypeName leftName = null;
        TypeName rightName = null;
        boolean hashes = false;
        boolean merges = false;
        for (DefElem d : s.definition()) {
            switch (d.defname().toLowerCase(Locale.ROOT)) {
                case "function", "procedure" -> function = DefinitionArguments.qualifiedName(d);
                case "leftarg" -> leftName = DefinitionArguments.typeName(d);
                case "rightarg" -> rightName = DefinitionArguments.typeName(d);
                case "hashes" -> hashes = true;
                case "merges" -> merges = true;
                case "commutator", "negator", "restrict", "join", "sort1", "sort2", "ltcmp", "gtcmp" -> { }
                default -> notices.accept(PgException.of(SqlState.SYNTAX_ERROR,
                        "operator attribute \"%s\" not recognized", d.defname()).withSeverity(PgException.Severity.WARNING));
            }
        }
        if (function == null) {
            throw PgException.of(SqlState.INVALID_FUNCTION_DEFINITION, "operator function must be specified");
        }
        if (rightName == null) {
            if (leftName == null) {
                throw PgException.of(SqlState.INVALID_FUNCTION_DEFINITION,
                        "operator argument types must be specified");
            }
            throw PgException.of(SqlState.INVALID_FUNCTION_DEFINITION, "operator right argument type must be specified")
                    .withDetail("Postfix operators are not supported.");
        }
        long left = leftName == null ? 0 : types.resolveType(leftName)[0];
        long right = types.resolveType(rightName)[0];
        long[] arguments = left == 0 ? new long[] {right} : new long[] {left, right};
        ProcEntry proc = function(function, arguments);
        if (find(txn, schema.oid(), name, left, right).isPresent()) {
            throw PgException.of(SqlState.DUPLICATE_FUNCTION, "operator %s already exists", name);
        }
        long oid = tables.newOid();
        objects.operators().create(txn, new UserOperator(new OperatorEntry(oid, name, schema.oid(), left == 0 ? 'l' : 'b',
                merges, hashes, left, right, proc.returnType(), 0, 0, proc.oid()), roles.currentRoleOid()));
        return Execution.done("CREATE OPERATOR");
    }

    Execution drop(DropStmt s, Transaction txn, ExpressionAnalyzer types) {
        for (Object o : s.objects()) {
            ObjectWithArgs op = (ObjectWithArgs) o;
            List<String> qualified = op.objname();
            String name = qualified.get(qualified.size() - 1);
            List<TypeName> args = op.objargs();
            long left = args.get(0) == null ? 0 : types.resolveType(args.get(0))[0];
            long right = args.size() < 2 || args.get(1) == null ? 0 : types.resolveType(args.get(1))[0];
            List<SchemaInfo> schemas = qualified.size() == 1 ? searchPath.effectiveSchemas(txn.snapshot())
                    : searchPath.qualifier(txn.snapshot(), qualified.get(0)).map(List::of).orElse(List.of());
            Optional<UserOperator> found = schemas.stream().map(sc -> find(txn, sc.oid(), name, left, right))
                    .flatMap(Optional::stream).findFirst();
            if (found.isEmpty()) {
                String described = (left == 0 ? "" : TypeNames.format(catalog, left) + " ") + String.join(".", qualified)
                        + " " + TypeNames.format(catalog, right);
                if (s.missingOk()) {
                    notices.accept(PgException.of(SqlState.SUCCESSFUL_COMPLETION, "operator %s does not exist, skipping",
                            String.join(".", qualified)).withSeverity(PgException.Severity.NOTICE));
                    continue;
                }
                throw PgException.of(SqlState.UNDEFINED_FUNCTION, "operator does not exist: %s", described);
            }
            objects.operators().drop(txn, found.get().entry().oid());
        }
        return Execution.done("DROP OPERATOR");
    }

    /**
     * CREATE OPERATOR CLASS (opclasscmds.c): lakepg keeps what hash partitioning uses, a hash class's support
     * function 2, the extended hash (value, seed) -> int8 that places rows in partitions.
     */
    Execution createClass(CreateOpClassStmt s, Transaction txn, ExpressionAnalyzer types) {
        List<String> qualified = s.opclassname();
        String name = qualified.get(qualified.size() - 1);
        String method = s.amname().toLowerCase(java.util.Locale.ROOT);
        if (!INDEX_METHODS.contains(method)) {
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
            ProcEntry proc = function(item.name().objname(), argNames == null ? null
                    : argNames.stream().mapToLong(t -> types.resolveType(t)[0]).toArray());
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

    /** DROP OPERATOR CLASS name USING method. */
    @SuppressWarnings("unchecked")
    Execution dropClass(DropStmt s, Transaction txn) {
        for (Object o : s.objects()) {
            List<Object> parts = (List<Object>) o;
            String method = ((String) parts.get(0)).toLowerCase(java.util.Locale.ROOT);
            List<String> qualified = (List<String>) parts.get(1);
            if (!INDEX_METHODS.contains(method)) {
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

    /** The function of this name taking exactly these argument types (any, when null), else 42883. */
    private ProcEntry function(List<String> name, long[] arguments) {
        return catalog.functions(name).stream()
                .filter(p -> arguments == null || Arrays.equals(p.argumentTypes(), arguments)).findFirst()
                .orElseThrow(() -> PgException.of(SqlState.UNDEFINED_FUNCTION, "function %s(%s) does not exist",
                        String.join(".", name), arguments == null ? "" : String.join(", ", Arrays.stream(arguments)
                                .mapToObj(t -> TypeNames.format(catalog, t)).toList())));
    }

    private Optional<UserOperator> find(Transaction txn, long namespace, String name, long left, long right) {
        return objects.operators().operators(txn.snapshot()).stream().filter(u -> u.entry().namespace() == namespace
                && u.entry().name().equals(name) && u.entry().leftType() == left && u.entry().rightType() == right)
                .findFirst();
    }
}
