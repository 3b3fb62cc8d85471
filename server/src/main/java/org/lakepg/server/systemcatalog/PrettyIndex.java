package org.lakepg.server.systemcatalog;

import java.util.ArrayList;
import java.util.List;
import org.lakepg.server.exec.expr.WireTypeIO;
import org.lakepg.server.index.IndexExpressions;
import org.lakepg.server.sql.analyzer.BuiltinAnalyzerCatalog;
import org.lakepg.server.sql.deparse.ExpressionDeparser;
import org.lakepg.server.table.ColumnInfo;
import org.lakepg.server.table.IndexInfo;
import org.lakepg.server.table.TableInfo;

/**
 * An index whose expressions and predicate are in the pretty form (pg_get_indexdef(.., true), psql's \d):
 * the catalog keeps PostgreSQL's plain form, the pretty one is deparsed again from the bound expressions.
 */
public final class PrettyIndex {
    private PrettyIndex() {}

    /**
     * pg_get_expr(text, relation, true) for an index's expressions or predicate: their pretty form; any other
     * expression text as it is.
     */
    public static String prettyExpression(CatalogView catalog, String text, long relation) {
        var table = catalog.table(relation);
        if (table.isEmpty()) {
            return text;
        }
        for (IndexInfo index : catalog.indexes(relation)) {
            boolean predicate = text.equals(index.predicate());
            boolean expressions = !index.expressions().isEmpty() && text.equals(String.join(", ", index.expressions()));
            if (predicate || expressions) {
                IndexInfo pretty = of(index, table.get());
                return predicate ? pretty.predicate() : String.join(", ", pretty.expressions());
            }
        }
        return text;
    }

    public static IndexInfo of(IndexInfo index, TableInfo table) {
        if (index.plain()) {
            return index;
        }
        try {
            var bound = IndexExpressions.of(index, table);
            if (bound.callsUserFunctions()) {
                return index; // the deparser knows built-in functions only: a user function call prints as stored
            }
            ExpressionDeparser deparser = new ExpressionDeparser(table.columns().stream().map(ColumnInfo::name).toList(),
                    new BuiltinAnalyzerCatalog(), WireTypeIO.INSTANCE, org.lakepg.server.index.IndexFunctionContext.INSTANCE);
            List<String> expressions = new ArrayList<>();
            for (int i = 0; i < index.columns().size(); i++) {
                if (index.columns().get(i) == 0) {
                    expressions.add(deparser.deparsePretty(bound.keys().get(i)));
                }
            }
            String predicate = bound.predicate() == null ? null : deparser.deparsePretty(bound.predicate());
            return new IndexInfo(index.oid(), index.name(), index.tableOid(), index.relation(), index.unique(),
                    index.primary(), index.columns(), index.method(), index.include(), expressions, predicate);
        } catch (RuntimeException e) {
            return index; // an expression lakepg cannot bind on its own prints as stored
        }
    }
}
