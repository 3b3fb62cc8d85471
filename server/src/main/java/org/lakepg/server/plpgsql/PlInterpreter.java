package org.lakepg.server.plpgsql;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.lakepg.server.catalog.TypeOids;
import org.lakepg.server.sql.plan.OutputColumn;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;
import org.lakepg.wire.types.PgArray;

/**
 * Runs one call of a PL/pgSQL function (pl_exec.c): statements in order, embedded SQL through the host with the
 * variables as parameters, EXCEPTION blocks as subtransactions.
 */
public final class PlInterpreter {

    /** How a statement ended: normally, or leaving loops/blocks. */
    private enum Flow { NEXT, EXIT, CONTINUE, RETURN }

    private static final long REFCURSOR = 1790;

    private final PlFunction function;
    private final PlHost host;
    private final PlFrame frame;
    private final PlStatements sql;
    private String flowLabel;
    private Object returnValue;
    private long returnType;
    private final List<Object[]> results = new ArrayList<>();
    private final java.util.ArrayDeque<PgException> handling = new java.util.ArrayDeque<>();
    private static int savepointCounter;

    /** The command an event trigger function runs for (null: not an event trigger). */
    private PlEventTriggerEvent ddlEvent;

    private PlInterpreter(PlFunction function, PlHost host) {
        this.function = function;
        this.host = host;
        this.frame = new PlFrame(function.slots());
        this.sql = new PlStatements(host, frame, function);
    }

    /** The result of a call: the return value, or for a set-returning function a {@code List<Object[]>} of rows. */
    public static Object call(PlFunction function, PlHost host, Object[] arguments, long[] argumentTypes) {
        PlInterpreter run = new PlInterpreter(function, host);
        return run.run(arguments, argumentTypes, null);
    }

    /** Runs a trigger function; the row it returns (NEW, OLD or another record), or null. */
    public static Object[] fire(PlFunction function, PlHost host, PlTriggerEvent event) {
        PlInterpreter run = new PlInterpreter(function, host);
        Object result = run.run(new Object[0], new long[0], event);
        if (result == null) {
            return null;
        }
        if (result instanceof PlRecord r) {
            return r.values();
        }
        throw PgException.of(SqlState.DATATYPE_MISMATCH, "returned row structure does not match the structure of the triggering table");
    }

    /** Runs an event trigger function for a command (ddl_command_start ...). */
    public static void fireEvent(PlFunction function, PlHost host, PlEventTriggerEvent event) {
        PlInterpreter run = new PlInterpreter(function, host);
        run.ddlEvent = event;
        run.run(new Object[0], new long[0], null);
    }

    /** A trigger's WHEN condition (compiled by {@link PlCompiler#compileCondition}): NULL counts as false. */
    public static boolean condition(PlFunction function, PlHost host, PlTriggerEvent event) {
        PlInterpreter run = new PlInterpreter(function, host);
        return Boolean.TRUE.equals(run.run(new Object[0], new long[0], event));
    }

    private Object run(Object[] arguments, long[] argumentTypes, PlTriggerEvent event) {
        for (int i = 0; i < function.inputs().size(); i++) {
            PlVariable v = function.inputs().get(i);
            long type = v.fixedType();
            if (isPolymorphic(type) && argumentTypes != null && i < argumentTypes.length) {
                type = argumentTypes[i];
            }
            Object value = i < arguments.length ? arguments[i] : null;
            if (v.kind() == PlVariable.Kind.RECORD) {
                frame.set(v, TypeOids.RECORD, -1, value);
            } else {
                frame.set(v, type, -1, value);
            }
        }
        for (PlVariable v : function.outputs()) {
            if (!frame.declared[v.slot()]) {
                frame.set(v, v.fixedType(), -1, null);
            }
        }
        frame.set(function.found(), TypeOids.BOOL, -1, false);
        returnType = function.returnType();
        if (isPolymorphic(returnType) && argumentTypes != null) {
            for (int i = 0; i < function.inputs().size() && i < argumentTypes.length; i++) {
                if (isPolymorphic(function.inputs().get(i).fixedType())) {
                    long t = argumentTypes[i];
                    returnType = function.inputs().get(i).fixedType() == TypeOids.ANYARRAY
                            || function.inputs().get(i).fixedType() == TypeOids.ANYCOMPATIBLEARRAY
                            ? (returnType == TypeOids.ANYELEMENT || returnType == TypeOids.ANYCOMPATIBLE
                                ? host.elementType(t) : t)
                            : (returnType == TypeOids.ANYARRAY || returnType == TypeOids.ANYCOMPATIBLEARRAY
                                ? host.arrayType(t) : t);
                    break;
                }
            }
        }
        if (event != null) {
            event.bind(function.trigger(), frame);
        }
        if (ddlEvent != null) {
            ddlEvent.bind(function.eventTrigger(), frame);
        }
        Flow flow = block(function.body());
        if (flow == Flow.EXIT || flow == Flow.CONTINUE) {
            if (flowLabel == null) {
                throw PgException.of(SqlState.SYNTAX_ERROR, flow == Flow.EXIT
                        ? "EXIT cannot be used outside a loop, unless it has a label"
                        : "CONTINUE cannot be used outside a loop");
            }
            throw PgException.of(SqlState.SYNTAX_ERROR, "there is no label \"%s\" attached to any block or loop enclosing this statement", flowLabel);
        }
        if (function.returnsSet()) {
            return results;
        }
        if (!function.outputs().isEmpty()) {
            return outputValue();
        }
        if (flow != Flow.RETURN && returnType != TypeOids.VOID && returnType != TypeOids.EVENT_TRIGGER
                && !function.procedure()) {
            throw PgException.of(SqlState.S_R_E_FUNCTION_EXECUTED_NO_RETURN_STATEMENT,
                    "control reached end of function without RETURN");
        }
        return returnValue;
    }

