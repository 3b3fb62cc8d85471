package org.lakepg.server.session;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.lakepg.server.catalog.ProcEntry;
import org.lakepg.server.catalog.TypeOids;
import org.lakepg.server.catalog.objects.CatalogClasses;
import org.lakepg.server.catalog.objects.FunctionCatalog;
import org.lakepg.server.catalog.objects.ObjectCatalog;
import org.lakepg.server.catalog.objects.SchemaInfo;
import org.lakepg.server.sql.analyzer.AnalyzerCatalog;
import org.lakepg.server.sql.analyzer.ExpressionAnalyzer;
import org.lakepg.server.sql.analyzer.ParameterTypes;
import org.lakepg.server.sql.analyzer.QueryAnalyzer;
import org.lakepg.server.sql.analyzer.SqlFunctionBodies;
import org.lakepg.server.sql.analyzer.TypeCoercion;
import org.lakepg.server.sql.analyzer.TypeNames;
import org.lakepg.server.sql.ast.CreateFunctionStmt;
import org.lakepg.server.sql.ast.DefElem;
import org.lakepg.server.sql.ast.DropStmt;
import org.lakepg.server.sql.ast.FunctionParameter;
import org.lakepg.server.sql.ast.ObjectType;
import org.lakepg.server.sql.ast.ObjectWithArgs;
import org.lakepg.server.sql.ast.Statement;
import org.lakepg.server.sql.ast.TypeName;
import org.lakepg.server.sql.plan.OutputColumn;
import org.lakepg.server.table.TableCatalog;
import org.lakepg.server.txn.Transaction;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;
import static org.lakepg.server.catalog.types.UserTypes.FIRST_USER_OID;

/** CREATE [OR REPLACE] FUNCTION / PROCEDURE in LANGUAGE sql, DROP FUNCTION / PROCEDURE / ROUTINE, and CALL. */
final class FunctionCommands {
    private final ObjectCatalog objects;
    private final DefaultPrivilegeCommands defaultPrivileges;
    private final TableCatalog tables;
    private final SearchPath searchPath;
    private final RoleAccess roles;
    private final Consumer<PgException> notices;
    private final AnalyzerCatalog catalog;
    private final SessionSettings settings;

    FunctionCommands(ObjectCatalog objects, TableCatalog tables, SearchPath searchPath, RoleAccess roles,
                     Consumer<PgException> notices, AnalyzerCatalog catalog, SessionSettings settings,
                     DefaultPrivilegeCommands defaultPrivileges) {
        this.defaultPrivileges = defaultPrivileges;
        this.settings = settings;
        this.objects = objects;
        this.tables = tables;
        this.searchPath = searchPath;
        this.roles = roles;
        this.notices = notices;
        this.catalog = catalog;
    }

    // ---- CREATE ----

