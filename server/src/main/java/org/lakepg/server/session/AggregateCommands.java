package org.lakepg.server.session;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import org.lakepg.server.catalog.AggregateEntry;
import org.lakepg.server.catalog.ProcEntry;
import org.lakepg.server.catalog.TypeEntry;
import org.lakepg.server.catalog.TypeOids;
import org.lakepg.server.catalog.objects.FunctionCatalog;
import org.lakepg.server.catalog.objects.ObjectCatalog;
import org.lakepg.server.catalog.objects.SchemaInfo;
import org.lakepg.server.sql.analyzer.AnalyzerCatalog;
import org.lakepg.server.sql.analyzer.ExpressionAnalyzer;
import org.lakepg.server.sql.analyzer.FunctionResolver;
import org.lakepg.server.sql.analyzer.ResolvedCall;
import org.lakepg.server.sql.analyzer.TypeNames;
import org.lakepg.server.sql.ast.DefElem;
import org.lakepg.server.sql.ast.DefineStmt;
import org.lakepg.server.sql.ast.FunctionParameter;
import org.lakepg.server.sql.ast.TypeName;
import org.lakepg.server.table.TableCatalog;
import org.lakepg.server.txn.Transaction;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * CREATE AGGREGATE, as PostgreSQL's DefineAggregate and AggregateCreate check it: the transition function takes the
 * state type and the aggregated arguments and returns the state type, the final function takes the state (and the
 * direct arguments, or with finalfunc_extra all of them); the aggregate becomes a pg_proc row of kind 'a' plus a
 * pg_aggregate row.
 */
final class AggregateCommands {
    private final ObjectCatalog objects;
    private final TableCatalog tables;
    private final SearchPath searchPath;
    private final RoleAccess roles;
    private final Consumer<PgException> notices;
    private final AnalyzerCatalog catalog;

    AggregateCommands(ObjectCatalog objects, TableCatalog tables, SearchPath searchPath, RoleAccess roles,
                      Consumer<PgException> notices, AnalyzerCatalog catalog) {
        this.objects = objects;
        this.tables = tables;
        this.searchPath = searchPath;
        this.roles = roles;
        this.notices = notices;
        this.catalog = catalog;
    }

    /** The options of the definition, by PostgreSQL's (case-insensitive) names. */
    private static final class Options {
        List<String> transition;
        List<String> finalFunction;
        List<String> combine;
        List<String> serial;
        List<String> deserial;
        List<String> movingTransition;
        List<String> movingInverse;
        List<String> movingFinal;
        List<String> sortOperator;
        boolean finalExtra;
        boolean movingFinalExtra;
        boolean hypothetical;
        Object baseType;
        TypeName stateType;
        TypeName movingStateType;
        String initial;
        String movingInitial;
        boolean movingSpace;
        String parallel;
    }