    private static boolean isPolymorphic(long type) {
        return org.lakepg.server.sql.analyzer.PlpgsqlPolymorphism.isPolymorphic(type);
    }

    /** The OUT parameters' values: one value, or a row of them. */
    private Object outputValue() {
        if (function.outputs().size() == 1) {
            return frame.values[function.outputs().get(0).slot()];
        }
        Object[] row = new Object[function.outputs().size()];
        for (int i = 0; i < row.length; i++) {
            row[i] = frame.values[function.outputs().get(i).slot()];
        }
        return row;
    }

    /** The OUT parameters as the row CALL returns for a procedure. */
    public static Object[] outputRow(Object result, int outputs) {
        if (outputs == 1) {
            return new Object[] {result};
        }
        return (Object[]) result;
    }

    // ---- blocks ----

    private Flow block(PlStmt.Block b) {
        for (PlVariable v : b.declarations()) {
            declare(v);
        }
        Flow flow;
        if (b.handlers().isEmpty()) {
            flow = statements(b.body());
        } else {
            flow = protectedBody(b);
        }
        if (flow == Flow.EXIT && b.label() != null && b.label().equals(flowLabel)) {
            flowLabel = null;
            return Flow.NEXT;
        }
        return flow;
    }

    private void declare(PlVariable v) {
        switch (v.kind()) {
            case RECORD -> frame.set(v, TypeOids.RECORD, -1, null);
            case ROWTYPE -> frame.set(v, TypeOids.RECORD, -1, host.emptyRow(v.typeText()));
            case SCALAR -> {
                if (v.typeText().startsWith(PlParser.LIKE_VARIABLE)) {
                    int like = Integer.parseInt(v.typeText().substring(PlParser.LIKE_VARIABLE.length()));
                    frame.set(v, frame.types[like], frame.typmods[like], null);
                } else {
                    long[] t = host.resolveType(v.typeText(), null, frame);
                    frame.set(v, t[0], (int) t[1], null);
                }
            }
            case FIXED -> frame.set(v, v.fixedType(), -1, null);
            case CURSOR -> frame.set(v, REFCURSOR, -1, null);
        }
        if (v.defaultValue() != null) {
            PlStatements.Value value = sql.expression(v.defaultValue());
            assign(new PlTarget(v, null), value.value(), value.type(), value.typmod());
        } else if (v.notNull()) {
            throw nullNotAllowed(v);
        }
    }

    /** A block with EXCEPTION handlers runs in a subtransaction, undone when a handler catches an error. */
    private Flow protectedBody(PlStmt.Block b) {
        String savepoint = "\u0001plpgsql_" + (++savepointCounter);
        host.savepoint(savepoint);
        Object[] saved = null;
        try {
            Flow flow = statements(b.body());
            host.releaseSavepoint(savepoint);
            return flow;
        } catch (PgException e) {
            host.rollbackToSavepoint(savepoint);
            host.releaseSavepoint(savepoint);
            for (PlStmt.Handler h : b.handlers()) {
                for (String condition : h.conditions()) {
                    if (PlConditions.catches(condition, e.sqlState().code())) {
                        frame.set(h.sqlstate(), TypeOids.TEXT, -1, e.sqlState().code());
                        frame.set(h.sqlerrm(), TypeOids.TEXT, -1, e.getMessage());
                        handling.push(e);
                        try {
                            return statements(h.body());
                        } finally {
                            handling.pop();
                        }
                    }
                }
            }
            throw e;
        } catch (RuntimeException | Error e) {
            try {
                host.rollbackToSavepoint(savepoint);
                host.releaseSavepoint(savepoint);
            } catch (RuntimeException ignored) {
                // the transaction is failing anyway
            }
            throw e;
        }
    }