    Execution create(CreateFunctionStmt s, String text, int offset, Transaction txn,
                     Function<ParameterTypes, QueryAnalyzer> analyzers) {
        String kindName = s.isProcedure() ? "procedure" : "function";
        String name = s.funcname().get(s.funcname().size() - 1);
        SchemaInfo schema = searchPath.creationSchema(txn.snapshot(), ObjectNames.schemaOf(s.funcname()));
        String language = language(s);
        ExpressionAnalyzer types = analyzers.apply(new ParameterTypes(new int[0])).expressions();

        List<Long> inputTypes = new ArrayList<>();
        List<Long> allTypes = new ArrayList<>();
        List<Long> outTypes = new ArrayList<>();
        StringBuilder modes = new StringBuilder();
        List<String> names = new ArrayList<>();
        List<String> inputNames = new ArrayList<>();
        boolean anyName = false;
        boolean anyNonInput = false;
        Set<String> seen = new HashSet<>();
        List<String> defaultTexts = text == null ? List.of() : ParameterDefaults.of(text);
        List<String> defaults = new ArrayList<>();
        long variadic = 0;
        for (int i = 0; i < s.parameters().size(); i++) {
            FunctionParameter p = s.parameters().get(i);
            if (p.name() != null && !p.name().isEmpty()) {
                anyName = true;
                if (!seen.add(p.name())) {
                    throw PgException.of(SqlState.INVALID_FUNCTION_DEFINITION, "parameter name \"%s\" used more than once",
                            p.name());
                }
            }
            long type = types.resolveType(p.argType())[0];
            char mode = switch (p.mode()) {
                case IN, DEFAULT -> 'i';
                case OUT -> 'o';
                case INOUT -> 'b';
                case VARIADIC -> 'v';
                case TABLE -> 't';
            };
            boolean input = mode == 'i' || mode == 'b' || mode == 'v';
            if (mode == 'v') {
                variadic = variadicElement(catalog, type);
                if (variadic == 0) {
                    throw PgException.of(SqlState.INVALID_FUNCTION_DEFINITION, "VARIADIC parameter must be an array");
                }
            }
            anyNonInput |= mode != 'i';
            modes.append(mode);
            allTypes.add(type);
            names.add(p.name() == null ? "" : p.name());
            if (mode == 'b') {
                outTypes.add(type); // INOUT is an output too: it makes the result type
            }
            if (input) {
                inputTypes.add(type);
                inputNames.add(p.name() == null ? "" : p.name());
                if (p.defexpr() != null) {
                    String d = i < defaultTexts.size() ? defaultTexts.get(i) : null;
                    if (d == null) {
                        throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED, "this parameter default is not supported yet");
                    }
                    defaults.add(d);
                } else if (!defaults.isEmpty()) {
                    throw PgException.of(SqlState.INVALID_FUNCTION_DEFINITION,
                            "input parameters after one with a default value must also have defaults");
                }
            } else {
                if (p.defexpr() != null) {
                    throw PgException.of(SqlState.INVALID_FUNCTION_DEFINITION, "only input parameters can have default values");
                }
                outTypes.add(type);
            }
        }
        boolean returnsSet = false;
        long returnType;
        boolean table = modes.indexOf("t") >= 0;
        if (table) {
            returnsSet = true;
            returnType = outTypes.size() == 1 ? outTypes.get(0) : TypeOids.RECORD;
        } else if (s.returnType() != null) {
            returnsSet = s.returnType().setof();
            returnType = types.resolveType(s.returnType())[0];
            if (!outTypes.isEmpty()) {
                long implied = outTypes.size() == 1 ? outTypes.get(0) : TypeOids.RECORD;
                if (implied != returnType) {
                    throw PgException.of(SqlState.INVALID_FUNCTION_DEFINITION,
                            "function result type must be %s because of OUT parameters", TypeNames.format(catalog, implied));
                }
            }
        } else if (!outTypes.isEmpty()) {
            // a procedure's output parameters always come back as a record
            returnType = outTypes.size() == 1 && !s.isProcedure() ? outTypes.get(0) : TypeOids.RECORD;
        } else if (s.isProcedure()) {
            returnType = TypeOids.VOID;
        } else {
            throw PgException.of(SqlState.INVALID_FUNCTION_DEFINITION, "function result type must be specified");
        }
        if (s.isProcedure() && s.returnType() != null) {
            throw PgException.of(SqlState.INVALID_FUNCTION_DEFINITION, "procedures cannot have a RETURNS clause");
        }
        char volatility = 'v';
        boolean strict = false;
        boolean securityDefiner = false;
        boolean leakproof = false;
        boolean window = false;
        List<String> as = null;
        List<String> config = List.of();
        for (DefElem o : s.options()) {
            switch (o.defname()) {
                case "set" -> config = FunctionSettings.alter(config, o.arg(), settings);
                case "window" -> window = (Boolean) o.arg();
                case "volatility" -> volatility = ((String) o.arg()).charAt(0);
                case "strict" -> strict = (Boolean) o.arg();
                case "security" -> securityDefiner = (Boolean) o.arg();
                case "leakproof" -> {
                    leakproof = (Boolean) o.arg();
                    requireSuperuserForLeakproof(leakproof);
                }
                case "as" -> {
                    @SuppressWarnings("unchecked")
                    List<String> body = (List<String>) o.arg();
                    as = body;
                }
                default -> { }
            }
        }
        String source;
        String sqlBody = null;
        if (s.sqlBody() != null) {
            if (as != null) {
                throw PgException.of(SqlState.INVALID_FUNCTION_DEFINITION,
                        "duplicate function body specified");
            }
            source = "";
            sqlBody = text;
        } else if (as == null) {
            throw PgException.of(SqlState.INVALID_FUNCTION_DEFINITION, "no function body specified");
        } else {
            source = as.get(0);
        }
        long[] inputs = inputTypes.stream().mapToLong(Long::longValue).toArray();
        boolean plpgsql = language.equals("plpgsql");
        boolean internal = language.equals("internal");
        shellTypes(returnType, allTypes, !internal);
        if (returnType == TypeOids.EVENT_TRIGGER) {
            if (language.equals("sql")) {
                throw PgException.of(SqlState.INVALID_FUNCTION_DEFINITION, "SQL functions cannot return type event_trigger");
            }
            if (plpgsql && !inputTypes.isEmpty()) {
                throw PgException.of(SqlState.INVALID_FUNCTION_DEFINITION,
                        "event trigger functions cannot have declared arguments");
            }
        }
        String builtinSource = source;
        // a window function's code is one of the built-in window functions' (window_nth_value ...)
        boolean builtinWindow = org.lakepg.server.catalog.bootstrap.BuiltinCatalog.get().procs().stream()
                .anyMatch(p -> p.kind() == ProcEntry.KIND_WINDOW && p.source().equals(builtinSource));
        if (internal && !builtinWindow && org.lakepg.server.function.FunctionRegistry.builtins().lookup(source).isEmpty()) {
            throw PgException.of(SqlState.UNDEFINED_FUNCTION, "there is no built-in function named \"%s\"", source);
        }
        ProcEntry proc = new ProcEntry(0, name, schema.oid(), plpgsql ? ProcEntry.LANGUAGE_PLPGSQL
                : internal ? ProcEntry.LANGUAGE_INTERNAL : ProcEntry.LANGUAGE_SQL, internal ? 1 : 100, returnsSet ? 1000 : 0,
                variadic, s.isProcedure() ? ProcEntry.KIND_PROCEDURE : window ? ProcEntry.KIND_WINDOW
                : ProcEntry.KIND_FUNCTION, securityDefiner, leakproof,
                strict, returnsSet, volatility, 'u', defaults.size(), returnType, inputs,
                anyNonInput ? allTypes.stream().mapToLong(Long::longValue).toArray() : null,
                anyNonInput ? modes.toString().toCharArray() : null, anyName ? names : null, null, source, sqlBody,
                defaults, config);
        try {
            if (plpgsql) {
                // parsed now as plpgsql_validator does, so syntax errors show at CREATE time
                org.lakepg.server.plpgsql.PlCompiler.validate(proc, () -> FunctionSignatures.describe(proc));
            } else if (!internal) {
                // checked under its own SET clauses (its search_path finds what it names), as ProcedureCreate does
                Runnable restore = settings.applyForCall(config);
                try {
                    validateBody(proc, inputNames, analyzers);
                } finally {
                    restore.run();
                }
            }
        } catch (PgException e) {
            // a position inside an AS '...' body points into the statement where the body is written there once
            throw s.sqlBody() != null ? e
                    : e.withPosition(FunctionBodyPositions.transpose(text, offset, source, e.position()));
        }