    Execution define(DefineStmt s, Transaction txn, ExpressionAnalyzer types) {
        List<String> qualified = s.defnames();
        String name = qualified.get(qualified.size() - 1);
        SchemaInfo schema = searchPath.creationSchema(txn.snapshot(), ObjectNames.schemaOf(qualified));
        Options o = options(s);
        char kind = !s.oldstyle() && s.args().contains("ORDER BY") ? 'o' : 'n';
        if (o.hypothetical) {
            if (kind == 'n') {
                throw PgException.of(SqlState.INVALID_FUNCTION_DEFINITION, "only ordered-set aggregates can be hypothetical");
            }
            kind = 'h';
        }
        if (o.stateType == null) {
            throw PgException.of(SqlState.INVALID_FUNCTION_DEFINITION, "aggregate stype must be specified");
        }
        if (o.transition == null) {
            throw PgException.of(SqlState.INVALID_FUNCTION_DEFINITION, "aggregate sfunc must be specified");
        }
        movingChecks(o);

        // the aggregate's own arguments
        List<Long> argumentTypes = new ArrayList<>();
        List<String> names = new ArrayList<>();
        StringBuilder modes = new StringBuilder();
        boolean anyName = false;
        long variadic = 0;
        int direct = 0;
        if (s.oldstyle()) {
            if (o.baseType == null) {
                throw PgException.of(SqlState.INVALID_FUNCTION_DEFINITION, "aggregate input type must be specified");
            }
            if (!isAnyName(o.baseType)) {
                argumentTypes.add(typeOf(o.baseType, types));
            }
        } else {
            if (o.baseType != null) {
                throw PgException.of(SqlState.INVALID_FUNCTION_DEFINITION,
                        "basetype is redundant with aggregate input type specification");
            }
            List<FunctionParameter> params = new ArrayList<>();
            for (Object a : s.args()) {
                if (a instanceof FunctionParameter p) {
                    params.add(p);
                } else {
                    direct = params.size();
                }
            }
            if (kind != 'n' && direct > 0 && direct < params.size() && params.size() - direct == 1
                    && params.get(direct - 1).mode() == FunctionParameter.Mode.VARIADIC
                    && params.get(direct).mode() == FunctionParameter.Mode.VARIADIC
                    && params.get(direct - 1).argType().names().equals(params.get(direct).argType().names())) {
                // f(VARIADIC "any" ORDER BY VARIADIC "any") is one VARIADIC parameter, as makeOrderedSetArgs makes it
                params.remove(direct);
            }
            for (FunctionParameter p : params) {
                long type = types.resolveType(p.argType())[0];
                if (p.mode() == FunctionParameter.Mode.OUT || p.mode() == FunctionParameter.Mode.INOUT
                        || p.mode() == FunctionParameter.Mode.TABLE) {
                    throw PgException.of(SqlState.INVALID_FUNCTION_DEFINITION, "aggregates cannot have output arguments");
                }
                if (p.mode() == FunctionParameter.Mode.VARIADIC) {
                    variadic = FunctionCommands.variadicElement(catalog, type);
                    if (variadic == 0) {
                        throw PgException.of(SqlState.INVALID_FUNCTION_DEFINITION, "VARIADIC parameter must be an array");
                    }
                }
                argumentTypes.add(type);
                modes.append(p.mode() == FunctionParameter.Mode.VARIADIC ? 'v' : 'i');
                anyName |= p.name() != null && !p.name().isEmpty();
                names.add(p.name() == null ? "" : p.name());
            }
            if (kind == 'n') {
                direct = 0;
            }
        }
        long[] args = argumentTypes.stream().mapToLong(Long::longValue).toArray();

        long stateType = types.resolveType(o.stateType)[0];
        TypeEntry state = catalog.type(stateType).orElseThrow();
        if (state.kind() == TypeEntry.KIND_PSEUDO && !TypeOids.isPolymorphic(stateType)
                && !(stateType == TypeOids.INTERNAL && roles.superuser())) {
            throw PgException.of(SqlState.INVALID_FUNCTION_DEFINITION, "aggregate transition data type cannot be %s",
                    TypeNames.format(catalog, stateType));
        }
        if (o.serial != null && o.deserial != null) {
            if (stateType != TypeOids.INTERNAL) {
                throw PgException.of(SqlState.INVALID_FUNCTION_DEFINITION,
                        "serialization functions may be specified only when the aggregate transition data type is %s",
                        TypeNames.format(catalog, TypeOids.INTERNAL));
            }
        } else if (o.serial != null || o.deserial != null) {
            throw PgException.of(SqlState.INVALID_FUNCTION_DEFINITION,
                    "must specify both or neither of serialization and deserialization functions");
        }
        if (o.parallel != null && !List.of("safe", "restricted", "unsafe").contains(o.parallel.toLowerCase(Locale.ROOT))) {
            throw PgException.of(SqlState.SYNTAX_ERROR, "parameter \"parallel\" must be SAFE, RESTRICTED, or UNSAFE");
        }

        int aggregated = args.length - direct;
        if (kind == 'h' && (variadic == 0 || direct < aggregated)) {
            // f(VARIADIC "any" ORDER BY VARIADIC "any") aside, the direct arguments must mirror the aggregated ones
            boolean mirrors = direct >= aggregated && Arrays.equals(Arrays.copyOfRange(args, direct - aggregated, direct),
                    Arrays.copyOfRange(args, direct, args.length));
            if (!mirrors && !(variadic != 0 && direct == args.length)) {
                throw PgException.of(SqlState.INVALID_FUNCTION_DEFINITION,
                        "a hypothetical-set aggregate must have direct arguments matching its aggregated arguments");
            }
        }
        String polymorphicState = polymorphicProblem(stateType, args);
        if (polymorphicState != null) {
            throw PgException.of(SqlState.INVALID_FUNCTION_DEFINITION, "cannot determine transition data type")
                    .withDetail(polymorphicState);
        }

        // the transition function: state plus the aggregated arguments
        // an ordered-set aggregate's transition function sees only the aggregated arguments; with all arguments
        // direct (f(VARIADIC "any" ORDER BY VARIADIC "any")) it takes the VARIADIC one
        long[] transitionArgs = concat(stateType, kind == 'n' ? args : direct < args.length
                ? Arrays.copyOfRange(args, direct, args.length) : Arrays.copyOfRange(args, args.length - 1, args.length));
        Support transition = lookup(o.transition, transitionArgs, variadic, types);
        if (transition.result() != stateType) {
            throw PgException.of(SqlState.DATATYPE_MISMATCH, "return type of transition function %s is not %s",
                    String.join(".", o.transition), TypeNames.format(catalog, stateType));
        }
        if (transition.proc().strict() && o.initial == null
                && (args.length < 1 || !binaryCoercible(args[0], stateType, types))) {
            throw PgException.of(SqlState.INVALID_FUNCTION_DEFINITION,
                    "must not omit initial value when transition function is strict and transition type is not "
                            + "compatible with input type");
        }
        MovingParts moving = moving(o, args, variadic, transition.proc(), types);
        long resultType = stateType;
        long finalOid = 0;
        if (o.finalFunction != null) {
            long[] finalArgs = concat(stateType, o.finalExtra ? args : Arrays.copyOf(args, direct));
            Support fin = lookup(o.finalFunction, finalArgs, o.finalExtra || direct == args.length ? variadic : 0,
                    types);
            if (o.finalExtra && fin.proc().strict()) {
                throw PgException.of(SqlState.INVALID_FUNCTION_DEFINITION,
                        "final function with extra arguments must not be declared STRICT");
            }
            resultType = fin.result();
            finalOid = fin.proc().oid();
        }
        AggregateEntry.MovingAggregate movingEntry = null;
        if (moving != null) {
            long movingResult = moving.stateType();
            long movingFinalOid = 0;
            if (o.movingFinal != null) {
                long[] finalArgs = concat(moving.stateType(), o.movingFinalExtra ? args : Arrays.copyOf(args, direct));
                Support fin = lookup(o.movingFinal, finalArgs, o.movingFinalExtra || direct == args.length ? variadic : 0,
                        types);
                if (o.movingFinalExtra && fin.proc().strict()) {
                    throw PgException.of(SqlState.INVALID_FUNCTION_DEFINITION,
                            "final function with extra arguments must not be declared STRICT");
                }
                movingResult = fin.result();
                movingFinalOid = fin.proc().oid();
            }
            if (movingResult != resultType) {
                throw PgException.of(SqlState.INVALID_FUNCTION_DEFINITION,
                        "moving-aggregate implementation returns type %s, but plain implementation returns type %s",
                        TypeNames.format(catalog, movingResult), TypeNames.format(catalog, resultType));
            }
            movingEntry = new AggregateEntry.MovingAggregate(moving.transition().oid(), moving.inverse().oid(),
                    movingFinalOid, o.movingFinalExtra, moving.stateType(), o.movingInitial);
        }
        long combineOid = 0;
        if (o.combine != null) {
            Support combine = lookup(o.combine, new long[] {stateType, stateType}, 0, types);
            if (combine.result() != stateType) {
                throw PgException.of(SqlState.DATATYPE_MISMATCH, "return type of combine function %s is not %s",
                        String.join(".", o.combine), TypeNames.format(catalog, stateType));
            }
            if (stateType == TypeOids.INTERNAL && combine.proc().strict()) {
                throw PgException.of(SqlState.INVALID_FUNCTION_DEFINITION,
                        "combine function with transition type %s must not be declared STRICT",
                        TypeNames.format(catalog, stateType));
            }
            combineOid = combine.proc().oid();
        }
        long serialOid = 0;
        long deserialOid = 0;
        if (o.serial != null) {
            Support serial = lookup(o.serial, new long[] {TypeOids.INTERNAL}, 0, types);
            if (serial.result() != TypeOids.BYTEA) {
                throw PgException.of(SqlState.DATATYPE_MISMATCH, "return type of serialization function %s is not %s",
                        String.join(".", o.serial), TypeNames.format(catalog, TypeOids.BYTEA));
            }
            Support deserial = lookup(o.deserial, new long[] {TypeOids.BYTEA, TypeOids.INTERNAL}, 0, types);
            if (deserial.result() != TypeOids.INTERNAL) {
                throw PgException.of(SqlState.DATATYPE_MISMATCH, "return type of deserialization function %s is not %s",
                        String.join(".", o.deserial), TypeNames.format(catalog, TypeOids.INTERNAL));
            }
            serialOid = serial.proc().oid();
            deserialOid = deserial.proc().oid();
        }
        String polymorphicResult = polymorphicProblem(resultType, args);
        if (polymorphicResult != null) {
            throw PgException.of(SqlState.DATATYPE_MISMATCH, "cannot determine result data type")
                    .withDetail(polymorphicResult.replace("transition type", "result type"));
        }
        if (resultType == TypeOids.INTERNAL && Arrays.stream(args).noneMatch(t -> t == TypeOids.INTERNAL)) {
            throw PgException.of(SqlState.DATATYPE_MISMATCH, "unsafe use of pseudo-type \"internal\"")
                    .withDetail("A function returning \"internal\" must have at least one \"internal\" argument.");
        }
        long sortOperator = 0;
        if (o.sortOperator != null && args.length != 1) {
            throw PgException.of(SqlState.DATATYPE_MISMATCH, "sort operator can only be specified for single-argument aggregates");
        }

        boolean withModes = variadic != 0;
        ProcEntry proc = new ProcEntry(0, name, schema.oid(), ProcEntry.LANGUAGE_INTERNAL, 1, 0, variadic,
                ProcEntry.KIND_AGGREGATE, false, false, false, false, 'i', o.parallel == null ? 'u'
                : Character.toLowerCase(o.parallel.charAt(0)), 0, resultType, args, withModes ? args : null,
                withModes ? modes.toString().toCharArray() : null, anyName ? names : null, null, "aggregate_dummy", null,
                List.of());
        Optional<FunctionCatalog.UserFunction> existing = objects.functions().functions(txn.snapshot()).stream()
                .filter(f -> f.proc().namespace() == schema.oid() && f.proc().name().equals(name)
                        && Arrays.equals(f.proc().argumentTypes(), args)).findFirst();
        long oid;
        long owner = roles.currentRoleOid();
        if (existing.isPresent()) {
            ProcEntry old = existing.get().proc();
            if (!s.replace()) {
                throw PgException.of(SqlState.DUPLICATE_FUNCTION, "function \"%s\" already exists with same argument types",
                        name);
            }
            if (old.kind() != ProcEntry.KIND_AGGREGATE) {
                throw PgException.of(SqlState.WRONG_OBJECT_TYPE, "cannot change routine kind")
                        .withDetail("\"%s\" is a function.".formatted(name));
            }
            if (old.returnType() != resultType) {
                throw PgException.of(SqlState.INVALID_FUNCTION_DEFINITION, "cannot change return type of existing function")
                        .withHint("Use DROP AGGREGATE %s first.".formatted(describe(old)));
            }
            roles.requireOwner(existing.get().owner(), "function", name);
            oid = old.oid();
            owner = existing.get().owner();
            objects.functions().drop(txn, oid);
            objects.aggregates().drop(txn, oid);
        } else {
            oid = tables.newOid();
        }
        objects.functions().create(txn, withOid(proc, oid), owner);
        objects.aggregates().create(txn, new AggregateEntry(oid, kind, direct, transition.proc().oid(), finalOid,
                combineOid, serialOid, deserialOid, o.finalExtra, sortOperator, stateType, o.initial, movingEntry));
        return Execution.done("CREATE AGGREGATE");
    }