    private Flow statements(List<PlStmt> list) {
        for (PlStmt s : list) {
            Flow flow = statement(s);
            if (flow != Flow.NEXT) {
                return flow;
            }
        }
        return Flow.NEXT;
    }

    private Flow statement(PlStmt s) {
        host.checkCancelled();
        return switch (s) {
            case PlStmt.Block b -> block(b);
            case PlStmt.Assign a -> {
                assignment(a);
                yield Flow.NEXT;
            }
            case PlStmt.If i -> {
                for (PlStmt.Branch branch : i.branches()) {
                    if (sql.condition(branch.condition())) {
                        yield statements(branch.body());
                    }
                }
                yield statements(i.otherwise());
            }
            case PlStmt.Case c -> caseStatement(c);
            case PlStmt.Loop l -> {
                while (true) {
                    Flow flow = statements(l.body());
                    Flow after = afterIteration(flow, l.label());
                    if (after != null) {
                        yield after;
                    }
                }
            }
            case PlStmt.While w -> {
                while (sql.condition(w.condition())) {
                    Flow after = afterIteration(statements(w.body()), w.label());
                    if (after != null) {
                        yield after;
                    }
                }
                yield Flow.NEXT;
            }
            case PlStmt.ForRange f -> forRange(f);
            case PlStmt.ForQuery f -> forQuery(f);
            case PlStmt.ForEach f -> forEach(f);
            case PlStmt.Exit e -> {
                if (e.when() != null && !sql.condition(e.when())) {
                    yield Flow.NEXT;
                }
                flowLabel = e.label();
                yield e.isContinue() ? Flow.CONTINUE : Flow.EXIT;
            }
            case PlStmt.Return r -> {
                returnStatement(r);
                yield Flow.RETURN;
            }
            case PlStmt.ReturnNext r -> {
                returnNext(r);
                yield Flow.NEXT;
            }
            case PlStmt.ReturnQuery r -> {
                returnQuery(r);
                yield Flow.NEXT;
            }
            case PlStmt.Raise r -> {
                new PlRaise(sql, host, handling.peek()).raise(r);
                yield Flow.NEXT;
            }
            case PlStmt.Sql q -> {
                sqlStatement(q);
                yield Flow.NEXT;
            }
            case PlStmt.Perform p -> {
                PlStatements.Result result = sql.perform(p.query());
                setFound(result.rowCount() > 0);
                yield Flow.NEXT;
            }
            case PlStmt.Execute e -> {
                execute(e);
                yield Flow.NEXT;
            }
            case PlStmt.GetDiagnostics g -> {
                getDiagnostics(g);
                yield Flow.NEXT;
            }
            case PlStmt.Assert a -> {
                PlStatements.Value v = sql.expression(a.condition());
                Object ok = v.value() == null ? null : host.coerce(v.value(), v.type(), TypeOids.BOOL, -1);
                if (!Boolean.TRUE.equals(ok)) {
                    String message = "assertion failed";
                    if (a.message() != null) {
                        PlStatements.Value m = sql.expression(a.message());
                        if (m.value() != null) {
                            message = host.text(m.value(), m.type());
                        }
                    }
                    throw PgException.of(SqlState.ASSERT_FAILURE, "%s", message);
                }
                yield Flow.NEXT;
            }
            case PlStmt.Null n -> Flow.NEXT;
            case PlStmt.Open o -> {
                open(o.cursor(), o.arguments(), o.query(), o.dynamic(), o.using());
                yield Flow.NEXT;
            }
            case PlStmt.Fetch f -> {
                fetch(f);
                yield Flow.NEXT;
            }
            case PlStmt.Close c -> {
                openCursor(c.cursor());
                frame.values[c.cursor().slot()] = null;
                yield Flow.NEXT;
            }
            case PlStmt.ForCursor f -> forCursor(f);
            case PlStmt.Transaction t -> {
                if (!function.procedure()) {
                    throw PgException.of(SqlState.INVALID_TRANSACTION_TERMINATION, "invalid transaction termination");
                }
                host.endTransaction(t.commit(), t.chain());
                yield Flow.NEXT;
            }
        };
    }