        Optional<FunctionCatalog.UserFunction> existing = objects.functions().functions(txn.snapshot()).stream()
                .filter(f -> f.proc().namespace() == schema.oid() && f.proc().name().equals(name)
                        && Arrays.equals(f.proc().argumentTypes(), inputs)).findFirst();
        if (existing.isPresent()) {
            ProcEntry old = existing.get().proc();
            if (!s.replace()) {
                throw PgException.of(SqlState.DUPLICATE_FUNCTION, "%s \"%s\" already exists with same argument types",
                        kindName, name);
            }
            roles.requireOwner(existing.get().owner(), kindName, name);
            checkReplacement(old, proc);
            objects.functions().drop(txn, old.oid());
            objects.functions().create(txn, withOid(proc, old.oid()), existing.get().owner());
        } else {
            long oid = tables.newOid();
            objects.functions().create(txn, withOid(proc, oid), roles.currentRoleOid());
            defaultPrivileges.apply(txn,
                    org.lakepg.server.catalog.objects.CatalogClasses.PG_PROC, oid, roles.currentRoleOid(),
                    proc.namespace(), 'f');
        }
        return Execution.done(s.isProcedure() ? "CREATE PROCEDURE" : "CREATE FUNCTION");
    }

    /**
     * A shell type (CREATE TYPE name) may be a C or internal function's argument or result, with a notice, as
     * the I/O functions of a new base type need; SQL functions cannot use one.
     */
    private void shellTypes(long returnType, List<Long> argumentTypes, boolean sqlLanguage) {
        if (isShell(returnType)) {
            if (sqlLanguage) {
                throw PgException.of(SqlState.INVALID_FUNCTION_DEFINITION, "SQL function cannot return shell type %s",
                        TypeNames.format(catalog, returnType));
            }
            notices.accept(PgException.of(SqlState.SUCCESSFUL_COMPLETION, "return type %s is only a shell",
                    TypeNames.format(catalog, returnType)).withSeverity(PgException.Severity.NOTICE));
        }
        for (long type : argumentTypes) {
            if (isShell(type)) {
                if (sqlLanguage) {
                    throw PgException.of(SqlState.INVALID_FUNCTION_DEFINITION, "SQL function cannot accept shell type %s",
                            TypeNames.format(catalog, type));
                }
                notices.accept(PgException.of(SqlState.SUCCESSFUL_COMPLETION, "argument type %s is only a shell",
                        TypeNames.format(catalog, type)).withSeverity(PgException.Severity.NOTICE));
            }
        }
    }

    private boolean isShell(long type) {
        return catalog.type(type).map(t -> t.kind() == org.lakepg.server.catalog.TypeEntry.KIND_PSEUDO
                && t.oid() >= FIRST_USER_OID).orElse(false);
    }

    private void requireSuperuserForLeakproof(boolean leakproof) {
        if (leakproof && !roles.superuser()) {
            throw PgException.of(SqlState.INSUFFICIENT_PRIVILEGE, "only superuser can define a leakproof function");
        }
    }

    private static String language(CreateFunctionStmt s) {
        String language = null;
        for (DefElem o : s.options()) {
            if (o.defname().equals("language")) {
                language = ((String) o.arg()).toLowerCase(java.util.Locale.ROOT);
            }
        }
        if (language == null) {
            if (s.sqlBody() != null) {
                return "sql";
            }
            throw PgException.of(SqlState.INVALID_FUNCTION_DEFINITION, "no language specified");
        }
        return switch (language) {
            case "sql" -> language;
            case "plpgsql" -> language;
            case "internal" -> language;
            case "c" -> throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED,
                    "LANGUAGE %s is not supported yet", language);
            default -> throw PgException.of(SqlState.UNDEFINED_OBJECT, "language \"%s\" does not exist", language);
        };
    }

    /** What CREATE OR REPLACE may not change, as PostgreSQL's ProcedureCreate checks it. */
    private void checkReplacement(ProcEntry old, ProcEntry replacement) {
        String hint = "Use DROP %s %s first.".formatted(old.kind() == ProcEntry.KIND_PROCEDURE ? "PROCEDURE" : "FUNCTION",
                compactSignature(old));
        if (old.kind() != replacement.kind()) {
            throw PgException.of(SqlState.WRONG_OBJECT_TYPE, "cannot change routine kind").withDetail(
                    old.kind() == ProcEntry.KIND_PROCEDURE ? "\"%s\" is a procedure.".formatted(old.name())
                            : "\"%s\" is a function.".formatted(old.name()));
        }
        if (old.returnType() != replacement.returnType() || old.returnsSet() != replacement.returnsSet()) {
            throw PgException.of(SqlState.INVALID_FUNCTION_DEFINITION, "cannot change return type of existing function")
                    .withHint(hint);
        }
        List<String> oldNames = old.argumentNames();
        List<String> newNames = replacement.argumentNames();
        if (oldNames != null) {
            for (int i = 0; i < oldNames.size(); i++) {
                String o = oldNames.get(i);
                String n = newNames == null || i >= newNames.size() ? "" : newNames.get(i);
                if (!o.isEmpty() && !o.equals(n)) {
                    throw PgException.of(SqlState.INVALID_FUNCTION_DEFINITION, "cannot change name of input parameter \"%s\"",
                            o).withHint(hint);
                }
            }
        }
        if (replacement.defaultArgumentCount() < old.defaultArgumentCount()) {
            throw PgException.of(SqlState.INVALID_FUNCTION_DEFINITION,
                    "cannot remove parameter defaults from existing function").withHint(hint);
        }
    }

    /** format_procedure's form: {@code f1(integer,integer)}. */
    private String compactSignature(ProcEntry proc) {
        StringBuilder out = new StringBuilder(proc.name()).append('(');
        for (int i = 0; i < proc.argumentTypes().length; i++) {
            out.append(i == 0 ? "" : ",").append(TypeNames.format(catalog, proc.argumentTypes()[i]));
        }
        return out.append(')').toString();
    }

    private static ProcEntry withOid(ProcEntry p, long oid) {
        return new ProcEntry(oid, p.name(), p.namespace(), p.language(), p.cost(), p.rows(), p.variadicType(), p.kind(),
                p.securityDefiner(), p.leakproof(), p.strict(), p.returnsSet(), p.volatility(), p.parallel(),
                p.defaultArgumentCount(), p.returnType(), p.argumentTypes(), p.allArgumentTypes(), p.argumentModes(),
                p.argumentNames(), p.argumentDefaults(), p.source(), p.sqlBody(), p.defaultExpressions(), p.config());
    }

    /** The body is analyzed at creation, as with check_function_bodies: unknown tables, $n, result type. */
    private void validateBody(ProcEntry proc, List<String> inputNames, Function<ParameterTypes, QueryAnalyzer> analyzers) {
        List<Statement> body = SqlFunctionBodies.userBody(proc);
        if (java.util.Arrays.stream(proc.argumentTypes()).anyMatch(TypeOids::isPolymorphic)) {
            return; // as fmgr_sql_validator: with polymorphic arguments only the syntax is checked now
        }
        List<OutputColumn> last = null;
        boolean lastReturnsRows = false;
        for (Statement statement : body) {
            FunctionBodyAnalysis.Analyzed a = FunctionBodyAnalysis.analyze(proc, inputNames, statement, analyzers, catalog);
            last = a.columns();
            lastReturnsRows = a.columns() != null;
        }
        if (proc.kind() == ProcEntry.KIND_PROCEDURE || proc.returnType() == TypeOids.VOID) {
            return;
        }
        String declared = TypeNames.format(catalog, proc.returnType());
        if (!lastReturnsRows) {
            throw PgException.of(SqlState.INVALID_FUNCTION_DEFINITION, "return type mismatch in function declared to return %s",
                    declared).withDetail("Function's final statement must be SELECT or INSERT/UPDATE/DELETE RETURNING.");
        }
        if (proc.returnType() == TypeOids.RECORD || catalog.type(proc.returnType()).map(t -> t.kind() == 'c').orElse(false)) {
            return;
        }
        if (last.size() != 1) {
            throw PgException.of(SqlState.INVALID_FUNCTION_DEFINITION, "return type mismatch in function declared to return %s",
                    declared).withDetail("Final statement must return exactly one column.");
        }
        long actual = last.get(0).type();
        if (actual != proc.returnType() && !new TypeCoercion(catalog).canCoerce(actual, proc.returnType(),
                TypeCoercion.Context.IMPLICIT)) {
            throw PgException.of(SqlState.INVALID_FUNCTION_DEFINITION, "return type mismatch in function declared to return %s",
                    declared).withDetail("Actual return type is %s.".formatted(TypeNames.format(catalog, actual)));
        }
    }

    // ---- ALTER ----

    /** ALTER FUNCTION ... IMMUTABLE / STRICT / SECURITY DEFINER / COST / ROWS ...: the row is replaced in place. */
    Execution alter(org.lakepg.server.sql.ast.AlterFunctionStmt s, Transaction txn) {
        String kindName = kindName(s.objtype().kind());
        FunctionCatalog.UserFunction f = find(txn, s.func(), kindName, false).orElseThrow();
        checkKind(s.objtype().kind(), s.func(), f.proc());
        roles.requireOwner(f.owner(), kindName, f.proc().name());
        ProcEntry p = f.proc();
        char volatility = p.volatility();
        boolean strict = p.strict();
        boolean securityDefiner = p.securityDefiner();
        float cost = p.cost();
        float rows = p.rows();
        boolean leakproof = p.leakproof();
        List<String> config = p.config();
        for (DefElem o : s.actions()) {
            switch (o.defname()) {
                case "set" -> config = FunctionSettings.alter(config, o.arg(), settings);
                case "volatility" -> volatility = ((String) o.arg()).charAt(0);
                case "strict" -> strict = (Boolean) o.arg();
                case "security" -> securityDefiner = (Boolean) o.arg();
                case "cost" -> cost = Float.parseFloat(((org.lakepg.server.sql.ast.AConst) o.arg()).value());
                case "rows" -> rows = Float.parseFloat(((org.lakepg.server.sql.ast.AConst) o.arg()).value());
                case "leakproof" -> {
                    leakproof = (Boolean) o.arg();
                    requireSuperuserForLeakproof(leakproof);
                }
                case "parallel" -> { }
                default -> throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED, "ALTER FUNCTION ... %s is not supported yet",
                        o.defname().toUpperCase(java.util.Locale.ROOT));
            }
        }
        replace(txn, f, new ProcEntry(p.oid(), p.name(), p.namespace(), p.language(), cost, rows, p.variadicType(),
                p.kind(), securityDefiner, leakproof, strict, p.returnsSet(), volatility, p.parallel(),
                p.defaultArgumentCount(), p.returnType(), p.argumentTypes(), p.allArgumentTypes(), p.argumentModes(),
                p.argumentNames(), p.argumentDefaults(), p.source(), p.sqlBody(), p.defaultExpressions(), config),
                f.owner());
        return Execution.done(s.objtype().kind() == ObjectType.Kind.PROCEDURE ? "ALTER PROCEDURE"
                : s.objtype().kind() == ObjectType.Kind.ROUTINE ? "ALTER ROUTINE" : "ALTER FUNCTION");
    }

    /** ALTER FUNCTION ... RENAME TO / SET SCHEMA: 42723 when the schema already has one of that signature. */
    Execution move(ObjectType.Kind kind, ObjectWithArgs target, String newName, String newSchema, Transaction txn) {
        String kindName = kindName(kind);
        FunctionCatalog.UserFunction f = find(txn, target, kindName, false).orElseThrow();
        checkKind(kind, target, f.proc());
        roles.requireOwner(f.owner(), kindName, f.proc().name());
        ProcEntry p = f.proc();
        String name = newName != null ? newName : p.name();
        SchemaInfo schema = newSchema != null ? searchPath.schema(txn.snapshot(), newSchema)
                : objects.schemas().find(txn.snapshot(), p.namespace()).orElseThrow();
        boolean clash = objects.functions().functions(txn.snapshot()).stream().anyMatch(o -> o.proc().oid() != p.oid()
                && o.proc().namespace() == schema.oid() && o.proc().name().equals(name)
                && Arrays.equals(o.proc().argumentTypes(), p.argumentTypes()));
        if (clash) {
            throw PgException.of(SqlState.DUPLICATE_FUNCTION, "%s %s already exists in schema \"%s\"", kindName,
                    FunctionSignatures.describe(name, p.argumentTypes()), schema.name());
        }
        replace(txn, f, new ProcEntry(p.oid(), name, schema.oid(), p.language(), p.cost(), p.rows(), p.variadicType(),
                p.kind(), p.securityDefiner(), p.leakproof(), p.strict(), p.returnsSet(), p.volatility(), p.parallel(),
                p.defaultArgumentCount(), p.returnType(), p.argumentTypes(), p.allArgumentTypes(), p.argumentModes(),
                p.argumentNames(), p.argumentDefaults(), p.source(), p.sqlBody(), p.defaultExpressions(), p.config()),
                f.owner());
        return Execution.done("ALTER " + kindName.toUpperCase(java.util.Locale.ROOT));
    }

    Execution setOwner(ObjectType.Kind kind, ObjectWithArgs target, long owner, Transaction txn) {
        String kindName = kindName(kind);
        FunctionCatalog.UserFunction f = find(txn, target, kindName, false).orElseThrow();
        checkKind(kind, target, f.proc());
        roles.requireOwner(f.owner(), kindName, f.proc().name());
        replace(txn, f, f.proc(), owner);
        return Execution.done("ALTER " + kindName.toUpperCase(java.util.Locale.ROOT));
    }

    /** ALTER PROCEDURE on a function (and the reverse) fails as in PostgreSQL, naming it as written. */
    private void checkKind(ObjectType.Kind kind, ObjectWithArgs target, ProcEntry proc) {
        String written = FunctionSignatures.describe(String.join(".", target.objname()), proc.argumentTypes());
        if (kind == ObjectType.Kind.PROCEDURE && proc.kind() != ProcEntry.KIND_PROCEDURE) {
            throw PgException.of(SqlState.WRONG_OBJECT_TYPE, "%s is not a procedure", written);
        }
        if (kind == ObjectType.Kind.FUNCTION && proc.kind() == ProcEntry.KIND_PROCEDURE) {
            throw PgException.of(SqlState.WRONG_OBJECT_TYPE, "%s is not a function", written);
        }
    }

    private void replace(Transaction txn, FunctionCatalog.UserFunction old, ProcEntry proc, long owner) {
        objects.functions().drop(txn, old.proc().oid());
        objects.functions().create(txn, proc, owner);
    }

    private static String kindName(ObjectType.Kind kind) {
        return switch (kind) {
            case PROCEDURE -> "procedure";
            case ROUTINE -> "routine";
            case AGGREGATE -> "aggregate";
            default -> "function";
        };
    }

    // ---- DROP ----

    Execution drop(DropStmt s, Transaction txn) {
        ObjectType.Kind kind = s.removeType().kind();
        String kindName = switch (kind) {
            case PROCEDURE -> "procedure";
            case ROUTINE -> "routine";
            case AGGREGATE -> "aggregate";
            default -> "function";
        };
        List<FunctionCatalog.UserFunction> found = new ArrayList<>();
        for (Object o : s.objects()) {
            ObjectWithArgs target = (ObjectWithArgs) o;
            Optional<FunctionCatalog.UserFunction> f = find(txn, target, kindName, s.missingOk());
            if (f.isEmpty()) {
                continue;
            }
            ProcEntry proc = f.get().proc();
            if (kind == ObjectType.Kind.PROCEDURE && proc.kind() != ProcEntry.KIND_PROCEDURE) {
                throw PgException.of(SqlState.WRONG_OBJECT_TYPE, "%s is not a procedure", FunctionSignatures.describe(proc));
            }
            if (kind == ObjectType.Kind.FUNCTION && proc.kind() == ProcEntry.KIND_PROCEDURE) {
                throw PgException.of(SqlState.WRONG_OBJECT_TYPE, "%s is not a function", FunctionSignatures.describe(proc));
            }
            if (kind == ObjectType.Kind.AGGREGATE && proc.kind() != ProcEntry.KIND_AGGREGATE) {
                throw PgException.of(SqlState.WRONG_OBJECT_TYPE, "function %s is not an aggregate",
                        FunctionSignatures.describe(proc));
            }
            if (kind != ObjectType.Kind.AGGREGATE && proc.kind() == ProcEntry.KIND_AGGREGATE) {
                throw PgException.of(SqlState.WRONG_OBJECT_TYPE, "\"%s\" is an aggregate function",
                        String.join(".", target.objname())).withHint("Use DROP AGGREGATE to drop aggregate functions.");
            }
            roles.requireOwner(f.get().owner(), proc.kind() == ProcEntry.KIND_PROCEDURE ? "procedure" : "function",
                    proc.name());
            found.add(f.get());
        }
        for (FunctionCatalog.UserFunction f : found) {
            objects.functions().drop(txn, f.proc().oid());
            if (f.proc().kind() == ProcEntry.KIND_AGGREGATE) {
                objects.aggregates().drop(txn, f.proc().oid());
            }
            objects.comments().dropAll(txn, CatalogClasses.PG_PROC, f.proc().oid());
            objects.privileges().dropAll(txn, CatalogClasses.PG_PROC, f.proc().oid());
        }
        return Execution.done("DROP " + kindName.toUpperCase(java.util.Locale.ROOT));
    }

    /** The user function a DROP/COMMENT/GRANT names (with or without its argument types). */
    Optional<FunctionCatalog.UserFunction> find(Transaction txn, ObjectWithArgs target, String kindName, boolean missingOk) {
        List<String> qualified = target.objname();
        String name = qualified.get(qualified.size() - 1);
        String schemaName = ObjectNames.schemaOf(qualified);
        List<SchemaInfo> schemas;
        if (schemaName != null) {
            var schema = searchPath.qualifier(txn.snapshot(), schemaName);
            if (schema.isEmpty()) {
                if (missingOk) {
                    notices.accept(PgException.of(SqlState.SUCCESSFUL_COMPLETION, "schema \"%s\" does not exist, skipping",
                            schemaName).withSeverity(PgException.Severity.NOTICE));
                    return Optional.empty();
                }
                throw PgException.of(SqlState.INVALID_SCHEMA_NAME, "schema \"%s\" does not exist", schemaName);
            }
            schemas = List.of(schema.get());
        } else {
            schemas = searchPath.effectiveSchemas(txn.snapshot());
        }
        List<FunctionCatalog.UserFunction> all = objects.functions().functions(txn.snapshot());
        ExpressionAnalyzer types = null;
        long[] argTypes = null;
        if (!target.argsUnspecified() && target.objargs() != null) {
            argTypes = new long[target.objargs().size()];
            for (int i = 0; i < argTypes.length; i++) {
                TypeName t = target.objargs().get(i);
                var type = catalog.typeByName(t.names()).orElseThrow(() -> PgException.of(SqlState.UNDEFINED_OBJECT,
                        "type \"%s\" does not exist", String.join(".", t.names())));
                argTypes[i] = t.arrayBounds() != null && !t.arrayBounds().isEmpty() ? type.arrayType() : type.oid();
            }
        }
        for (SchemaInfo schema : schemas) {
            List<FunctionCatalog.UserFunction> named = all.stream().filter(f -> f.proc().namespace() == schema.oid()
                    && f.proc().name().equals(name)).toList();
            if (argTypes == null) {
                if (named.size() > 1) {
                    throw PgException.of(SqlState.AMBIGUOUS_FUNCTION, "%s name \"%s\" is not unique", kindName, name)
                            .withHint("Specify the argument list to select the %s unambiguously.".formatted(kindName));
                }
                if (named.size() == 1) {
                    return Optional.of(named.get(0));
                }
            } else {
                long[] wanted = argTypes;
                var exact = named.stream().filter(f -> Arrays.equals(f.proc().argumentTypes(), wanted)
                        || collapsedVariadic(f.proc(), wanted)).findFirst();
                if (exact.isPresent()) {
                    return exact;
                }
            }
        }
        if (argTypes == null) {
            if (missingOk) {
                notices.accept(PgException.of(SqlState.SUCCESSFUL_COMPLETION, "%s %s() does not exist, skipping", kindName,
                        name).withSeverity(PgException.Severity.NOTICE));
                return Optional.empty();
            }
            throw PgException.of(SqlState.UNDEFINED_FUNCTION, "could not find a %s named \"%s\"", kindName, name);
        }
        String signature = kindName.equals("aggregate") && argTypes.length == 0 ? String.join(".", qualified) + "(*)"
                : FunctionSignatures.describe(String.join(".", qualified), argTypes);
        if (missingOk) {
            notices.accept(PgException.of(SqlState.SUCCESSFUL_COMPLETION, "%s %s does not exist, skipping", kindName,
                    signature).withSeverity(PgException.Severity.NOTICE));
            return Optional.empty();
        }
        throw PgException.of(SqlState.UNDEFINED_FUNCTION, "%s %s does not exist", kindName, signature);
    }

    /** The element type of a VARIADIC parameter's array type ("any" for VARIADIC "any"); 0 when it is no array. */
    static long variadicElement(AnalyzerCatalog catalog, long type) {
        if (type == TypeOids.ANY || type == TypeOids.ANYARRAY || type == TypeOids.ANYCOMPATIBLEARRAY) {
            return type == TypeOids.ANY ? TypeOids.ANY : type == TypeOids.ANYARRAY ? TypeOids.ANYELEMENT
                    : TypeOids.ANYCOMPATIBLE;
        }
        return catalog.type(type).map(t -> t.elementType()).orElse(0L);
    }

    /** agg(VARIADIC "any" ORDER BY VARIADIC "any") names the aggregate whose only argument is VARIADIC "any". */
    private static boolean collapsedVariadic(ProcEntry proc, long[] wanted) {
        long[] have = proc.argumentTypes();
        char[] modes = proc.argumentModes();
        boolean variadic = modes != null && modes.length > 0 && modes[modes.length - 1] == 'v';
        return proc.kind() == ProcEntry.KIND_AGGREGATE && variadic && wanted.length == have.length + 1
                && wanted[wanted.length - 1] == wanted[wanted.length - 2]
                && Arrays.equals(Arrays.copyOf(wanted, have.length), have);
    }

    /** A user function, else a built-in one (owned by the bootstrap superuser), by name and argument types. */
    FunctionCatalog.UserFunction findWithBuiltins(Transaction txn, ObjectWithArgs target, String kindName) {
        try {
            return find(txn, target, kindName, false).orElseThrow();
        } catch (PgException notUser) {
            if (notUser.sqlState() != SqlState.UNDEFINED_FUNCTION || target.objargs() == null) {
                throw notUser;
            }
            for (ProcEntry p : catalog.functions(target.objname())) {
                if (p.oid() < FIRST_USER_OID && p.argumentTypes().length == target.objargs().size()) {
                    boolean same = true;
                    for (int i = 0; i < p.argumentTypes().length && same; i++) {
                        TypeName t = target.objargs().get(i);
                        same = catalog.typeByName(t.names()).map(e -> e.oid()).orElse(-1L) == p.argumentTypes()[i];
                    }
                    if (same) {
                        return new FunctionCatalog.UserFunction(p, org.lakepg.server.auth.Roles.BOOTSTRAP_SUPERUSER_OID);
                    }
                }
            }
            throw notUser;
        }
    }

}
