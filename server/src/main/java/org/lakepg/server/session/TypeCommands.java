package org.lakepg.server.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.lakepg.server.catalog.TypeEntry;
import org.lakepg.server.catalog.TypeOids;
import org.lakepg.server.catalog.objects.ObjectCatalog;
import org.lakepg.server.catalog.objects.SchemaInfo;
import org.lakepg.server.catalog.types.UserType;
import org.lakepg.server.sql.analyzer.AnalyzerCatalog;
import org.lakepg.server.sql.analyzer.ExpressionAnalyzer;
import org.lakepg.server.sql.analyzer.TypeNames;
import org.lakepg.server.sql.ast.AlterEnumStmt;
import org.lakepg.server.sql.ast.ColumnDef;
import org.lakepg.server.sql.ast.CompositeTypeStmt;
import org.lakepg.server.sql.ast.CreateEnumStmt;
import org.lakepg.server.sql.ast.DropBehavior;
import org.lakepg.server.sql.ast.DropStmt;
import org.lakepg.server.sql.ast.TypeName;
import org.lakepg.server.table.ColumnInfo;
import org.lakepg.server.table.TableCatalog;
import org.lakepg.server.table.TableInfo;
import org.lakepg.server.txn.Snapshot;
import org.lakepg.server.txn.Transaction;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * CREATE TYPE (enum, composite), ALTER TYPE ... ADD/RENAME VALUE and DROP TYPE / DOMAIN, as PostgreSQL's
 * typecmds.c and pg_enum.c: names and errors as there. Domains' own commands are in {@link DomainCommands}.
 */
final class TypeCommands {
    private static final int NAMEDATALEN = 64;

    private final ObjectCatalog objects;
    private final TableCatalog tables;
    private final SearchPath searchPath;
    private final RoleAccess roles;
    private final Consumer<PgException> notices;
    private final AnalyzerCatalog catalog;

    TypeCommands(ObjectCatalog objects, TableCatalog tables, SearchPath searchPath, RoleAccess roles,
                 Consumer<PgException> notices, AnalyzerCatalog catalog) {
        this.objects = objects;
        this.tables = tables;
        this.searchPath = searchPath;
        this.roles = roles;
        this.notices = notices;
        this.catalog = catalog;
    }

    Execution createEnum(CreateEnumStmt s, Transaction txn) {
        SchemaInfo schema = creationSchema(txn, s.typeName());
        String name = last(s.typeName());
        requireNewName(txn.snapshot(), schema, name);
        List<UserType.EnumLabelInfo> labels = new ArrayList<>();
        float order = 1;
        for (String label : s.vals()) {
            checkLabel(label);
            labels.add(new UserType.EnumLabelInfo(tables.newOid(), order++, label));
        }
        long oid = tables.newOid();
        objects.types().create(txn, new UserType.Enum(oid, tables.newOid(), name, schema.oid(), roles.currentRoleOid(),
                labels));
        return Execution.done("CREATE TYPE");
    }

