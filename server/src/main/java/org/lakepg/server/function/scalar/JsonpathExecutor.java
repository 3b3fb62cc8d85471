package org.lakepg.server.function.scalar;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.lakepg.server.function.FunctionRegistry;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;
import org.lakepg.wire.types.JsonPath;
import org.lakepg.wire.types.JsonPath.Chain;
import org.lakepg.wire.types.JsonPath.Item;
import org.lakepg.wire.types.Jsonb;
import org.lakepg.wire.types.PgNumeric;

/**
 * Runs a jsonpath over a jsonb value (jsonpath_exec.c): lax mode unwraps arrays and ignores
 * structural errors, strict mode reports them; predicates use three-valued logic. Errors of the
 * path itself are {@link PathError}s, which the silent flag suppresses.
 */
final class JsonpathExecutor {

    /** An error the jsonpath semantics raise (PostgreSQL's RETURN_ERROR), suppressed when silent. */
    static final class PathError extends RuntimeException {
        final PgException error;

        PathError(PgException error) {
            super(error.getMessage(), null, false, false);
            this.error = error;
        }
    }

    /** Unwinds once the first result is found when only existence matters. */
    private static final class FoundOne extends RuntimeException {
        FoundOne() {
            super(null, null, false, false);
        }
    }

    private enum Truth { TRUE, FALSE, UNKNOWN }

    private final JsonPath path;
    private final Jsonb root;
    private final Jsonb.Obj vars;
    private final boolean lax;
    /** The last index of the innermost array being subscripted, for "last"; null outside subscripts. */
    private Integer lastIndex;
    /** Structural errors (missing keys, wrong container types) are ignored in lax mode and below .** . */
    private boolean ignoreStructural;

    JsonpathExecutor(JsonPath path, Jsonb root, Jsonb vars) {
        if (!(vars instanceof Jsonb.Obj obj)) {
            throw PgException.of(SqlState.INVALID_PARAMETER_VALUE, "\"vars\" argument is not an object")
                    .withDetail("Jsonpath parameters should be encoded as key-value pairs of \"vars\" object.");
        }
        this.path = path;
        this.root = root;
        this.vars = obj;
        this.lax = path.lax();
        this.ignoreStructural = lax;
    }

    /** All results; a PathError escapes for the caller to raise or suppress. */
    List<Jsonb> all() {
        List<Jsonb> out = new ArrayList<>();
        chain(path.expr(), 0, root, root, out);
        return out;
    }

    /** Whether there is any result; in lax mode the first one ends the search, as in PostgreSQL. */
    boolean exists() {
        if (!lax) {
            return !all().isEmpty();
        }
        return existsFrom(path.expr(), root, root);
    }

    /** Evaluation with no result list (PostgreSQL's found == NULL): the first result is enough. */
    private boolean existsFrom(Chain c, Jsonb value, Jsonb current) {
        try {
            chain(c, 0, value, current, new ExistenceSink());
            return false;
        } catch (FoundOne found) {
            return true;
        }
    }

    private static final class ExistenceSink extends ArrayList<Jsonb> {
        @Override
        public boolean add(Jsonb j) {
            throw new FoundOne();
        }
    }

    private static PathError error(SqlState state, String format, Object... args) {
        return new PathError(PgException.of(state, format, args));
    }

    /** Runs items[from..] of a chain on one value, adding the results to out. */
    private void chain(Chain c, int from, Jsonb value, Jsonb current, List<Jsonb> out) {
        if (from >= c.items().size()) {
            out.add(value);
            return;
        }
        item(c, from, value, current, out, true);
    }

    private void next(Chain c, int at, Jsonb value, Jsonb current, List<Jsonb> out) {
        chain(c, at + 1, value, current, out);
    }

    /** Evaluates a whole chain from its start with @ = current. */
    private List<Jsonb> eval(Chain c, Jsonb current) {
        List<Jsonb> out = new ArrayList<>();
        chain(c, 0, current, current, out);
        return out;
    }

    private List<Jsonb> evalUnwrapped(Chain c, Jsonb current) {
        List<Jsonb> values = eval(c, current);
        if (!lax) {
            return values;
        }
        List<Jsonb> out = new ArrayList<>();
        for (Jsonb v : values) {
            if (v instanceof Jsonb.Array a) {
                out.addAll(a.elements());
            } else {
                out.add(v);
            }
        }
        return out;
    }