    /** Removes the pg_aggregate row with the function (DROP AGGREGATE / DROP FUNCTION of an aggregate). */
    void dropped(Transaction txn, ProcEntry proc) {
        if (proc.kind() == ProcEntry.KIND_AGGREGATE) {
            objects.aggregates().drop(txn, proc.oid());
        }
    }

    private Options options(DefineStmt s) {
        Options o = new Options();
        for (DefElem d : s.definition()) {
            switch (d.defname().toLowerCase(Locale.ROOT)) {
                case "sfunc", "sfunc1" -> o.transition = DefinitionArguments.qualifiedName(d);
                case "finalfunc" -> o.finalFunction = DefinitionArguments.qualifiedName(d);
                case "combinefunc" -> o.combine = DefinitionArguments.qualifiedName(d);
                case "serialfunc" -> o.serial = DefinitionArguments.qualifiedName(d);
                case "deserialfunc" -> o.deserial = DefinitionArguments.qualifiedName(d);
                case "msfunc" -> o.movingTransition = DefinitionArguments.qualifiedName(d);
                case "minvfunc" -> o.movingInverse = DefinitionArguments.qualifiedName(d);
                case "mfinalfunc" -> o.movingFinal = DefinitionArguments.qualifiedName(d);
                case "finalfunc_extra" -> o.finalExtra = bool(d);
                case "mfinalfunc_extra" -> o.movingFinalExtra = bool(d);
                case "finalfunc_modify", "mfinalfunc_modify", "sspace" -> { }
                case "sortop" -> o.sortOperator = List.of(String.valueOf(d.arg()));
                case "basetype" -> o.baseType = d.arg();
                case "hypothetical" -> o.hypothetical = bool(d);
                case "stype", "stype1" -> o.stateType = DefinitionArguments.typeName(d);
                case "mstype" -> o.movingStateType = DefinitionArguments.typeName(d);
                case "msspace" -> o.movingSpace = true;
                case "initcond", "initcond1" -> o.initial = string(d);
                case "minitcond" -> o.movingInitial = string(d);
                case "parallel" -> o.parallel = string(d);
                default -> notices.accept(PgException.of(SqlState.SYNTAX_ERROR, "aggregate attribute \"%s\" not recognized",
                        d.defname()).withSeverity(PgException.Severity.WARNING));
            }
        }
        return o;
    }

