package org.lakepg.server.index.gin;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.lakepg.server.exec.expr.WireTypeIO;
import org.lakepg.server.index.IndexCondition;
import org.lakepg.server.index.IndexExpressions;
import org.lakepg.server.index.IndexFunctionContext;
import org.lakepg.server.sql.analyzer.BuiltinAnalyzerCatalog;
import org.lakepg.server.sql.deparse.ExpressionDeparser;
import org.lakepg.server.sql.plan.expr.ArrayCoerceExpr;
import org.lakepg.server.sql.plan.expr.ArrayExpr;
import org.lakepg.server.sql.plan.expr.BoundExpr;
import org.lakepg.server.sql.plan.expr.FuncExpr;
import org.lakepg.server.sql.plan.expr.InputRef;
import org.lakepg.server.sql.plan.expr.RelabelType;
import org.lakepg.server.table.ColumnInfo;
import org.lakepg.server.table.IndexInfo;
import org.lakepg.server.table.TableInfo;

/**
 * A condition a GIN index answers (match_clause_to_indexcol for GIN): {@code key op value} with one of the key
 * column's operator class operators, the key being the indexed column or expression and the value not depending on
 * the row; {@code value op key} counts with the commuted operator ({@code '{1}' <@ a} is {@code a @> '{1}'}).
 */
public record GinCondition(int position, String operator, BoundExpr value) {

    /** First OID of objects users create: operators below it are PostgreSQL's own. */
    private static final long FIRST_USER_OID = 16384;

    /** The conditions among {@code conjuncts} that {@code index} answers, each with the conjunct it came from. */
    public static List<Matched> of(List<BoundExpr> conjuncts, IndexInfo index, TableInfo table) {
        List<Matched> out = new ArrayList<>();
        if (!index.gin() || index.predicate() != null) {
            return out;
        }
        List<String> keys = keyTexts(index, table);
        long[] types = IndexExpressions.keyTypes(index, table);
        for (BoundExpr conjunct : conjuncts) {
            of(conjunct, index, table, keys, types).ifPresent(c -> out.add(new Matched(conjunct, c)));
        }
        return out;
    }

    /** A conjunct and the index condition it is. */
    public record Matched(BoundExpr conjunct, GinCondition condition) {}

    /** The condition {@code conjunct} is for {@code index}, if it is one. */
    public static Optional<GinCondition> of(BoundExpr conjunct, IndexInfo index, TableInfo table) {
        if (!index.gin()) {
            return Optional.empty();
        }
        return of(conjunct, index, table, keyTexts(index, table), IndexExpressions.keyTypes(index, table));
    }

    private static Optional<GinCondition> of(BoundExpr conjunct, IndexInfo index, TableInfo table, List<String> keys,
                                             long[] types) {
        if (!(conjunct instanceof FuncExpr f) || f.form() != FuncExpr.Form.OPERATOR || f.arguments().size() != 2
                || f.function() >= FIRST_USER_OID || !f.strict()) {
            return Optional.empty();
        }
        for (int side = 0; side < 2; side++) {
            String operator = side == 0 ? f.name() : commuted(f.name());
            BoundExpr value = f.arguments().get(1 - side);
            if (operator == null || dependsOnRow(value)) {
                continue;
            }
            int position = position(f.arguments().get(side), index, table, keys);
            if (position < 0 || !GinEntries.opclass(index, position, types[position]).supports(operator)
                    || !argumentFits(operator, types[position], value.type())) {
                continue;
            }
            return Optional.of(new GinCondition(position, operator, value));
        }
        return Optional.empty();
    }

    /** Whether a value may differ between rows: an ARRAY[...] of row-independent elements does not. */
    private static boolean dependsOnRow(BoundExpr e) {
        return switch (e) {
            case ArrayExpr a -> a.elements().stream().anyMatch(GinCondition::dependsOnRow);
            case ArrayCoerceExpr a -> dependsOnRow(a.argument());
            default -> IndexCondition.dependsOnRow(e);
        };
    }

    /** The operator with its sides swapped, or null when it has none among GIN's operators. */
    static String commuted(String operator) {
        return switch (operator) {
            case "@>" -> "<@";
            case "<@" -> "@>";
            case "&&", "=", "@@", "@@@" -> operator;
            default -> null;
        };
    }

    /** Whether the other side is of the type the opclass's operator takes (arrays of the key's type for array_ops). */
    private static boolean argumentFits(String operator, long keyType, long valueType) {
        return switch (operator) {
            case "?" -> valueType == org.lakepg.server.catalog.TypeOids.TEXT;
            case "?|", "?&" -> valueType == org.lakepg.server.catalog.TypeOids.TEXT_ARRAY;
            case "@?" -> valueType == org.lakepg.server.catalog.TypeOids.JSONPATH;
            case "@@", "@@@" -> keyType == GinOpclass.TSVECTOR ? valueType == GinOpclass.TSQUERY
                    : valueType == org.lakepg.server.catalog.TypeOids.JSONPATH;
            default -> valueType == keyType;
        };
    }

    /** The key position {@code e} is (the indexed column, or an expression deparsing to the indexed one), or -1. */
    private static int position(BoundExpr e, IndexInfo index, TableInfo table, List<String> keys) {
        BoundExpr bare = e;
        while (bare instanceof RelabelType r) {
            bare = r.argument();
        }
        for (int position = 0; position < index.columns().size(); position++) {
            short attnum = index.columns().get(position);
            if (attnum != 0 ? bare instanceof InputRef in && in.index() + 1 == attnum
                    : keys.get(position) != null && keys.get(position).equals(text(table, e))) {
                return position;
            }
        }
        return -1;
    }

    /** The deparsed text of each key expression (null for a plain column or one lakepg cannot bind alone). */
    private static List<String> keyTexts(IndexInfo index, TableInfo table) {
        List<String> out = new ArrayList<>();
        List<BoundExpr> bound;
        try {
            bound = index.expressions().isEmpty() ? null : IndexExpressions.of(index, table).keys();
        } catch (RuntimeException e) {
            bound = null;
        }
        for (int position = 0; position < index.columns().size(); position++) {
            out.add(bound == null || index.columns().get(position) != 0 ? null : text(table, bound.get(position)));
        }
        return out;
    }

    private static String text(TableInfo table, BoundExpr e) {
        try {
            return new ExpressionDeparser(table.columns().stream().map(ColumnInfo::name).toList(),
                    new BuiltinAnalyzerCatalog(), WireTypeIO.INSTANCE, IndexFunctionContext.INSTANCE).callOids().deparse(e);
        } catch (RuntimeException ex) {
            return null;
        }
    }
}