    /**
     * CREATE TYPE name (a shell) and CREATE TYPE name (INPUT = f, OUTPUT = g, ...), as DefineType: the I/O
     * functions must be LANGUAGE internal ones of a built-in type, whose values the new type's values then are.
     */
    Execution defineBase(org.lakepg.server.sql.ast.DefineStmt s, Transaction txn) {
        SchemaInfo schema = creationSchema(txn, s.defnames());
        String name = last(s.defnames());
        Optional<UserType> existing = catalog.typeByName(s.defnames())
                .flatMap(e -> objects.types().find(txn.snapshot(), e.oid()).filter(t -> t.oid() == e.oid()));
        if (s.definition() == null || s.definition().isEmpty()) {
            requireNewName(txn.snapshot(), schema, name);
            objects.types().create(txn, new UserType.Base(tables.newOid(), 0, name, schema.oid(),
                    roles.currentRoleOid(), true, 0, 0, 0, List.of()));
            return Execution.done("CREATE TYPE");
        }
        if (existing.isPresent() && !(existing.get() instanceof UserType.Base b && b.shell())) {
            throw PgException.of(SqlState.DUPLICATE_OBJECT, "type \"%s\" already exists", name);
        }
        if (existing.isEmpty()) {
            requireNewName(txn.snapshot(), schema, name);
        }
        long oid = existing.map(UserType::oid).orElseGet(tables::newOid);
        String input = null;
        String output = null;
        for (org.lakepg.server.sql.ast.DefElem d : s.definition()) {
            switch (d.defname().toLowerCase(java.util.Locale.ROOT)) {
                case "input" -> input = definitionName(d.arg());
                case "output" -> output = definitionName(d.arg());
                // the physical properties follow the representation's (LIKE, INTERNALLENGTH ... describe the same)
                default -> { }
            }
        }
        if (input == null) {
            throw PgException.of(SqlState.INVALID_OBJECT_DEFINITION, "type input function must be specified");
        }
        if (output == null) {
            throw PgException.of(SqlState.INVALID_OBJECT_DEFINITION, "type output function must be specified");
        }
        var inputProc = ioFunction(txn.snapshot(), input, new long[] {TypeOids.CSTRING}, oid);
        var outputProc = ioFunction(txn.snapshot(), output, new long[] {oid}, TypeOids.CSTRING);
        long representation = builtinTypeWithInput(inputProc.source());
        if (representation == 0 || inputProc.language() != org.lakepg.server.catalog.ProcEntry.LANGUAGE_INTERNAL
                || outputProc.language() != org.lakepg.server.catalog.ProcEntry.LANGUAGE_INTERNAL) {
            throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED,
                    "base types whose I/O functions are not those of a built-in type are not supported yet");
        }
        UserType.Base type = new UserType.Base(oid, tables.newOid(), name, schema.oid(), roles.currentRoleOid(), false,
                inputProc.oid(), outputProc.oid(), representation, List.of());
        if (existing.isPresent()) {
            objects.types().replace(txn, type);
        } else {
            objects.types().create(txn, type);
        }
        return Execution.done("CREATE TYPE");
    }

    private static String definitionName(Object arg) {
        return arg instanceof TypeName t ? last(t.names()) : String.valueOf(arg);
    }

    /** findTypeInputFunction / findTypeOutputFunction: a user function of that name, arguments and result. */
    private org.lakepg.server.catalog.ProcEntry ioFunction(Snapshot snapshot, String name, long[] arguments,
                                                          long result) {
        return objects.functions().functions(snapshot).stream().map(f -> f.proc())
                .filter(p -> p.name().equals(name) && java.util.Arrays.equals(p.argumentTypes(), arguments))
                .findFirst().map(p -> {
                    if (p.returnType() != result) {
                        throw PgException.of(SqlState.INVALID_OBJECT_DEFINITION, "type %s function %s must return type %s",
                                result == TypeOids.CSTRING ? "output" : "input", name,
                                TypeNames.format(catalog, result));
                    }
                    return p;
                }).orElseThrow(() -> PgException.of(SqlState.UNDEFINED_FUNCTION, "function %s does not exist",
                        org.lakepg.server.session.FunctionSignatures.describe(name, arguments)));
    }

    /** The built-in type whose input function is this prosrc (int4in: integer), 0 when none. */
    private long builtinTypeWithInput(String source) {
        for (long oid = 1; oid < org.lakepg.server.catalog.types.UserTypes.FIRST_USER_OID; oid++) {
            var entry = catalog.type(oid);
            if (entry.isPresent() && entry.get().kind() == TypeEntry.KIND_BASE && !entry.get().isArray()
                    && catalog.function(entry.get().inputProc()).map(p -> p.source().equals(source)).orElse(false)) {
                return oid;
            }
        }
        return 0;
    }

    /**
     * CREATE CAST (a AS b) WITHOUT FUNCTION [AS ASSIGNMENT | AS IMPLICIT]: binary coercible, kept with the user base
     * type it involves. Casts through a function or through I/O are not supported yet.
     */
    Execution createCast(org.lakepg.server.sql.ast.CreateCastStmt s, Transaction txn, ExpressionAnalyzer analyzer) {
        long source = analyzer.resolveType(s.sourcetype())[0];
        long target = analyzer.resolveType(s.targettype())[0];
        if (s.func() != null || s.inout()) {
            throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED, "CREATE CAST WITH FUNCTION or WITH INOUT is not supported yet");
        }
        TypeEntry from = catalog.type(source).orElseThrow();
        TypeEntry to = catalog.type(target).orElseThrow();
        if (from.length() != to.length() || from.byValue() != to.byValue() || from.align() != to.align()) {
            throw PgException.of(SqlState.INVALID_OBJECT_DEFINITION,
                    "source and target data types are not physically compatible");
        }
        if (catalog.cast(source, target).isPresent()) {
            throw PgException.of(SqlState.DUPLICATE_OBJECT, "cast from type %s to type %s already exists",
                    TypeNames.format(catalog, source), TypeNames.format(catalog, target));
        }
        Optional<UserType.Base> owner = baseType(txn.snapshot(), target).or(() -> baseType(txn.snapshot(), source));
        if (owner.isEmpty()) {
            throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED,
                    "CREATE CAST between types that are not user-defined base types is not supported yet");
        }
        roles.requireOwner(owner.get().owner(), "type", owner.get().name());
        objects.types().replace(txn, owner.get().withCast(new UserType.Cast(tables.newOid(), source, target,
                s.context())));
        return Execution.done("CREATE CAST");
    }

    private Optional<UserType.Base> baseType(Snapshot snapshot, long oid) {
        return objects.types().find(snapshot, oid).filter(t -> t instanceof UserType.Base b && b.oid() == oid
                && !b.shell()).map(t -> (UserType.Base) t);
    }

    Execution createComposite(CompositeTypeStmt s, Transaction txn, ExpressionAnalyzer analyzer) {
        List<String> qualified = s.typevar().schemaname() == null ? List.of(s.typevar().relname())
                : List.of(s.typevar().schemaname(), s.typevar().relname());
        SchemaInfo schema = creationSchema(txn, qualified);
        String name = s.typevar().relname();
        requireNewName(txn.snapshot(), schema, name);
        List<UserType.Attribute> attributes = new ArrayList<>();
        for (ColumnDef c : s.coldeflist()) {
            if (attributes.stream().anyMatch(a -> a.name().equals(c.colname()))) {
                throw PgException.of(SqlState.DUPLICATE_COLUMN, "column \"%s\" specified more than once", c.colname());
            }
            long[] type = analyzer.resolveType(c.typeName());
            attributes.add(new UserType.Attribute(c.colname(), type[0], (int) type[1]));
        }
        // PostgreSQL's order: the pg_class row (relkind 'c'), the array type, the type
        long relation = tables.newOid();
        long array = tables.newOid();
        objects.types().create(txn, new UserType.Composite(tables.newOid(), array, name, schema.oid(),
                roles.currentRoleOid(), attributes, relation));
        return Execution.done("CREATE TYPE");
    }

    /** CREATE TYPE name AS RANGE (SUBTYPE = t [, MULTIRANGE_TYPE_NAME = m] ...): the range, its multirange, constructors. */
    Execution createRange(org.lakepg.server.sql.ast.CreateRangeStmt s, Transaction txn, ExpressionAnalyzer analyzer) {
        SchemaInfo schema = creationSchema(txn, s.typeName());
        String name = last(s.typeName());
        requireNewName(txn.snapshot(), schema, name);
        long subtype = 0;
        String multirangeName = null;
        for (org.lakepg.server.sql.ast.DefElem d : s.params()) {
            switch (d.defname().toLowerCase(java.util.Locale.ROOT)) {
                case "subtype" -> {
                    if (subtype != 0) {
                        throw PgException.of(SqlState.SYNTAX_ERROR, "conflicting or redundant options");
                    }
                    subtype = analyzer.resolveType(d.arg() instanceof TypeName t ? t
                            : new TypeName(List.of(d.arg().toString()), List.of(), List.of(), false, false, -1))[0];
                }
                case "multirange_type_name" -> multirangeName = d.arg() instanceof TypeName t ? last(t.names())
                        : d.arg() instanceof List<?> l ? l.get(l.size() - 1).toString() : d.arg().toString();
                case "subtype_opclass", "collation", "canonical", "subtype_diff" -> { }
                default -> throw PgException.of(SqlState.SYNTAX_ERROR, "type attribute \"%s\" not recognized",
                        d.defname());
            }
        }
        if (subtype == 0) {
            throw PgException.of(SqlState.INVALID_OBJECT_DEFINITION, "type attribute \"subtype\" is required");
        }
        if (subtype == TypeOids.UNKNOWN || catalog.type(subtype).map(TypeEntry::isPseudo).orElse(false)) {
            throw PgException.of(SqlState.DATATYPE_MISMATCH, "range subtype cannot be %s",
                    TypeNames.format(catalog, subtype));
        }
        if (multirangeName == null) {
            int at = name.lastIndexOf("range");
            multirangeName = at >= 0 ? name.substring(0, at) + "multirange" + name.substring(at + 5)
                    : name + "_multirange";
        }
        requireNewName(txn.snapshot(), schema, multirangeName);
        long oid = tables.newOid();
        long array = tables.newOid();
        long multirange = tables.newOid();
        long multirangeArray = tables.newOid();
        long firstConstructor = tables.newOid();
        for (int i = 1; i < org.lakepg.server.catalog.types.RangeConstructors.COUNT; i++) {
            tables.newOid();
        }
        objects.types().create(txn, new UserType.Range(oid, array, name, schema.oid(), roles.currentRoleOid(), subtype,
                multirange, multirangeArray, multirangeName, firstConstructor));
        return Execution.done("CREATE TYPE");
    }

    Execution alterEnum(AlterEnumStmt s, Transaction txn) {
        UserType.Enum e = enumNamed(txn.snapshot(), s.typeName());
        roles.requireOwner(e.owner(), "type", e.name());
        List<UserType.EnumLabelInfo> labels = new ArrayList<>(e.labels());
        if (s.oldVal() != null) {
            int at = e.position(s.oldVal());
            if (at < 0) {
                throw PgException.of(SqlState.INVALID_PARAMETER_VALUE, "\"%s\" is not an existing enum label", s.oldVal());
            }
            if (e.position(s.newVal()) >= 0) {
                throw PgException.of(SqlState.DUPLICATE_OBJECT, "enum label \"%s\" already exists", s.newVal());
            }
            checkLabel(s.newVal());
            UserType.EnumLabelInfo old = labels.get(at);
            labels.set(at, new UserType.EnumLabelInfo(old.oid(), old.sortOrder(), s.newVal()));
        } else {
            if (e.position(s.newVal()) >= 0) {
                if (s.skipIfNewValExists()) {
                    notices.accept(PgException.of(SqlState.DUPLICATE_OBJECT, "enum label \"%s\" already exists, skipping",
                            s.newVal()).withSeverity(PgException.Severity.NOTICE));
                    return Execution.done("ALTER TYPE");
                }
                throw PgException.of(SqlState.DUPLICATE_OBJECT, "enum label \"%s\" already exists", s.newVal());
            }
            checkLabel(s.newVal());
            float order;
            if (s.newValNeighbor() == null) {
                order = labels.isEmpty() ? 1 : labels.get(labels.size() - 1).sortOrder() + 1;
            } else {
                int at = e.position(s.newValNeighbor());
                if (at < 0) {
                    throw PgException.of(SqlState.INVALID_PARAMETER_VALUE, "\"%s\" is not an existing enum label",
                            s.newValNeighbor());
                }
                order = between(labels, at, s.newValIsAfter());
                float neighbor = labels.get(at).sortOrder();
                if (order == neighbor || Float.isNaN(order) || clashes(labels, order)) {
                    // float4 ran out of room between the two: renumber 1..n in order first (RenumberEnumType)
                    for (int i = 0; i < labels.size(); i++) {
                        UserType.EnumLabelInfo l = labels.get(i);
                        labels.set(i, new UserType.EnumLabelInfo(l.oid(), i + 1, l.label()));
                    }
                    order = between(labels, at, s.newValIsAfter());
                }
            }
            labels.add(new UserType.EnumLabelInfo(tables.newOid(), order, s.newVal()));
        }
        objects.types().replace(txn, new UserType.Enum(e.oid(), e.arrayOid(), e.name(), e.namespace(), e.owner(),
                labels));
        return Execution.done("ALTER TYPE");
    }

    /** The sort order half way from label {@code at} to its neighbour on one side (or one past the end). */
    private static float between(List<UserType.EnumLabelInfo> labels, int at, boolean after) {
        float neighbor = labels.get(at).sortOrder();
        int other = after ? at + 1 : at - 1;
        if (other < 0 || other >= labels.size()) {
            return after ? neighbor + 1 : neighbor - 1;
        }
        return (neighbor + labels.get(other).sortOrder()) / 2;
    }

    private static boolean clashes(List<UserType.EnumLabelInfo> labels, float order) {
        return labels.stream().anyMatch(l -> l.sortOrder() == order);
    }

    /** DROP TYPE / DROP DOMAIN: refused while columns or other types use the type. */
    Execution drop(DropStmt s, Transaction txn) {
        boolean domain = s.removeType().kind() == org.lakepg.server.sql.ast.ObjectType.Kind.DOMAIN;
        boolean cascade = s.behavior() != null && s.behavior().kind() == DropBehavior.Kind.CASCADE;
        List<UserType> dropping = new ArrayList<>();
        for (Object o : s.objects()) {
            List<String> name = o instanceof TypeName t ? t.names() : ObjectNames.qualified(o);
            Optional<TypeEntry> entry = typeIfSchemaExists(name);
            if (entry.isEmpty()) {
                if (s.missingOk()) {
                    notices.accept(PgException.of(SqlState.UNDEFINED_OBJECT, "type \"%s\" does not exist, skipping",
                            String.join(".", name)).withSeverity(PgException.Severity.NOTICE));
                    continue;
                }
                throw PgException.of(SqlState.UNDEFINED_OBJECT, "type \"%s\" does not exist", String.join(".", name));
            }
            Optional<UserType> type = objects.types().find(txn.snapshot(), entry.get().oid())
                    .filter(t -> t.oid() == entry.get().oid());
            if (type.isEmpty()) {
                throw entry.get().isArray()
                        ? PgException.of(SqlState.DEPENDENT_OBJECTS_STILL_EXIST,
                                "cannot drop type %s because type %s requires it", TypeNames.format(catalog, entry.get().oid()),
                                TypeNames.format(catalog, entry.get().elementType()))
                        : PgException.of(SqlState.DEPENDENT_OBJECTS_STILL_EXIST,
                                "cannot drop type %s because it is required by the database system", entry.get().name());
            }
            if (domain && !(type.get() instanceof UserType.Domain)) {
                throw PgException.of(SqlState.WRONG_OBJECT_TYPE, "\"%s\" is not a domain", type.get().name());
            }
            roles.requireOwner(type.get().owner(), domain ? "type" : "type", type.get().name());
            dropping.add(type.get());
        }
        for (UserType t : dropping) {
            // an error below aborts the transaction, the comment's removal with it
            objects.comments().dropAll(txn, org.lakepg.server.catalog.objects.CatalogClasses.PG_TYPE, t.oid());
        }
        for (UserType t : dropping) {
            if (t instanceof UserType.Base base && dropBase(txn, base, cascade)) {
                continue;
            }
            List<String> dependents = dependents(txn.snapshot(), t);
            if (!dependents.isEmpty()) {
                List<UserType.Domain> domains = cascade ? dependentDomains(txn.snapshot(), t) : null;
                if (domains != null) {
                    cascadeNotice(domains);
                    for (UserType.Domain d : domains) {
                        objects.comments().dropAll(txn, org.lakepg.server.catalog.objects.CatalogClasses.PG_TYPE,
                                d.oid());
                        objects.types().drop(txn, d.oid());
                    }
                    objects.types().drop(txn, t.oid());
                    continue;
                }
                if (cascade) {
                    throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED,
                            "DROP TYPE ... CASCADE of a type in use is not supported yet");
                }
                throw PgException.of(SqlState.DEPENDENT_OBJECTS_STILL_EXIST,
                        "cannot drop %s %s because other objects depend on it", t instanceof UserType.Domain ? "type" : "type",
                        t.name()).withDetail(String.join("\n", dependents))
                        .withHint("Use DROP ... CASCADE to drop the dependent objects too.");
            }
            objects.types().drop(txn, t.oid());
        }
        return Execution.done(domain ? "DROP DOMAIN" : "DROP TYPE");
    }

    /**
     * DROP TYPE of a base type whose only dependents are functions taking or returning it and its casts: those go with
     * it under CASCADE (with PostgreSQL's notice), else the error names them. False when other objects use it.
     */
    private boolean dropBase(Transaction txn, UserType.Base base, boolean cascade) {
        if (!dependents(txn.snapshot(), base).isEmpty()) {
            return false;
        }
        List<org.lakepg.server.catalog.ProcEntry> functions = objects.functions().functions(txn.snapshot()).stream()
                .map(f -> f.proc()).filter(p -> p.returnType() == base.oid() || p.returnType() == base.arrayOid()
                        || java.util.Arrays.stream(p.argumentTypes()).anyMatch(a -> a == base.oid() || a == base.arrayOid()))
                .sorted(java.util.Comparator.comparingLong(org.lakepg.server.catalog.ProcEntry::oid)).toList();
        List<String> objectsGoing = new ArrayList<>();
        for (var p : functions) {
            java.util.StringJoiner args = new java.util.StringJoiner(", ", p.name() + "(", ")");
            for (long a : p.argumentTypes()) {
                args.add(TypeNames.format(catalog, a));
            }
            objectsGoing.add("function " + args);
        }
        for (UserType.Cast c : base.casts()) {
            objectsGoing.add("cast from " + TypeNames.format(catalog, c.source()) + " to "
                    + TypeNames.format(catalog, c.target()));
        }
        if (!objectsGoing.isEmpty()) {
            if (!cascade) {
                throw PgException.of(SqlState.DEPENDENT_OBJECTS_STILL_EXIST,
                        "cannot drop type %s because other objects depend on it", base.name())
                        .withDetail(String.join("\n", objectsGoing.stream()
                                .map(o -> o + " depends on type " + base.name()).toList()))
                        .withHint("Use DROP ... CASCADE to drop the dependent objects too.");
            }
            notices.accept((objectsGoing.size() == 1
                    ? PgException.of(SqlState.SUCCESSFUL_COMPLETION, "drop cascades to %s", objectsGoing.get(0))
                    : PgException.of(SqlState.SUCCESSFUL_COMPLETION, "drop cascades to %d other objects",
                            objectsGoing.size()).withDetail(String.join("\n", objectsGoing.stream()
                            .map(o -> "drop cascades to " + o).toList())))
                    .withSeverity(PgException.Severity.NOTICE));
        }
        functions.forEach(p -> objects.functions().drop(txn, p.oid()));
        objects.types().drop(txn, base.oid());
        return true;
    }

    /** PostgreSQL's dependency lines for what uses a type: table columns, domains over it, composite attributes. */
    /**
     * The domains over a type (or its array), and the domains over those, when nothing else depends on any of them:
     * what DROP ... CASCADE drops with it. Null when a column or another kind of type depends on one of them.
     */
    private List<UserType.Domain> dependentDomains(Snapshot snapshot, UserType type) {
        List<UserType.Domain> out = new ArrayList<>();
        List<UserType> pending = new ArrayList<>(List.of(type));
        while (!pending.isEmpty()) {
            UserType t = pending.remove(0);
            List<UserType.Domain> over = objects.types().types(snapshot).stream()
                    .filter(o -> o instanceof UserType.Domain d && (d.baseType() == t.oid() || d.baseType() == t.arrayOid()))
                    .map(o -> (UserType.Domain) o).toList();
            if (dependents(snapshot, t).size() != over.size()) {
                return null;
            }
            out.addAll(over);
            pending.addAll(over);
        }
        return out;
    }

    private void cascadeNotice(List<UserType.Domain> domains) {
        List<String> going = domains.stream().map(d -> "type " + d.name()).toList();
        notices.accept((going.size() == 1
                ? PgException.of(SqlState.SUCCESSFUL_COMPLETION, "drop cascades to %s", going.get(0))
                : PgException.of(SqlState.SUCCESSFUL_COMPLETION, "drop cascades to %d other objects", going.size())
                        .withDetail(String.join("\n", going.stream().map(o -> "drop cascades to " + o).toList())))
                .withSeverity(PgException.Severity.NOTICE));
    }

    List<String> dependents(Snapshot snapshot, UserType type) {
        List<String> out = new ArrayList<>();
        for (TableInfo table : tables.tables(snapshot)) {
            for (ColumnInfo c : table.columns()) {
                if (c.type() == type.oid() || c.type() == type.arrayOid() || type instanceof UserType.Range r
                        && (c.type() == r.multirangeOid() || c.type() == r.multirangeArrayOid())) {
                    out.add("column " + c.name() + " of table " + table.name() + " depends on type " + type.name());
                }
            }
        }
        for (UserType other : objects.types().types(snapshot)) {
            if (other instanceof UserType.Range r && (r.subtype() == type.oid() || r.subtype() == type.arrayOid())) {
                out.add("type " + r.name() + " depends on type " + type.name());
            }
            if (other instanceof UserType.Domain d && (d.baseType() == type.oid() || d.baseType() == type.arrayOid())) {
                out.add("type " + d.name() + " depends on type " + type.name());
            }
            if (other instanceof UserType.Composite c) {
                for (UserType.Attribute a : c.attributes()) {
                    if (a.type() == type.oid() || a.type() == type.arrayOid()) {
                        out.add("column " + a.name() + " of composite type " + c.name() + " depends on type " + type.name());
                    }
                }
            }
        }
        return out;
    }

    UserType.Enum enumNamed(Snapshot snapshot, List<String> name) {
        TypeEntry entry = requireType(name);
        if (objects.types().find(snapshot, entry.oid()).orElse(null) instanceof UserType.Enum e && e.oid() == entry.oid()) {
            return e;
        }
        throw PgException.of(SqlState.WRONG_OBJECT_TYPE, "%s is not an enum", TypeNames.format(catalog, entry.oid()));
    }

    TypeEntry requireType(List<String> name) {
        return catalog.typeByName(name).orElseThrow(() -> PgException.of(SqlState.UNDEFINED_OBJECT,
                "type \"%s\" does not exist", String.join(".", name)));
    }

    /**
     * The type COMMENT ON TYPE / DOMAIN names, once the current role is found to own it (a built-in type's
     * owner is the bootstrap superuser).
     */
    long commentTarget(Object object, boolean domain, Transaction txn) {
        List<String> name = object instanceof TypeName t ? t.names() : ObjectNames.qualified(object);
        TypeEntry entry = catalog.typeByName(name).orElseThrow(() -> PgException.of(SqlState.UNDEFINED_OBJECT,
                "type \"%s\" does not exist", String.join(".", name)));
        Optional<UserType> type = objects.types().find(txn.snapshot(), entry.oid()).filter(t -> t.oid() == entry.oid());
        if (domain && !(type.orElse(null) instanceof UserType.Domain)) {
            throw PgException.of(SqlState.WRONG_OBJECT_TYPE, "\"%s\" is not a domain", entry.name());
        }
        roles.requireOwner(type.map(UserType::owner).orElse(org.lakepg.server.auth.Roles.BOOTSTRAP_SUPERUSER_OID),
                "type", entry.name());
        return entry.oid();
    }

    private Optional<TypeEntry> typeIfSchemaExists(List<String> name) {
        try {
            return catalog.typeByName(name);
        } catch (PgException e) {
            return Optional.empty();
        }
    }

    SchemaInfo creationSchema(Transaction txn, List<String> name) {
        if (name.size() > 2) {
            throw PgException.of(SqlState.SYNTAX_ERROR, "improper qualified name (too many dotted names): %s",
                    String.join(".", name));
        }
        return searchPath.creationSchema(txn.snapshot(), name.size() == 2 ? name.get(0) : null);
    }

    /**
     * A new type's name must be free among the schema's types and relations (whose row types share it); an array
     * type's name is no obstacle: the array type moves to another name (PostgreSQL's moveArrayTypeName).
     */
    void requireNewName(Snapshot snapshot, SchemaInfo schema, String name) {
        boolean taken = schema.oid() == SchemaInfo.PG_CATALOG
                ? catalog.typeByName(List.of("pg_catalog", name)).isPresent()
                : objects.types().types(snapshot).stream().anyMatch(t -> t.namespace() == schema.oid()
                        && t.name().equals(name))
                        || searchPath.relation(snapshot, schema.oid(), name).isPresent();
        if (taken) {
            throw PgException.of(SqlState.DUPLICATE_OBJECT, "type \"%s\" already exists", name);
        }
    }

    private static void checkLabel(String label) {
        if (label.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > NAMEDATALEN - 1) {
            throw PgException.of(SqlState.INVALID_NAME, "invalid enum label \"%s\"", label)
                    .withDetail("Labels must be %d bytes or less.".formatted(NAMEDATALEN - 1));
        }
    }

    private static String last(List<String> name) {
        return name.get(name.size() - 1);
    }
}
