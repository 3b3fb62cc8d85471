package org.lakepg.server.index;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.lakepg.server.sql.analyzer.DefaultExpressions;
import org.lakepg.server.sql.ast.ColumnRef;
import org.lakepg.server.sql.ast.Expr;
import org.lakepg.server.sql.ast.FuncCall;
import org.lakepg.server.sql.ast.TypeCast;
import org.lakepg.server.table.ColumnInfo;
import org.lakepg.server.table.IndexInfo;
import org.lakepg.server.table.TableInfo;

/**
 * The columns of an index as the catalogs show them (pg_attribute rows of the index, pg_index.indkey, the column
 * list of pg_get_indexdef): key columns then INCLUDE columns, each a table column or an expression, named as
 * PostgreSQL's ChooseIndexColumnNames names them ("lower", "expr", a repeated name numbered "expr1").
 */
public final class IndexColumns {
    /** A hash index stores the 32-bit hash code of its column (its opclasses' opckeytype). */
    private static final long HASH_CODE = org.lakepg.server.catalog.TypeOids.INT4;

    private IndexColumns() {}

    /** One index column: {@code attnum} 0 and {@code expression} (pg_get_expr's text) for an expression. */
    public record Column(String name, short attnum, String expression, long type, int typmod, boolean key,
                         long inputType) {}

    public static List<Column> of(IndexInfo index, TableInfo table) {
        List<Column> out = new ArrayList<>();
        Set<String> used = new HashSet<>();
        long[] keyTypes = index.expressions().isEmpty() ? null : IndexExpressions.keyTypes(index, table);
        int expression = 0;
        List<Short> all = index.allColumns();
        boolean hash = "hash".equals(index.method());
        for (int i = 0; i < all.size(); i++) {
            short attnum = all.get(i);
            boolean key = i < index.columns().size();
            if (attnum == 0) {
                String text = index.expressions().get(expression++);
                long stored = hash ? HASH_CODE : index.gin() ? ginKeyType(index, i, keyTypes[i]) : keyTypes[i];
                out.add(new Column(unique(used, figureName(text)), attnum, text, stored, -1, key, keyTypes[i]));
            } else {
                ColumnInfo c = table.columns().get(attnum - 1);
                long stored = hash ? HASH_CODE : index.gin() ? ginKeyType(index, i, c.type()) : c.type();
                out.add(new Column(unique(used, c.name()), attnum, null, stored, hash || stored != c.type() ? -1 : c.typmod(),
                        key, c.type()));
            }
        }
        return out;
    }

    /** The type a GIN column stores (opckeytype): text for jsonb_ops and tsvector_ops, int4 hashes for jsonb_path_ops, array elements. */
    private static long ginKeyType(IndexInfo index, int position, long type) {
        return switch (org.lakepg.server.index.gin.GinEntries.opclass(index, position, type)) {
            case JSONB_OPS, TSVECTOR_OPS -> org.lakepg.server.catalog.TypeOids.TEXT;
            case JSONB_PATH_OPS -> org.lakepg.server.catalog.TypeOids.INT4;
            case ARRAY_OPS -> new org.lakepg.server.sql.analyzer.BuiltinAnalyzerCatalog().type(type)
                    .map(org.lakepg.server.catalog.TypeEntry::elementType).orElse(type);
        };
    }

    private static String unique(Set<String> used, String name) {
        String candidate = name;
        for (int i = 1; !used.add(candidate); i++) {
            candidate = name + i;
        }
        return candidate;
    }

    /** FigureColname of an index expression: a function's name, a cast's type, else "expr". */
    public static String figureName(String expressionText) {
        try {
            return figureName(DefaultExpressions.parse(expressionText));
        } catch (RuntimeException e) {
            return "expr";
        }
    }

    public static String figureName(Expr e) {
        return switch (e) {
            case FuncCall f -> f.funcname().get(f.funcname().size() - 1);
            case ColumnRef c when !c.star() -> c.fields().get(c.fields().size() - 1);
            case TypeCast c -> {
                String inner = figureName(c.arg());
                yield inner.equals("expr") ? c.typeName().names().get(c.typeName().names().size() - 1) : inner;
            }
            default -> "expr";
        };
    }
}