    private void item(Chain c, int at, Jsonb value, Jsonb current, List<Jsonb> out, boolean unwrap) {
        Item item = c.items().get(at);
        switch (item) {
            case JsonPath.Root r -> next(c, at, root, current, out);
            case JsonPath.Current cur -> next(c, at, current, current, out);
            case JsonPath.Variable v -> {
                Jsonb bound = vars.get(v.name());
                if (bound == null) {
                    throw PgException.of(SqlState.UNDEFINED_OBJECT, "could not find jsonpath variable \"%s\"", v.name());
                }
                next(c, at, bound, current, out);
            }
            case JsonPath.NullLiteral n -> next(c, at, new Jsonb.Null(), current, out);
            case JsonPath.BoolLiteral b -> next(c, at, new Jsonb.Bool(b.value()), current, out);
            case JsonPath.StringLiteral s -> next(c, at, new Jsonb.Str(s.value()), current, out);
            case JsonPath.NumericLiteral n -> next(c, at, new Jsonb.Number(n.value()), current, out);
            case JsonPath.Last l -> {
                if (lastIndex == null) {
                    throw new IllegalStateException("last outside an array subscript");
                }
                next(c, at, new Jsonb.Number(PgNumeric.of(BigDecimal.valueOf(lastIndex))), current, out);
            }
            case JsonPath.Key k -> {
                if (value instanceof Jsonb.Obj o) {
                    Jsonb member = o.get(k.name());
                    if (member != null) {
                        next(c, at, member, current, out);
                    } else if (!ignoreStructural) {
                        throw error(SqlState.SQL_JSON_MEMBER_NOT_FOUND, "JSON object does not contain key \"%s\"",
                                k.name());
                    }
                } else if (unwrap && lax && value instanceof Jsonb.Array a) {
                    unwrapArray(c, at, a, current, out);
                } else if (!ignoreStructural) {
                    throw error(SqlState.SQL_JSON_MEMBER_NOT_FOUND,
                            "jsonpath member accessor can only be applied to an object");
                }
            }
            case JsonPath.AnyKey k -> {
                if (value instanceof Jsonb.Obj o) {
                    for (Map.Entry<String, Jsonb> m : o.members()) {
                        next(c, at, m.getValue(), current, out);
                    }
                } else if (unwrap && lax && value instanceof Jsonb.Array a) {
                    unwrapArray(c, at, a, current, out);
                } else if (!ignoreStructural) {
                    throw error(SqlState.SQL_JSON_OBJECT_NOT_FOUND,
                            "jsonpath wildcard member accessor can only be applied to an object");
                }
            }
            case JsonPath.AnyArray a -> {
                if (value instanceof Jsonb.Array arr) {
                    for (Jsonb e : arr.elements()) {
                        next(c, at, e, current, out);
                    }
                } else if (lax) {
                    next(c, at, value, current, out);
                } else if (!ignoreStructural) {
                    throw error(SqlState.SQL_JSON_ARRAY_NOT_FOUND,
                            "jsonpath wildcard array accessor can only be applied to an array");
                }
            }
            case JsonPath.IndexArray ia -> subscripts(c, at, ia, value, current, out);
            case JsonPath.Any any -> {
                if (any.first() == 0) {
                    next(c, at, value, current, out);
                }
                descend(c, at, any, value, 1, current, out);
            }
            case JsonPath.Filter f -> {
                if (unwrap && lax && value instanceof Jsonb.Array a) {
                    unwrapArray(c, at, a, current, out);
                } else if (predicate(f.predicate(), value) == Truth.TRUE) {
                    next(c, at, value, current, out);
                }
            }
            case JsonPath.Binary b when b.op().isPredicate() -> {
                Truth t = predicate(new Chain(List.of(b)), current);
                next(c, at, t == Truth.UNKNOWN ? new Jsonb.Null() : new Jsonb.Bool(t == Truth.TRUE), current, out);
            }
            case JsonPath.Not n -> booleanItem(c, at, current, out);
            case JsonPath.IsUnknown u -> booleanItem(c, at, current, out);
            case JsonPath.Exists e -> booleanItem(c, at, current, out);
            case JsonPath.LikeRegex r -> booleanItem(c, at, current, out);
            case JsonPath.Binary b -> {
                for (Jsonb result : arithmetic(b, current)) {
                    next(c, at, result, current, out);
                }
            }
            case JsonPath.Unary u -> {
                for (Jsonb v : evalUnwrapped(u.arg(), current)) {
                    if (!(v instanceof Jsonb.Number num)) {
                        if (out instanceof ExistenceSink && at == c.items().size() - 1) {
                            out.add(v); // PostgreSQL's executeUnaryArithmExpr accepts anything here
                        }
                        throw error(SqlState.SQL_JSON_NUMBER_NOT_FOUND,
                                "operand of unary jsonpath operator %s is not a numeric value", u.minus() ? "-" : "+");
                    }
                    next(c, at, u.minus() ? new Jsonb.Number((PgNumeric) numeric("numeric_uminus", num.value())) : v,
                            current, out);
                }
            }
            case JsonPath.MethodCall m -> method(c, at, m.method(), value, current, out, unwrap);
            case JsonPath.Datetime d -> throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED,
                    "jsonpath item method .datetime() is not supported yet");
        }
    }

    private void booleanItem(Chain c, int at, Jsonb current, List<Jsonb> out) {
        Truth t = predicate(new Chain(List.of(c.items().get(at))), current);
        next(c, at, t == Truth.UNKNOWN ? new Jsonb.Null() : new Jsonb.Bool(t == Truth.TRUE), current, out);
    }

    private void unwrapArray(Chain c, int at, Jsonb.Array a, Jsonb current, List<Jsonb> out) {
        for (Jsonb e : a.elements()) {
            item(c, at, e, current, out, false);
        }
    }

    /** .** : every descendant at the levels asked for, in document order ({last} alone: the leaves). */
    private void descend(Chain c, int at, JsonPath.Any any, Jsonb value, long level, Jsonb current, List<Jsonb> out) {
        if (level > any.last()) {
            return;
        }
        List<Jsonb> children = switch (value) {
            case Jsonb.Array a -> a.elements();
            case Jsonb.Obj o -> o.members().stream().map(Map.Entry::getValue).toList();
            default -> List.of();
        };
        boolean leavesOnly = any.first() == JsonPath.Any.LAST && any.last() == JsonPath.Any.LAST;
        for (Jsonb child : children) {
            boolean container = child instanceof Jsonb.Array || child instanceof Jsonb.Obj;
            if (level >= any.first() || (leavesOnly && !container)) {
                boolean saved = ignoreStructural;
                ignoreStructural = true;
                try {
                    if (at + 1 >= c.items().size()) {
                        out.add(child);
                    } else {
                        item(c, at + 1, child, current, out, lax);
                    }
                } finally {
                    ignoreStructural = saved;
                }
            }
            if (level < any.last() && container) {
                descend(c, at, any, child, level + 1, current, out);
            }
        }
    }

    private void subscripts(Chain c, int at, JsonPath.IndexArray ia, Jsonb value, Jsonb current, List<Jsonb> out) {
        if (!(value instanceof Jsonb.Array) && !lax) {
            if (ignoreStructural) {
                return;
            }
            throw error(SqlState.SQL_JSON_ARRAY_NOT_FOUND, "jsonpath array accessor can only be applied to an array");
        }
        List<Jsonb> elements = value instanceof Jsonb.Array a ? a.elements() : List.of(value);
        int size = elements.size();
        Integer savedLast = lastIndex;
        lastIndex = size - 1;
        try {
            for (JsonPath.Subscript s : ia.subscripts()) {
                int from = index(s.from(), current);
                int to = s.to() == null ? from : index(s.to(), current);
                if (!ignoreStructural && (from < 0 || from > to || to >= size)) {
                    throw error(SqlState.INVALID_SQL_JSON_SUBSCRIPT, "jsonpath array subscript is out of bounds");
                }
                from = Math.max(from, 0);
                to = Math.min(to, size - 1);
                for (int i = from; i <= to; i++) {
                    next(c, at, elements.get(i), current, out);
                }
            }
        } finally {
            lastIndex = savedLast;
        }
    }

    private int index(Chain c, Jsonb current) {
        List<Jsonb> values = eval(c, current);
        if (values.size() != 1 || !(values.get(0) instanceof Jsonb.Number n)) {
            throw error(SqlState.INVALID_SQL_JSON_SUBSCRIPT, "jsonpath array subscript is not a single numeric value");
        }
        PgNumeric v = n.value();
        if (!v.isFinite()) {
            throw error(SqlState.INVALID_SQL_JSON_SUBSCRIPT, "jsonpath array subscript is out of integer range");
        }
        BigDecimal truncated = v.value().setScale(0, java.math.RoundingMode.DOWN);
        if (truncated.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0
                || truncated.compareTo(BigDecimal.valueOf(Integer.MIN_VALUE)) < 0) {
            throw error(SqlState.INVALID_SQL_JSON_SUBSCRIPT, "jsonpath array subscript is out of integer range");
        }
        return truncated.intValue();
    }

    private List<Jsonb> arithmetic(JsonPath.Binary b, Jsonb current) {
        List<Jsonb> left = evalUnwrapped(b.left(), current);
        if (left.size() != 1 || !(left.get(0) instanceof Jsonb.Number l)) {
            throw error(SqlState.SINGLETON_SQL_JSON_ITEM_REQUIRED,
                    "left operand of jsonpath operator %s is not a single numeric value", b.op().symbol);
        }
        List<Jsonb> right = evalUnwrapped(b.right(), current);
        if (right.size() != 1 || !(right.get(0) instanceof Jsonb.Number r)) {
            throw error(SqlState.SINGLETON_SQL_JSON_ITEM_REQUIRED,
                    "right operand of jsonpath operator %s is not a single numeric value", b.op().symbol);
        }
        String function = switch (b.op()) {
            case ADD -> "numeric_add";
            case SUB -> "numeric_sub";
            case MUL -> "numeric_mul";
            case DIV -> "numeric_div";
            default -> "numeric_mod";
        };
        try {
            return List.of(new Jsonb.Number((PgNumeric) numeric(function, l.value(), r.value())));
        } catch (PgException e) {
            throw new PathError(e);
        }
    }

    private static Object numeric(String source, Object... args) {
        return FunctionRegistry.builtins().lookup(source).orElseThrow().apply(args, null);
    }

    private void method(Chain c, int at, JsonPath.Method m, Jsonb value, Jsonb current, List<Jsonb> out,
                        boolean unwrap) {
        String name = m.name().toLowerCase(java.util.Locale.ROOT);
        if (m != JsonPath.Method.TYPE && m != JsonPath.Method.SIZE && unwrap && lax && value instanceof Jsonb.Array a) {
            unwrapArray(c, at, a, current, out);
            return;
        }
        switch (m) {
            case TYPE -> next(c, at, new Jsonb.Str(switch (value) {
                case Jsonb.Null n -> "null";
                case Jsonb.Bool b -> "boolean";
                case Jsonb.Number n -> "number";
                case Jsonb.Str s -> "string";
                case Jsonb.Array a -> "array";
                case Jsonb.Obj o -> "object";
            }), current, out);
            case SIZE -> {
                int size;
                if (value instanceof Jsonb.Array a) {
                    size = a.elements().size();
                } else if (lax) {
                    size = 1;
                } else if (ignoreStructural) {
                    return;
                } else {
                    throw error(SqlState.SQL_JSON_ARRAY_NOT_FOUND,
                            "jsonpath item method .%s() can only be applied to an array", name);
                }
                next(c, at, new Jsonb.Number(PgNumeric.of(BigDecimal.valueOf(size))), current, out);
            }
            case ABS, FLOOR, CEILING -> {
                if (!(value instanceof Jsonb.Number n)) {
                    throw error(SqlState.NON_NUMERIC_SQL_JSON_ITEM,
                            "jsonpath item method .%s() can only be applied to a numeric value", name);
                }
                String source = m == JsonPath.Method.ABS ? "numeric_abs"
                        : m == JsonPath.Method.FLOOR ? "numeric_floor" : "numeric_ceil";
                next(c, at, new Jsonb.Number((PgNumeric) numeric(source, n.value())), current, out);
            }
            case DOUBLE -> next(c, at, toDouble(value), current, out);
            case KEYVALUE -> {
                if (!(value instanceof Jsonb.Obj o)) {
                    throw error(SqlState.SQL_JSON_OBJECT_NOT_FOUND,
                            "jsonpath item method .%s() can only be applied to an object", name);
                }
                if (value != root) {
                    // the "id" of a pair is the object's byte offset inside jsonb's binary form
                    throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED,
                            "jsonpath item method .keyvalue() of a nested object is not supported yet");
                }
                for (Map.Entry<String, Jsonb> member : o.members()) {
                    next(c, at, Jsonb.Obj.of(List.of(Map.entry("key", new Jsonb.Str(member.getKey())),
                            Map.entry("value", member.getValue()),
                            Map.entry("id", new Jsonb.Number(PgNumeric.of(BigDecimal.ZERO))))), current, out);
                }
            }
        }
    }

    private Jsonb toDouble(Jsonb value) {
        if (value instanceof Jsonb.Number n) {
            double d;
            try {
                d = Double.parseDouble(n.value().toString());
            } catch (NumberFormatException e) {
                d = Double.NaN;
            }
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw error(SqlState.NON_NUMERIC_SQL_JSON_ITEM,
                        "numeric argument of jsonpath item method .double() is out of range for type double precision");
            }
            return value;
        }
        if (value instanceof Jsonb.Str s) {
            double d;
            try {
                d = (Double) org.lakepg.wire.types.Float8Type.INSTANCE.parseText(s.value());
            } catch (PgException e) {
                d = Double.NaN;
            }
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw error(SqlState.NON_NUMERIC_SQL_JSON_ITEM, "string argument of jsonpath item method .double() is"
                        + " not a valid representation of a double precision number");
            }
            return new Jsonb.Number((PgNumeric) numeric("float8_numeric", d));
        }
        throw error(SqlState.NON_NUMERIC_SQL_JSON_ITEM,
                "jsonpath item method .double() can only be applied to a string or numeric value");
    }

    // ---- predicates

    private Truth predicate(Chain c, Jsonb current) {
        Item head = c.head();
        return switch (head) {
            case JsonPath.Binary b when b.op() == JsonPath.BinaryOp.AND -> {
                Truth l = predicate(b.left(), current);
                if (l == Truth.FALSE) {
                    yield Truth.FALSE;
                }
                Truth r = predicate(b.right(), current);
                yield r == Truth.TRUE ? l : r;
            }
            case JsonPath.Binary b when b.op() == JsonPath.BinaryOp.OR -> {
                Truth l = predicate(b.left(), current);
                if (l == Truth.TRUE) {
                    yield Truth.TRUE;
                }
                Truth r = predicate(b.right(), current);
                yield r == Truth.FALSE ? l : r;
            }
            case JsonPath.Not n -> switch (predicate(n.arg(), current)) {
                case TRUE -> Truth.FALSE;
                case FALSE -> Truth.TRUE;
                case UNKNOWN -> Truth.UNKNOWN;
            };
            case JsonPath.IsUnknown u -> predicate(u.arg(), current) == Truth.UNKNOWN ? Truth.TRUE : Truth.FALSE;
            case JsonPath.Exists e -> {
                try {
                    if (lax) {
                        yield existsFrom(e.arg(), current, current) ? Truth.TRUE : Truth.FALSE;
                    }
                    yield eval(e.arg(), current).isEmpty() ? Truth.FALSE : Truth.TRUE;
                } catch (PathError err) {
                    yield Truth.UNKNOWN;
                }
            }
            case JsonPath.Binary b -> compareAll(b, current);
            case JsonPath.LikeRegex r -> {
                java.util.regex.Pattern pattern = PosixRegex.compile(r.pattern(), new PosixRegex.Options(
                        (r.flags() & JsonPath.REGEX_ICASE) != 0, (r.flags() & JsonPath.REGEX_DOTALL) != 0,
                        (r.flags() & JsonPath.REGEX_MLINE) != 0, (r.flags() & JsonPath.REGEX_QUOTE) != 0, false));
                yield anyMatch(r.expr(), current, v -> v instanceof Jsonb.Str s
                        ? (pattern.matcher(s.value()).find() ? Truth.TRUE : Truth.FALSE) : Truth.UNKNOWN);
            }
            default -> throw new IllegalStateException("not a predicate: " + head);
        };
    }

    /** executePredicate for a unary test: lax stops at the first true, strict at the first unknown. */
    private Truth anyMatch(Chain operand, Jsonb current, java.util.function.Function<Jsonb, Truth> test) {
        List<Jsonb> values;
        try {
            values = evalUnwrapped(operand, current);
        } catch (PathError e) {
            return Truth.UNKNOWN;
        }
        boolean found = false;
        boolean error = false;
        for (Jsonb v : values) {
            Truth t = test.apply(v);
            if (t == Truth.UNKNOWN) {
                if (!lax) {
                    return Truth.UNKNOWN;
                }
                error = true;
            } else if (t == Truth.TRUE) {
                if (lax) {
                    return Truth.TRUE;
                }
                found = true;
            }
        }
        return found ? Truth.TRUE : error ? Truth.UNKNOWN : Truth.FALSE;
    }

    private Truth compareAll(JsonPath.Binary b, Jsonb current) {
        List<Jsonb> rights;
        try {
            rights = evalUnwrapped(b.right(), current);
        } catch (PathError e) {
            return Truth.UNKNOWN;
        }
        if (b.op() == JsonPath.BinaryOp.STARTS_WITH) {
            if (rights.size() != 1 || !(rights.get(0) instanceof Jsonb.Str prefix)) {
                return Truth.UNKNOWN;
            }
            return anyMatch(b.left(), current, v -> v instanceof Jsonb.Str s
                    ? (s.value().startsWith(prefix.value()) ? Truth.TRUE : Truth.FALSE) : Truth.UNKNOWN);
        }
        return anyMatch(b.left(), current, l -> {
            boolean error = false;
            boolean found = false;
            for (Jsonb r : rights) {
                Truth t = compare(b.op(), l, r);
                if (t == Truth.UNKNOWN) {
                    if (!lax) {
                        return Truth.UNKNOWN;
                    }
                    error = true;
                } else if (t == Truth.TRUE) {
                    if (lax) {
                        return Truth.TRUE;
                    }
                    found = true;
                }
            }
            return found ? Truth.TRUE : error ? Truth.UNKNOWN : Truth.FALSE;
        });
    }

    /** compareItems: nulls equal only nulls, other mixed types and containers are not comparable. */
    private static Truth compare(JsonPath.BinaryOp op, Jsonb a, Jsonb b) {
        if (a.getClass() != b.getClass()) {
            if (a instanceof Jsonb.Null || b instanceof Jsonb.Null) {
                return op == JsonPath.BinaryOp.NOT_EQUAL ? Truth.TRUE : Truth.FALSE;
            }
            return Truth.UNKNOWN;
        }
        int cmp;
        switch (a) {
            case Jsonb.Null n -> cmp = 0;
            case Jsonb.Bool x -> cmp = Boolean.compare(x.value(), ((Jsonb.Bool) b).value());
            case Jsonb.Number x -> cmp = x.value().compareTo(((Jsonb.Number) b).value());
            case Jsonb.Str x -> cmp = compareCodePoints(x.value(), ((Jsonb.Str) b).value());
            default -> {
                return Truth.UNKNOWN;
            }
        }
        boolean result = switch (op) {
            case EQUAL -> cmp == 0;
            case NOT_EQUAL -> cmp != 0;
            case LESS -> cmp < 0;
            case LESS_OR_EQUAL -> cmp <= 0;
            case GREATER -> cmp > 0;
            case GREATER_OR_EQUAL -> cmp >= 0;
            default -> throw new IllegalStateException(op.name());
        };
        return result ? Truth.TRUE : Truth.FALSE;
    }

    private static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int x = a.codePointAt(i);
            int y = b.codePointAt(j);
            if (x != y) {
                return Integer.compare(x, y);
            }
            i += Character.charCount(x);
            j += Character.charCount(y);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