    private static void movingChecks(Options o) {
        if (o.movingStateType != null) {
            if (o.movingTransition == null) {
                throw PgException.of(SqlState.INVALID_FUNCTION_DEFINITION,
                        "aggregate msfunc must be specified when mstype is specified");
            }
            if (o.movingInverse == null) {
                throw PgException.of(SqlState.INVALID_FUNCTION_DEFINITION,
                        "aggregate minvfunc must be specified when mstype is specified");
            }
            return;
        }
        String misplaced = o.movingTransition != null ? "msfunc" : o.movingInverse != null ? "minvfunc"
                : o.movingFinal != null ? "mfinalfunc" : o.movingSpace ? "msspace" : o.movingInitial != null ? "minitcond" : null;
        if (misplaced != null) {
            throw PgException.of(SqlState.INVALID_FUNCTION_DEFINITION, "aggregate %s must not be specified without mstype",
                    misplaced);
        }
    }

    /** The moving-aggregate transition functions of a definition, resolved and checked as AggregateCreate does. */
    private record MovingParts(Support transitionSupport, ProcEntry inverse, long stateType) {
        ProcEntry transition() {
            return transitionSupport.proc();
        }
    }

    private MovingParts moving(Options o, long[] args, long variadic, ProcEntry forward, ExpressionAnalyzer types) {
        if (o.movingStateType == null) {
            return null;
        }
        long stateType = types.resolveType(o.movingStateType)[0];
        TypeEntry state = catalog.type(stateType).orElseThrow();
        if (state.kind() == TypeEntry.KIND_PSEUDO && !TypeOids.isPolymorphic(stateType)) {
            throw PgException.of(SqlState.INVALID_FUNCTION_DEFINITION, "aggregate transition data type cannot be %s",
                    TypeNames.format(catalog, stateType));
        }
        long[] transitionArgs = concat(stateType, args);
        Support transition = lookup(o.movingTransition, transitionArgs, variadic, types);
        if (transition.result() != stateType) {
            throw PgException.of(SqlState.DATATYPE_MISMATCH, "return type of transition function %s is not %s",
                    String.join(".", o.movingTransition), TypeNames.format(catalog, stateType));
        }
        if (transition.proc().strict() && o.movingInitial == null
                && (args.length < 1 || !binaryCoercible(args[0], stateType, types))) {
            throw PgException.of(SqlState.INVALID_FUNCTION_DEFINITION,
                    "must not omit initial value when transition function is strict and transition type is not "
                            + "compatible with input type");
        }
        Support inverse = lookup(o.movingInverse, transitionArgs, variadic, types);
        if (inverse.result() != stateType) {
            throw PgException.of(SqlState.DATATYPE_MISMATCH, "return type of inverse transition function %s is not %s",
                    String.join(".", o.movingInverse), TypeNames.format(catalog, stateType));
        }
        if (inverse.proc().strict() != transition.proc().strict()) {
            throw PgException.of(SqlState.INVALID_FUNCTION_DEFINITION,
                    "strictness of aggregate's forward and inverse transition functions must match");
        }
        return new MovingParts(transition, inverse.proc(), stateType);
    }

