package org.lakepg.server.session;

import java.util.ArrayList;
import java.util.List;
import org.lakepg.server.sql.analyzer.DefaultExpressions;
import org.lakepg.server.sql.ast.AConst;
import org.lakepg.server.sql.ast.ColumnRef;
import org.lakepg.server.sql.ast.Expr;
import org.lakepg.server.sql.ast.PartitionBoundSpec;
import org.lakepg.server.sql.analyzer.TypeNames;
import org.lakepg.server.sql.plan.expr.BoundExpr;
import org.lakepg.server.table.ColumnInfo;
import org.lakepg.server.table.ExpressionText;
import org.lakepg.server.table.Inheritance;
import org.lakepg.server.table.PartitionBound;
import org.lakepg.server.table.PartitionKey;
import org.lakepg.server.table.RowText;
import org.lakepg.server.table.TableInfo;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * FOR VALUES of a new partition (PostgreSQL's transformPartitionBound and check_new_partition_bound): the values
 * coerced to the key columns' types, the bound text pg_get_expr prints, the partition constraint, and the checks
 * that it overlaps no sibling (42P17).
 */
final class PartitionBounds {
    /** One datum of a bound: a value (as text of the key column's type) or MINVALUE / MAXVALUE. */
    record Datum(String text, Object value, int infinite) {
        static final int MIN = -1;
        static final int MAX = 1;

        boolean finite() {
            return infinite == 0;
        }
    }

    private final DdlContext ctx;

    PartitionBounds(DdlContext ctx) {
        this.ctx = ctx;
    }

    /** The bound of a new partition {@code name} of {@code parent}, checked against its existing partitions. */
    PartitionBound bound(TableInfo parent, PartitionKey key, String name, PartitionBoundSpec spec) {
        if (spec.isDefault()) {
            if (key.strategy() == 'h') {
                throw PgException.of(SqlState.INVALID_TABLE_DEFINITION,
                        "a hash-partitioned table may not have a default partition");
            }
            Inheritance inheritance = ctx.catalog().inheritance();
            for (long sibling : inheritance.children(parent.oid())) {
                if (inheritance.bound(sibling).map(PartitionBound::isDefault).orElse(false)) {
                    throw PgException.of(SqlState.INVALID_OBJECT_DEFINITION,
                            "partition \"%s\" conflicts with existing default partition \"%s\"", name,
                            tableName(sibling)).withPosition(spec.location() + 1);
                }
            }
            return new PartitionBound("DEFAULT", null, null);
        }
        List<ColumnInfo> columns = keyParts(ctx, parent, key);
        return switch (key.strategy()) {
            case 'r' -> range(parent, columns, name, spec);
            case 'l' -> list(parent, columns, name, spec);
            default -> hash(parent, key, columns, name, spec);
        };
    }

    private PartitionBound range(TableInfo parent, List<ColumnInfo> columns, String name, PartitionBoundSpec spec) {
        if (spec.strategy() != 'r') {
            throw PgException.of(SqlState.INVALID_TABLE_DEFINITION, "invalid bound specification for a range partition")
                    .withPosition(spec.location() + 1);
        }
        List<Datum> lower = datums(parent, columns, spec.lowerdatums(), "FROM", true);
        List<Datum> upper = datums(parent, columns, spec.upperdatums(), "TO", true);
        if (compare(parent, columns, lower, upper) >= 0) {
            throw PgException.of(SqlState.INVALID_OBJECT_DEFINITION, "empty range bound specified for partition \"%s\"",
                    name).withDetail("Specified lower bound " + display(lower) + " is greater than or equal to upper bound "
                    + display(upper) + ".").withPosition(location(spec.lowerdatums().get(0)));
        }
        Inheritance inheritance = ctx.catalog().inheritance();
        for (long sibling : inheritance.children(parent.oid())) {
            PartitionBound other = inheritance.bound(sibling).orElse(null);
            if (other == null || other.isDefault()) {
                continue;
            }
            PartitionBoundSpec o = parse(other.text());
            List<Datum> lower2 = datums(parent, columns, o.lowerdatums(), "FROM", false);
            List<Datum> upper2 = datums(parent, columns, o.upperdatums(), "TO", false);
            if (compare(parent, columns, lower, upper2) < 0 && compare(parent, columns, lower2, upper) < 0) {
                throw PgException.of(SqlState.INVALID_OBJECT_DEFINITION, "partition \"%s\" would overlap partition \"%s\"",
                        name, tableName(sibling)).withPosition(location(
                                compare(parent, columns, lower2, lower) <= 0 ? spec.lowerdatums().get(0)
                                        : spec.upperdatums().get(0)));
            }
        }
        String text = "FOR VALUES FROM " + display(lower) + " TO " + display(upper);
        return new PartitionBound(text, rangeConstraint(parent, columns, lower, upper, false),
                rangeConstraint(parent, columns, lower, upper, true));
    }

    /**
     * The partition constraint of a range bound as get_qual_for_range builds it: IS NOT NULL per key column, an
     * equality per leading column whose two bounds are equal, then one OR of arms for the lower bound and one for
     * the upper (each arm equalities on the earlier columns and a strict or inclusive comparison on its last).
     */
    private String rangeConstraint(TableInfo parent, List<ColumnInfo> columns, List<Datum> lower, List<Datum> upper,
                                   boolean shown) {
        List<String> conditions = new ArrayList<>();
        for (ColumnInfo c : columns) {
            conditions.add("(" + part(c) + " IS NOT NULL)");
        }
        int n = columns.size();
        int i = 0;
        while (i < n - 1 && lower.get(i).finite() && upper.get(i).finite()
                && same(parent, columns.get(i), lower.get(i), upper.get(i))) {
            conditions.add(comparison(columns.get(i), "=", lower.get(i), shown));
            i++;
        }
        List<String> lowerArms = new ArrayList<>();
        List<String> upperArms = new ArrayList<>();
        boolean nextLower = true;
        boolean nextUpper = true;
        for (int arm = 0; arm < n - i; arm++) {
            List<String> lowerArgs = new ArrayList<>();
            List<String> upperArgs = new ArrayList<>();
            for (int j = i; j < n; j++) {
                Datum l = lower.get(j);
                Datum u = upper.get(j);
                Datum lNext = j + 1 < n ? lower.get(j + 1) : null;
                Datum uNext = j + 1 < n ? upper.get(j + 1) : null;
                if (nextLower && l.finite()) {
                    String op = j - i < arm ? "="
                            : j == n - 1 || lNext != null && lNext.infinite() == Datum.MIN ? ">=" : ">";
                    lowerArgs.add(comparison(columns.get(j), op, l, shown));
                }
                if (nextUpper && u.finite()) {
                    String op = j - i < arm ? "=" : uNext != null && uNext.infinite() == Datum.MAX ? "<=" : "<";
                    upperArgs.add(comparison(columns.get(j), op, u, shown));
                }
                if (j + 1 - i > arm) {
                    // no further arm when the next column is unbounded or this one was
                    nextLower &= l.finite() && lNext != null && lNext.finite();
                    nextUpper &= u.finite() && uNext != null && uNext.finite();
                    break;
                }
            }
            if (!lowerArgs.isEmpty()) {
                lowerArms.add(lowerArgs.size() > 1 ? "(" + String.join(" AND ", lowerArgs) + ")" : lowerArgs.get(0));
            }
            if (!upperArgs.isEmpty()) {
                upperArms.add(upperArgs.size() > 1 ? "(" + String.join(" AND ", upperArgs) + ")" : upperArgs.get(0));
            }
            if (!nextLower && !nextUpper) {
                break;
            }
        }
        for (List<String> arms : List.of(lowerArms, upperArms)) {
            if (!arms.isEmpty()) {
                conditions.add(arms.size() > 1 ? "(" + String.join(" OR ", arms) + ")" : arms.get(0));
            }
        }
        return "(" + String.join(" AND ", conditions) + ")";
    }

    private String comparison(ColumnInfo column, String op, Datum d, boolean shown) {
        return "(" + part(column) + " " + op + " " + (shown ? labeled(column, d) : typed(column, d)) + ")";
    }

    private PartitionBound list(TableInfo parent, List<ColumnInfo> columns, String name, PartitionBoundSpec spec) {
        if (spec.strategy() != 'l') {
            throw PgException.of(SqlState.INVALID_TABLE_DEFINITION, "invalid bound specification for a list partition")
                    .withPosition(spec.location() + 1);
        }
        ColumnInfo column = columns.get(0);
        List<Datum> values = new ArrayList<>();
        boolean hasNull = false;
        for (Expr e : spec.listdatums()) {
            Datum d = datum(parent, column, e, false);
            if (d.value() == null) {
                hasNull = true;
            }
            if (values.stream().noneMatch(v -> same(parent, column, v, d))) {
                values.add(d);
            }
        }
        Inheritance inheritance = ctx.catalog().inheritance();
        for (long sibling : inheritance.children(parent.oid())) {
            PartitionBound other = inheritance.bound(sibling).orElse(null);
            if (other == null || other.isDefault()) {
                continue;
            }
            for (Expr e : parse(other.text()).listdatums()) {
                Datum existing = datum(parent, column, e, false);
                for (int i = 0; i < values.size(); i++) {
                    if (same(parent, column, values.get(i), existing)) {
                        throw PgException.of(SqlState.INVALID_OBJECT_DEFINITION,
                                "partition \"%s\" would overlap partition \"%s\"", name, tableName(sibling))
                                .withPosition(location(spec.listdatums().get(0)));
                    }
                }
            }
        }
        List<String> shown = values.stream().map(Datum::text).toList();
        String text = "FOR VALUES IN (" + String.join(", ", shown) + ")";
        return new PartitionBound(text, listConstraint(column, values, hasNull, false),
                listConstraint(column, values, hasNull, true));
    }

    private String listConstraint(ColumnInfo column, List<Datum> values, boolean hasNull, boolean shown) {
        String col = part(column);
        List<String> typedValues = values.stream().filter(v -> v.value() != null)
                .map(v -> shown ? labeled(column, v) : typed(column, v)).toList();
        // one value compares with =, several with = ANY (get_qual_for_list)
        String any = typedValues.isEmpty() ? null : typedValues.size() == 1 ? "(" + col + " = " + typedValues.get(0) + ")"
                : "(" + col + " = ANY (ARRAY[" + String.join(", ", typedValues) + "]))";
        if (hasNull) {
            return any == null ? "(" + col + " IS NULL)" : "((" + col + " IS NULL) OR " + any + ")";
        }
        return "((" + col + " IS NOT NULL) AND " + any + ")";
    }

    /** A value as get_const_expr prints it in an expression: int4 and plain numerics bare, the rest with a type. */
    private String labeled(ColumnInfo column, Datum d) {
        if (d.value() instanceof Boolean b) {
            return b.toString();
        }
        String text = RowText.value(column.type(), d.value());
        if (bare(column.type(), text)) {
            return text;
        }
        return ExpressionText.literal(text) + "::" + TypeNames.format(ctx.catalog(), column.type(), column.typmod());
    }

    /** int4 that is not negative and numerics that look like one print without quotes (get_const_expr). */
    private static boolean bare(long type, String text) {
        if (type == org.lakepg.server.catalog.TypeOids.INT4) {
            return !text.startsWith("-");
        }
        return type == org.lakepg.server.catalog.TypeOids.NUMERIC && !text.isEmpty() && Character.isDigit(text.charAt(0))
                && (text.contains(".") || text.contains("e") || text.contains("E"));
    }

    private PartitionBound hash(TableInfo parent, PartitionKey key, List<ColumnInfo> columns, String name,
                                PartitionBoundSpec spec) {
        if (spec.strategy() != 'h') {
            throw PgException.of(SqlState.INVALID_TABLE_DEFINITION, "invalid bound specification for a hash partition")
                    .withPosition(spec.location() + 1);
        }
        int modulus = spec.modulus();
        int remainder = spec.remainder();
        if (modulus <= 0) {
            throw PgException.of(SqlState.INVALID_TABLE_DEFINITION,
                    "modulus for hash partition must be an integer value greater than zero");
        }
        if (remainder >= modulus) {
            throw PgException.of(SqlState.INVALID_TABLE_DEFINITION, "remainder for hash partition must be less than modulus");
        }
        // every modulus must divide the next larger one; two partitions overlap when their remainders agree
        // modulo the smaller modulus (check_new_partition_bound)
        Inheritance inheritance = ctx.catalog().inheritance();
        int below = 0;
        int above = Integer.MAX_VALUE;
        String belowName = null;
        String aboveName = null;
        for (long sibling : inheritance.children(parent.oid())) {
            PartitionBound other = inheritance.bound(sibling).orElse(null);
            if (other == null || other.isDefault()) {
                continue;
            }
            PartitionBoundSpec o = parse(other.text());
            if (o.modulus() <= modulus && o.modulus() > below) {
                below = o.modulus();
                belowName = tableName(sibling);
            }
            if (o.modulus() > modulus && o.modulus() < above) {
                above = o.modulus();
                aboveName = tableName(sibling);
            }
        }
        if (belowName != null && modulus % below != 0) {
            throw PgException.of(SqlState.INVALID_OBJECT_DEFINITION,
                    "every hash partition modulus must be a factor of the next larger modulus")
                    .withDetail("The new modulus " + modulus + " is not divisible by " + below
                            + ", the modulus of existing partition \"" + belowName + "\".");
        }
        if (aboveName != null && above % modulus != 0) {
            throw PgException.of(SqlState.INVALID_OBJECT_DEFINITION,
                    "every hash partition modulus must be a factor of the next larger modulus")
                    .withDetail("The new modulus " + modulus + " is not a factor of " + above
                            + ", the modulus of existing partition \"" + aboveName + "\".");
        }
        for (long sibling : inheritance.children(parent.oid())) {
            PartitionBound other = inheritance.bound(sibling).orElse(null);
            if (other == null || other.isDefault()) {
                continue;
            }
            PartitionBoundSpec o = parse(other.text());
            int smaller = Math.min(modulus, o.modulus());
            if (remainder % smaller == o.remainder() % smaller) {
                throw PgException.of(SqlState.INVALID_OBJECT_DEFINITION, "partition \"%s\" would overlap partition \"%s\"",
                        name, tableName(sibling)).withPosition(spec.location() + 1);
            }
        }
        List<String> keys = columns.stream().map(PartitionBounds::part).toList();
        String head = "satisfies_hash_partition('" + parent.oid() + "'::oid, " + modulus + ", " + remainder + ", ";
        String shown = head + String.join(", ", keys) + ")";
        return new PartitionBound("FOR VALUES WITH (modulus " + modulus + ", remainder " + remainder + ")",
                head + String.join(", ", hashedKeys(key, keys)) + ")", shown);
    }

    /**
     * The key parts as satisfies_hash_partition receives them when evaluated: a part whose operator class is
     * user-defined goes in already hashed by that class's support function 2 (with the partition seed), wrapped in
     * ROW(...) so the function tells it from a value it hashes itself (NULL inside: a NULL key part, skipped).
     */
    private List<String> hashedKeys(PartitionKey key, List<String> keys) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            long opclass = i < key.opclasses().size() ? key.opclasses().get(i) : 0;
            var proc = opclass == 0 ? java.util.Optional.<org.lakepg.server.catalog.ProcEntry>empty()
                    : ctx.catalog().userOperatorClass(opclass).filter(c -> c.hashProc() != 0)
                    .flatMap(c -> ctx.catalog().function(c.hashProc()));
            if (proc.isEmpty()) {
                out.add(keys.get(i));
                continue;
            }
            // found on the search path when evaluated; the public schema's functions named so wherever it is
            String function = (proc.get().namespace() == org.lakepg.server.catalog.objects.SchemaInfo.PUBLIC
                    ? "public." : "") + ExpressionText.ident(proc.get().name());
            out.add("ROW(" + function + "(" + keys.get(i) + ", '"
                    + org.lakepg.server.function.scalar.PartitionHash.SEED + "'::int8))");
        }
        return out;
    }

    private List<Datum> datums(TableInfo parent, List<ColumnInfo> columns, List<Expr> exprs, String clause,
                               boolean check) {
        if (check && exprs.size() != columns.size()) {
            throw PgException.of(SqlState.INVALID_TABLE_DEFINITION,
                    "%s must specify exactly one value per partitioning column", clause);
        }
        List<Datum> out = new ArrayList<>();
        for (int i = 0; i < exprs.size(); i++) {
            out.add(datum(parent, columns.get(i), exprs.get(i), true));
        }
        if (check) {
            // after MINVALUE only MINVALUE may follow, after MAXVALUE only MAXVALUE (validateInfiniteBounds)
            for (int i = 1; i < out.size(); i++) {
                Datum prev = out.get(i - 1);
                if (!prev.finite() && out.get(i).infinite() != prev.infinite()) {
                    throw PgException.of(SqlState.INVALID_TABLE_DEFINITION, prev.infinite() == Datum.MAX
                            ? "every bound following MAXVALUE must also be MAXVALUE"
                            : "every bound following MINVALUE must also be MINVALUE")
                            .withPosition(location(exprs.get(i)));
                }
            }
        }
        return out;
    }

    private Datum datum(TableInfo parent, ColumnInfo column, Expr e, boolean infiniteAllowed) {
        if (infiniteAllowed && e instanceof ColumnRef c && !c.star() && c.fields().size() == 1) {
            String word = c.fields().get(0).toString().toLowerCase(java.util.Locale.ROOT);
            if (word.equals("minvalue")) {
                return new Datum("MINVALUE", null, Datum.MIN);
            }
            if (word.equals("maxvalue")) {
                return new Datum("MAXVALUE", null, Datum.MAX);
            }
        }
        if (e instanceof ColumnRef c) {
            throw PgException.of(SqlState.INVALID_COLUMN_REFERENCE, "cannot use column reference in partition bound expression")
                    .withPosition(location(e));
        }
        BoundExpr bound;
        try {
            bound = ctx.binder().bindDefault(parent, column, e);
        } catch (PgException failure) {
            if (failure.sqlState() != SqlState.DATATYPE_MISMATCH) {
                throw failure;
            }
            throw PgException.of(SqlState.DATATYPE_MISMATCH, "specified value cannot be cast to type %s for column \"%s\"",
                    TypeNames.format(ctx.catalog(), column.type(), column.typmod()), column.name())
                    .withPosition(location(e));
        }
        Object value = ctx.compiler().compile(bound).eval(new Object[parent.columns().size()], ctx.exec());
        return new Datum(value == null ? "NULL" : constant(column.type(), value), value, 0);
    }

    /** A value as get_const_expr prints it without its type (in FOR VALUES): int4 and numerics bare, others quoted. */
    private static String constant(long type, Object value) {
        if (value instanceof Boolean b) {
            return b.toString();
        }
        String text = RowText.value(type, value);
        if (bare(type, text)) {
            return text;
        }
        return ExpressionText.literal(text);
    }

    private String typed(ColumnInfo column, Datum d) {
        return "(" + ExpressionText.literal(RowText.value(column.type(), d.value())) + ")::"
                + TypeNames.format(ctx.catalog(), column.type(), column.typmod());
    }

    private static String display(List<Datum> datums) {
        return "(" + String.join(", ", datums.stream().map(Datum::text).toList()) + ")";
    }

    /** Bound tuples compared as PostgreSQL's partition_rbound_cmp: MINVALUE below every value, MAXVALUE above. */
    private int compare(TableInfo parent, List<ColumnInfo> columns, List<Datum> a, List<Datum> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            Datum x = a.get(i);
            Datum y = b.get(i);
            if (!x.finite() || !y.finite()) {
                if (x.infinite() != y.infinite()) {
                    return Integer.compare(x.infinite(), y.infinite());
                }
                return 0; // both the same infinity: the rest must be too
            }
            if (truth(parent, typed(columns.get(i), x) + " < " + typed(columns.get(i), y))) {
                return -1;
            }
            if (truth(parent, typed(columns.get(i), x) + " > " + typed(columns.get(i), y))) {
                return 1;
            }
        }
        return 0;
    }

    private boolean same(TableInfo parent, ColumnInfo column, Datum a, Datum b) {
        if (a.value() == null || b.value() == null) {
            return a.value() == null && b.value() == null;
        }
        return truth(parent, typed(column, a) + " = " + typed(column, b));
    }

    private boolean truth(TableInfo parent, String condition) {
        BoundExpr bound = ctx.binder().bindCheck(parent, DefaultExpressions.parse(condition));
        return Boolean.TRUE.equals(ctx.compiler().compile(bound).eval(new Object[parent.columns().size()], ctx.exec()));
    }

    /** A bound as stored (pg_get_expr's text) parsed back. */
    static PartitionBoundSpec parse(String text) {
        var parsed = org.lakepg.server.sql.parser.SqlParser.parse("CREATE TABLE x PARTITION OF y " + text);
        return ((org.lakepg.server.sql.ast.CreateStmt) parsed.get(0).statement()).partbound();
    }

    private String tableName(long oid) {
        return ctx.catalog().tableByOid(oid).map(TableInfo::name).orElse("?");
    }

    private static int location(Expr e) {
        int at = org.lakepg.server.sql.analyzer.ExpressionAnalyzer.location(e);
        return at < 0 ? 0 : at + 1;
    }

    static boolean isConstant(Expr e) {
        return e instanceof AConst;
    }

    /** The key's parts as columns: a real column, or an expression (number 0, its SQL text as name, its type). */
    static List<ColumnInfo> keyParts(DdlContext ctx, TableInfo parent, PartitionKey key) {
        List<ColumnInfo> out = new ArrayList<>();
        int e = 0;
        for (short a : key.columns()) {
            if (a != 0) {
                out.add(parent.columns().get(a - 1));
                continue;
            }
            String text = key.expressions().get(e++);
            BoundExpr bound = ctx.binder().bindExpression(parent, DefaultExpressions.parse(text));
            out.add(new ColumnInfo(text, (short) 0, bound.type(), bound.typmod(), false, null, ColumnInfo.NO_IDENTITY));
        }
        return out;
    }

    /** A key part in a condition: a column's quoted name or an expression's text. */
    private static String part(ColumnInfo c) {
        return c.number() == 0 ? c.name() : ExpressionText.ident(c.name());
    }
}