    /** After one loop iteration: null to go on, else how the loop statement ends. */
    private Flow afterIteration(Flow flow, String label) {
        switch (flow) {
            case NEXT -> {
                return null;
            }
            case CONTINUE -> {
                if (flowLabel == null || flowLabel.equals(label)) {
                    flowLabel = null;
                    return null;
                }
                return flow;
            }
            case EXIT -> {
                if (flowLabel == null || flowLabel.equals(label)) {
                    flowLabel = null;
                    return Flow.NEXT;
                }
                return flow;
            }
            default -> {
                return flow;
            }
        }
    }

    private Flow caseStatement(PlStmt.Case c) {
        if (c.selectorVariable() != null) {
            PlStatements.Value v = sql.expression(c.selector());
            frame.set(c.selectorVariable(), v.type(), v.typmod(), v.value());
        }
        for (PlStmt.Branch when : c.whens()) {
            if (sql.condition(when.condition())) {
                return statements(when.body());
            }
        }
        if (!c.hasElse()) {
            throw PgException.of(SqlState.CASE_NOT_FOUND, "case not found")
                    .withHint("CASE statement is missing ELSE part.");
        }
        return statements(c.otherwise());
    }

    private Flow forRange(PlStmt.ForRange f) {
        Integer lower = sql.integer(f.lower(), "lower bound of FOR loop cannot be null");
        Integer upper = sql.integer(f.upper(), "upper bound of FOR loop cannot be null");
        long step = 1;
        if (f.step() != null) {
            step = sql.integer(f.step(), "BY value of FOR loop cannot be null");
            if (step <= 0) {
                throw PgException.of(SqlState.INVALID_PARAMETER_VALUE, "BY value of FOR loop must be greater than zero");
            }
        }
        boolean found = false;
        Flow result = Flow.NEXT;
        for (long i = lower; f.reverse() ? i >= upper : i <= upper; i += f.reverse() ? -step : step) {
            found = true;
            frame.set(f.variable(), TypeOids.INT4, -1, (int) i);
            Flow after = afterIteration(statements(f.body()), f.label());
            if (after != null) {
                result = after;
                break;
            }
        }
        setFound(found);
        return result;
    }

    private Flow forQuery(PlStmt.ForQuery f) {
        PlStatements.Result rows = f.query() != null ? sql.run(f.query(), false, -1)
                : sql.runDynamic(f.dynamic(), f.using(), -1);
        boolean found = false;
        Flow result = Flow.NEXT;
        for (Object[] row : rows.rows()) {
            found = true;
            assignRow(f.targets(), row, rows.columns());
            Flow after = afterIteration(statements(f.body()), f.label());
            if (after != null) {
                result = after;
                break;
            }
        }
        setFound(found);
        return result;
    }

    private Flow forEach(PlStmt.ForEach f) {
        PlStatements.Value v = sql.expression(f.array());
        if (v.value() == null) {
            throw PgException.of(SqlState.NULL_VALUE_NOT_ALLOWED, "FOREACH expression must not be null");
        }
        if (!(v.value() instanceof PgArray array)) {
            throw PgException.of(SqlState.DATATYPE_MISMATCH, "FOREACH expression must yield an array, not type %s",
                    host.typeName(v.type()));
        }
        long element = host.elementType(v.type());
        List<Object> items = java.util.Arrays.asList(array.elements());
        long itemType = element;
        if (f.slice() > 0) {
            items = slices(array, f.slice());
            itemType = v.type();
            PlTarget t = f.targets().get(0);
            if (t.field() == null && host.elementType(frame.types[t.variable().slot()]) == 0) {
                throw PgException.of(SqlState.DATATYPE_MISMATCH, "FOREACH ... SLICE loop variable must be of an array type");
            }
        }
        Flow result = Flow.NEXT;
        for (Object e : items) {
            long element2 = itemType;
            if (f.targets().size() == 1) {
                assign(f.targets().get(0), e, element2, -1);
            } else {
                assignRow(f.targets(), e instanceof Object[] row ? row : new Object[] {e}, null);
            }
            Flow after = afterIteration(statements(f.body()), f.label());
            if (after != null) {
                result = after;
                break;
            }
        }
        return result;
    }