    /** A support function found as lookup_agg_function finds it, with its result type for these arguments. */
    private record Support(ProcEntry proc, long result) {}

    private Support lookup(List<String> name, long[] args, long variadic, ExpressionAnalyzer types) {
        String display = String.join(".", name);
        List<ProcEntry> candidates = catalog.functions(name).stream()
                .filter(p -> p.kind() == ProcEntry.KIND_FUNCTION).toList();
        for (ProcEntry p : candidates) {
            if (Arrays.equals(p.argumentTypes(), args) && Arrays.stream(args).anyMatch(TypeOids::isPolymorphic)) {
                // declared exactly for these polymorphic types: nothing to resolve
                return checked(p, display, args, variadic, p.returnType());
            }
        }
        ResolvedCall call;
        try {
            call = new FunctionResolver(types.coercer().rules()).resolve(display, candidates, args, variadic != 0);
        } catch (PgException e) {
            if (e.sqlState() != SqlState.UNDEFINED_FUNCTION && e.sqlState() != SqlState.AMBIGUOUS_FUNCTION) {
                throw e;
            }
            throw PgException.of(SqlState.UNDEFINED_FUNCTION, "function %s does not exist",
                    describe(display, args));
        }
        ProcEntry proc = call.proc();
        boolean polymorphicCall = Arrays.stream(args).anyMatch(TypeOids::isPolymorphic);
        // the declared types with polymorphic ones resolved for these inputs, as enforce_generic_type_consistency
        long[] targets = polymorphicCall ? proc.argumentTypes() : call.argumentTypes();
        for (int i = 0; i < args.length; i++) {
            if (!binaryCoercible(args[i], targets[i], types)) {
                throw PgException.of(SqlState.DATATYPE_MISMATCH, "function %s requires run-time type coercion",
                        describe(display, targets));
            }
        }
        return checked(proc, display, args, variadic, polymorphicCall ? proc.returnType() : call.resultType());
    }

    private Support checked(ProcEntry proc, String display, long[] args, long variadic, long result) {
        if (proc.returnsSet()) {
            throw PgException.of(SqlState.DATATYPE_MISMATCH, "function %s returns a set",
                    describe(display, args));
        }
        if (variadic == TypeOids.ANY && proc.variadicType() != TypeOids.ANY) {
            throw PgException.of(SqlState.DATATYPE_MISMATCH, "function %s must accept VARIADIC ANY to be used in this aggregate",
                    describe(display, args));
        }
        return new Support(proc, result);
    }

    /** name(argument types) as the messages show it, user types included. */
    private String describe(String name, long[] types) {
        java.util.StringJoiner out = new java.util.StringJoiner(", ", name + "(", ")");
        for (long t : types) {
            out.add(TypeNames.format(catalog, t));
        }
        return out.toString();
    }

    private String describe(ProcEntry proc) {
        return describe(proc.name(), proc.argumentTypes());
    }

    private static boolean binaryCoercible(long source, long target, ExpressionAnalyzer types) {
        return TypeOids.isPolymorphic(target) || types.coercer().rules().isBinaryCoercible(source, target);
    }

    /** check_valid_polymorphic_signature: a polymorphic type needs a polymorphic argument to be deduced from. */
    private static String polymorphicProblem(long type, long[] args) {
        if (!TypeOids.isPolymorphic(type)) {
            return null;
        }
        boolean compatible = TypeOids.isCompatiblePolymorphic(type);
        for (long a : args) {
            if (compatible ? TypeOids.isCompatiblePolymorphic(a) : TypeOids.isPolymorphic(a)
                    && !TypeOids.isCompatiblePolymorphic(a)) {
                return null;
            }
        }
        String t = TypeNames.format(new org.lakepg.server.sql.analyzer.BuiltinAnalyzerCatalog(), type);
        return compatible ? "A result of type %s requires at least one input of type anycompatible, anycompatiblearray, "
                .formatted(t) + "anycompatiblenonarray, anycompatiblerange, or anycompatiblemultirange."
                : "A result of type %s requires at least one input of type anyelement, anyarray, anynonarray, anyenum, "
                .formatted(t) + "anyrange, or anymultirange.";
    }