    /** The sub-arrays of the last {@code slice} dimensions, in order (FOREACH ... SLICE). */
    private static List<Object> slices(PgArray array, int slice) {
        int dims = array.dims().length;
        if (slice > dims) {
            throw PgException.of(SqlState.ARRAY_SUBSCRIPT_ERROR, "slice dimension (%d) is out of the valid range 0..%d",
                    slice, dims);
        }
        int[] sliceDims = java.util.Arrays.copyOfRange(array.dims(), dims - slice, dims);
        int size = 1;
        for (int d : sliceDims) {
            size *= d;
        }
        int[] ones = new int[slice];
        java.util.Arrays.fill(ones, 1);
        List<Object> out = new ArrayList<>();
        Object[] all = array.elements();
        for (int start = 0; start + size <= all.length && size > 0; start += size) {
            out.add(new PgArray(array.elementOid(), sliceDims, ones, java.util.Arrays.copyOfRange(all, start, start + size)));
        }
        return out;
    }

    // ---- cursors ----

    private PlCursor open(PlVariable cursor, List<PlSql> arguments, PlSql query, PlSql dynamic, List<PlSql> using) {
        if (frame.values[cursor.slot()] instanceof PlCursor) {
            throw PgException.of(SqlState.DUPLICATE_CURSOR, "cursor \"%s\" already in use", cursor.name());
        }
        PlStatements.Result result;
        if (query != null) {
            result = sql.run(query, false, -1);
        } else if (dynamic != null) {
            result = sql.runDynamic(dynamic, using, -1);
        } else {
            PlCursorDefinition definition = function.cursors().get(cursor.slot());
            if (definition == null) {
                throw PgException.of(SqlState.SYNTAX_ERROR, "cursor \"%s\" has no query", cursor.name());
            }
            if (arguments.size() < definition.parameters().size()) {
                throw PgException.of(SqlState.SYNTAX_ERROR, "not enough arguments for cursor \"%s\"", cursor.name());
            }
            if (arguments.size() > definition.parameters().size()) {
                throw PgException.of(SqlState.SYNTAX_ERROR, "too many arguments for cursor \"%s\"", cursor.name());
            }
            for (int i = 0; i < arguments.size(); i++) {
                PlStatements.Value v = sql.expression(arguments.get(i));
                assign(new PlTarget(definition.parameters().get(i), null), v.value(), v.type(), v.typmod());
            }
            result = sql.run(definition.query(), false, -1);
        }
        PlCursor open = new PlCursor(cursor.name(), result.rows(), result.columns());
        frame.values[cursor.slot()] = open;
        return open;
    }

    private PlCursor openCursor(PlVariable cursor) {
        if (frame.values[cursor.slot()] instanceof PlCursor c) {
            return c;
        }
        throw PgException.of(SqlState.INVALID_CURSOR_NAME, "cursor \"%s\" does not exist", cursor.name());
    }

    private void fetch(PlStmt.Fetch f) {
        PlCursor cursor = openCursor(f.cursor());
        long count = f.direction().equals("forward") || f.direction().equals("backward") ? 1 : 0;
        if (f.count() != null) {
            count = sql.integer(f.count(), "cursor position cannot be null");
        }
        Object[] row = cursor.move(f.direction(), count);
        if (!f.move()) {
            assignRow(f.into(), row, cursor.columns);
        }
        setFound(row != null);
        sql.setRowCount(row != null ? 1 : 0);
    }

    private Flow forCursor(PlStmt.ForCursor f) {
        PlCursor cursor = open(f.cursor(), f.arguments(), null, null, List.of());
        boolean found = false;
        Flow result = Flow.NEXT;
        try {
            for (Object[] row : cursor.rows) {
                found = true;
                assignRow(List.of(new PlTarget(f.target(), null)), row, cursor.columns);
                Flow after = afterIteration(statements(f.body()), f.label());
                if (after != null) {
                    result = after;
                    break;
                }
            }
        } finally {
            frame.values[f.cursor().slot()] = null;
        }
        setFound(found);
        return result;
    }

    // ---- SQL statements ----

    private void sqlStatement(PlStmt.Sql q) {
        PlStatements.Result result = sql.run(q.statement(), q.into().isEmpty(), q.into().isEmpty() ? 0 : 2);
        if (!q.into().isEmpty()) {
            intoResult(q.into(), q.strict() || result.modifies(), result);
        }
        if (result.setsFound()) {
            setFound(result.rowCount() > 0);
        }
    }

    private void intoResult(List<PlTarget> into, boolean strict, PlStatements.Result result) {
        List<Object[]> rows = result.rows();
        if (strict && rows.isEmpty() && !result.modifies()) {
            throw PgException.of(SqlState.NO_DATA_FOUND, "query returned no rows");
        }
        if (strict && rows.size() > 1) {
            throw PgException.of(SqlState.TOO_MANY_ROWS, "query returned more than one row").withHint(
                    "Make sure the query returns a single row, or use LIMIT 1.");
        }
        assignRow(into, rows.isEmpty() ? null : rows.get(0), result.columns());
    }