    private static long[] concat(long first, long[] rest) {
        long[] out = new long[rest.length + 1];
        out[0] = first;
        System.arraycopy(rest, 0, out, 1, rest.length);
        return out;
    }

    private long typeOf(Object arg, ExpressionAnalyzer types) {
        if (arg instanceof TypeName t) {
            return types.resolveType(t)[0];
        }
        return types.resolveType(new TypeName(List.of(String.valueOf(arg)), List.of(), List.of(), false, false, -1))[0];
    }

    private static boolean isAnyName(Object arg) {
        String text = arg instanceof TypeName t ? String.join(".", t.names()) : String.valueOf(arg);
        return text.equalsIgnoreCase("any");
    }

    private static String string(DefElem d) {
        if (d.arg() == null) {
            throw PgException.of(SqlState.SYNTAX_ERROR, "%s requires a parameter", d.defname());
        }
        if (d.arg() instanceof TypeName t) {
            return String.join(".", t.names());
        }
        return String.valueOf(d.arg());
    }

    private static boolean bool(DefElem d) {
        if (d.arg() == null) {
            return true;
        }
        String v = string(d).toLowerCase(Locale.ROOT);
        return switch (v) {
            case "true", "on", "1" -> true;
            case "false", "off", "0" -> false;
            default -> throw PgException.of(SqlState.SYNTAX_ERROR, "%s requires a Boolean value", d.defname());
        };
    }

    private static ProcEntry withOid(ProcEntry p, long oid) {
        return new ProcEntry(oid, p.name(), p.namespace(), p.language(), p.cost(), p.rows(), p.variadicType(), p.kind(),
                p.securityDefiner(), p.leakproof(), p.strict(), p.returnsSet(), p.volatility(), p.parallel(),
                p.defaultArgumentCount(), p.returnType(), p.argumentTypes(), p.allArgumentTypes(), p.argumentModes(),
                p.argumentNames(), p.argumentDefaults(), p.source(), p.sqlBody(), p.defaultExpressions());
    }
}