    private void execute(PlStmt.Execute e) {
        PlStatements.Result result = sql.runDynamic(e.command(), e.using(), e.into().isEmpty() ? 0 : 2);
        if (!e.into().isEmpty()) {
            intoResult(e.into(), e.strict(), result);
        }
    }

    // ---- assignment ----

    private void assignment(PlStmt.Assign a) {
        PlTarget target = a.target();
        if (target.field() == null && target.variable().isRecord()) {
            // rec := other_rec (NEW := OLD in a trigger): the record is copied
            var other = a.value().names().find(a.value().text().toLowerCase(java.util.Locale.ROOT))
                    .filter(PlVariable::isRecord);
            if (other.isPresent()) {
                PlRecord r = PlValues.record(frame, other.get());
                frame.values[target.variable().slot()] = r.withValues(r.values().clone());
                return;
            }
        }
        if (!a.subscripts().isEmpty()) {
            assignElement(a);
            return;
        }
        PlStatements.Value v = sql.expression(a.value());
        assign(target, v.value(), v.type(), v.typmod());
    }

    /**
     * {@code a[i][j] := v}: subscripts first (never NULL), then the value coerced to the element type, stored as
     * UPDATE ... SET a[i] = v would (a NULL array counts as an empty one).
     */
    private void assignElement(PlStmt.Assign a) {
        PlVariable variable = a.target().variable();
        if (a.target().field() != null || variable.isRecord()) {
            throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED,
                    "subscripted assignment to a record field is not supported yet");
        }
        long arrayType = frame.types[variable.slot()];
        long elementType = host.elementType(arrayType);
        if (elementType == 0) {
            throw PgException.of(SqlState.DATATYPE_MISMATCH,
                    "cannot subscript type %s because it does not support subscripting", host.typeName(arrayType));
        }
        int[] at = new int[a.subscripts().size()];
        for (int i = 0; i < at.length; i++) {
            PlStatements.Value s = sql.expression(a.subscripts().get(i));
            if (s.value() == null) {
                throw PgException.of(SqlState.NULL_VALUE_NOT_ALLOWED, "array subscript in assignment must not be null");
            }
            at[i] = (Integer) host.coerce(s.value(), s.type(), TypeOids.INT4, -1);
        }
        PlStatements.Value v = sql.expression(a.value());
        Object element = v.value() == null || v.type() == elementType ? v.value()
                : host.coerce(v.value(), v.type(), elementType, -1);
        frame.values[variable.slot()] = org.lakepg.server.exec.expr.ArrayAssignment.element(
                (PgArray) frame.values[variable.slot()], at, element, (int) elementType);
    }

    /** Rows into targets: one record variable takes the row's shape; otherwise the columns go in order. */
    private void assignRow(List<PlTarget> targets, Object[] row, List<OutputColumn> columns) {
        if (targets.size() == 1 && targets.get(0).field() == null && targets.get(0).variable().isRecord()) {
            PlVariable v = targets.get(0).variable();
            if (v.kind() == PlVariable.Kind.RECORD && columns != null) {
                List<String> names = new ArrayList<>();
                long[] types = new long[columns.size()];
                int[] typmods = new int[columns.size()];
                for (int i = 0; i < columns.size(); i++) {
                    names.add(columns.get(i).name());
                    types[i] = columns.get(i).type();
                    typmods[i] = columns.get(i).typmod();
                }
                Object[] values = row == null ? new Object[columns.size()] : java.util.Arrays.copyOf(row, columns.size());
                frame.values[v.slot()] = new PlRecord(names, types, typmods, values);
                return;
            }
            PlRecord r = PlValues.record(frame, v);
            Object[] values = new Object[r.names().size()];
            for (int i = 0; i < values.length; i++) {
                Object value = row == null || i >= row.length ? null : row[i];
                long from = columns == null || i >= columns.size() ? r.types()[i] : columns.get(i).type();
                values[i] = value == null || from == r.types()[i] ? value : host.coerce(value, from, r.types()[i], r.typmods()[i]);
            }
            frame.values[v.slot()] = r.withValues(values);
            return;
        }
        for (int i = 0; i < targets.size(); i++) {
            Object value = row == null || i >= row.length ? null : row[i];
            long type = columns == null || i >= columns.size() ? TypeOids.UNKNOWN : columns.get(i).type();
            int typmod = columns == null || i >= columns.size() ? -1 : columns.get(i).typmod();
            assign(targets.get(i), value, type, typmod);
        }
    }

    private void assign(PlTarget target, Object value, long type, int typmod) {
        PlVariable v = target.variable();
        if (target.field() != null && !v.isRecord()) {
            assignCompositeField(v, target.field(), value, type);
            return;
        }
        if (target.field() != null) {
            PlRecord r = PlValues.record(frame, v);
            int i = r.indexOf(target.field());
            if (i < 0) {
                throw PgException.of(SqlState.UNDEFINED_COLUMN, "record \"%s\" has no field \"%s\"", v.name(),
                        target.field());
            }
            Object[] values = r.values();
            values[i] = value == null || type == r.types()[i] ? value : host.coerce(value, type, r.types()[i], r.typmods()[i]);
            return;
        }
        if (v.isRecord()) {
            if (value == null) {
                frame.values[v.slot()] = v.kind() == PlVariable.Kind.ROWTYPE ? host.emptyRow(v.typeText()) : null;
                return;
            }
            throw PgException.of(SqlState.DATATYPE_MISMATCH, "cannot assign non-composite value to a record variable");
        }
        long to = frame.types[v.slot()];
        if (to == 0 || to == TypeOids.UNKNOWN) {
            frame.set(v, type, typmod, value);
            return;
        }
        if (value == null && v.notNull()) {
            throw nullNotAllowed(v);
        }
        int toTypmod = frame.typmods[v.slot()];
        frame.values[v.slot()] = value == null || type == to && (toTypmod < 0 || toTypmod == typmod) ? value
                : host.coerce(value, type, to, toTypmod);
    }

    /** {@code var.field := value} for a variable of a composite type: a new row value with that field replaced. */
    private void assignCompositeField(PlVariable v, String field, Object value, long type) {
        long composite = frame.types[v.slot()];
        PlRecord shape = host.compositeFields(composite);
        if (shape == null) {
            throw PgException.of(SqlState.SYNTAX_ERROR, "\"%s.%s\" is not a known variable", v.name(), field);
        }
        int i = shape.indexOf(field);
        if (i < 0) {
            throw PgException.of(SqlState.UNDEFINED_COLUMN, "record \"%s\" has no field \"%s\"", v.name(), field);
        }
        Object current = frame.values[v.slot()];
        Object[] values = current instanceof org.lakepg.server.catalog.types.RowValue row
                ? java.util.Arrays.copyOf(row.values(), shape.names().size()) : new Object[shape.names().size()];
        values[i] = value == null || type == shape.types()[i] ? value
                : host.coerce(value, type, shape.types()[i], shape.typmods()[i]);
        frame.values[v.slot()] = new org.lakepg.server.catalog.types.RowValue(composite, shape.types(), values);
    }

    private static PgException nullNotAllowed(PlVariable v) {
        return PgException.of(SqlState.NULL_VALUE_NOT_ALLOWED, "null value cannot be assigned to variable \"%s\" declared NOT NULL",
                v.name());
    }

    private void setFound(boolean found) {
        frame.values[function.found().slot()] = found;
    }

    // ---- RETURN ----

    private void returnStatement(PlStmt.Return r) {
        if (r.value() == null) {
            returnValue = null;
            return;
        }
        if (function.returnsSet()) {
            throw PgException.of(SqlState.DATATYPE_MISMATCH, "RETURN cannot have a parameter in function returning set")
                    .withHint("Use RETURN NEXT or RETURN QUERY.");
        }
        var record = recordNamed(r.value());
        if (record != null) {
            returnValue = frame.values[record.slot()];
            return;
        }
        PlStatements.Value v = sql.expression(r.value());
        if (returnType == TypeOids.TRIGGER) {
            if (v.value() != null) {
                throw PgException.of(SqlState.DATATYPE_MISMATCH, "cannot return non-composite value from function returning composite type");
            }
            returnValue = null;
            return;
        }
        if (returnType == TypeOids.VOID || v.value() == null || v.type() == returnType || returnType == TypeOids.RECORD
                || isPolymorphic(returnType)) {
            returnValue = returnType == TypeOids.VOID ? null : v.value();
        } else {
            returnValue = host.coerce(v.value(), v.type(), returnType, -1);
        }
    }

    /** The record variable an expression is just the name of (RETURN NEW), else null. */
    private PlVariable recordNamed(PlSql expression) {
        String text = expression.text().trim().toLowerCase(java.util.Locale.ROOT);
        return expression.names().find(text).filter(PlVariable::isRecord).orElse(null);
    }

    private void returnNext(PlStmt.ReturnNext r) {
        if (!function.returnsSet()) {
            throw PgException.of(SqlState.SYNTAX_ERROR, "cannot use RETURN NEXT in a non-SETOF function");
        }
        if (r.value() == null) {
            Object out = outputValue();
            results.add(function.outputs().size() == 1 ? new Object[] {out} : ((Object[]) out).clone());
            return;
        }
        var record = recordNamed(r.value());
        if (record != null) {
            results.add(PlValues.record(frame, record).values().clone());
            return;
        }
        PlStatements.Value v = sql.expression(r.value());
        Object value = v.value();
        if (value != null && v.type() != returnType && returnType != TypeOids.RECORD && !isPolymorphic(returnType)) {
            value = host.coerce(value, v.type(), returnType, -1);
        }
        results.add(new Object[] {value});
    }

    private void returnQuery(PlStmt.ReturnQuery r) {
        if (!function.returnsSet()) {
            throw PgException.of(SqlState.SYNTAX_ERROR, "cannot use RETURN QUERY in a non-SETOF function");
        }
        PlStatements.Result result = r.query() != null ? sql.run(r.query(), false, -1)
                : sql.runDynamic(r.dynamic(), r.using(), -1);
        long[] expected = resultTypes();
        if (result.columns() != null && result.columns().size() != expected.length) {
            throw PgException.of(SqlState.DATATYPE_MISMATCH, "structure of query does not match function result type")
                    .withDetail("Number of returned columns (%d) does not match expected column count (%d).".formatted(
                            result.columns().size(), expected.length));
        }
        for (Object[] row : result.rows()) {
            Object[] out = row.clone();
            for (int i = 0; i < out.length && i < expected.length; i++) {
                long from = result.columns().get(i).type();
                if (out[i] != null && from != expected[i] && expected[i] != TypeOids.RECORD) {
                    out[i] = host.coerce(out[i], from, expected[i], -1);
                }
            }
            results.add(out);
        }
        frame.values[function.found().slot()] = !result.rows().isEmpty();
        sql.setRowCount(result.rows().size());
    }

    private long[] resultTypes() {
        if (!function.outputs().isEmpty()) {
            return function.outputs().stream().mapToLong(v -> frame.types[v.slot()]).toArray();
        }
        return new long[] {returnType};
    }

    // ---- GET DIAGNOSTICS ----

    private void getDiagnostics(PlStmt.GetDiagnostics g) {
        PgException error = handling.peek();
        if (g.stacked() && error == null) {
            throw PgException.of(SqlState.STACKED_DIAGNOSTICS_ACCESSED_WITHOUT_ACTIVE_HANDLER,
                    "GET STACKED DIAGNOSTICS cannot be used outside an exception handler");
        }
        for (PlStmt.DiagnosticItem item : g.items()) {
            String name = item.item().toLowerCase(java.util.Locale.ROOT);
            Object value;
            long type = TypeOids.TEXT;
            if (!g.stacked()) {
                switch (name) {
                    case "row_count" -> {
                        value = sql.rowCount();
                        type = TypeOids.INT8;
                    }
                    case "pg_context" -> value = "PL/pgSQL function %s line %d at GET DIAGNOSTICS".formatted(
                            function.signature(), g.line());
                    case "pg_routine_oid" -> throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED, "PG_ROUTINE_OID is not supported yet");
                    default -> throw PgException.of(SqlState.SYNTAX_ERROR, "unrecognized GET DIAGNOSTICS item \"%s\"", name);
                }
            } else {
                value = switch (name) {
                    case "returned_sqlstate" -> error.sqlState().code();
                    case "message_text" -> error.getMessage();
                    case "pg_exception_detail" -> error.detail() == null ? "" : error.detail();
                    case "pg_exception_hint" -> error.hint() == null ? "" : error.hint();
                    case "pg_exception_context" -> "PL/pgSQL function %s".formatted(function.signature());
                    case "column_name", "constraint_name", "pg_datatype_name", "table_name", "schema_name" -> "";
                    default -> throw PgException.of(SqlState.SYNTAX_ERROR, "unrecognized GET STACKED DIAGNOSTICS item \"%s\"", name);
                };
            }
            assign(item.target(), value, type, -1);
        }
    }

    /** Rows of an iterator, all of them. */
    static List<Object[]> drain(Iterator<Object[]> rows) {
        List<Object[]> out = new ArrayList<>();
        rows.forEachRemaining(out::add);
        return out;
    }
}
