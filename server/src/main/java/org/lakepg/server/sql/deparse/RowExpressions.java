package org.lakepg.server.sql.deparse;

import java.util.List;
import java.util.Optional;
import org.lakepg.server.exec.expr.WireTypeIO;
import org.lakepg.server.function.FunctionContext;
import org.lakepg.server.sql.analyzer.AnalyzerCatalog;
import org.lakepg.server.sql.analyzer.DeparseBinder;
import org.lakepg.server.sql.analyzer.DefaultExpressions;
import org.lakepg.server.sql.analyzer.Identifiers;
import org.lakepg.server.table.ColumnInfo;

/**
 * ruleutils' deparse_expression for an expression over one row, columns unqualified: a table's CHECK condition, or a
 * domain's CHECK over VALUE (pg_get_constraintdef, information_schema.check_constraints, psql's \d and \dD). lakepg
 * stores such conditions as written; PostgreSQL prints them analyzed, with implicit casts and its parentheses.
 */
public final class RowExpressions {
    private RowExpressions() {}

    /**
     * A condition over a table's columns; empty when it cannot be printed (the caller shows it as written).
     *
     * @param pretty PRETTYFLAG_PAREN (pg_get_constraintdef(oid, true)): parentheses only where precedence needs them
     */
    public static Optional<String> overTable(String condition, long tableOid, List<ColumnInfo> columns,
                                             AnalyzerCatalog catalog, FunctionContext context, boolean pretty) {
        return print(condition, tableOid, columns.stream().map(ColumnInfo::name).toList(),
                columns.stream().map(c -> new long[] {c.type(), c.typmod()}).toList(),
                columns.stream().map(c -> Identifiers.quoteIfNeeded(c.name())).toList(), catalog, context, pretty);
    }

    /** A domain's condition over VALUE of its base type, which prints as {@code VALUE}. */
    public static Optional<String> overDomainValue(String condition, long baseType, int baseTypmod,
                                                   AnalyzerCatalog catalog, FunctionContext context, boolean pretty) {
        return print(condition, 0, List.of("value"), List.<long[]>of(new long[] {baseType, baseTypmod}),
                List.of("VALUE"), catalog, context, pretty);
    }

    /** @param printed how each column prints, quoted as needed */
    private static Optional<String> print(String condition, long tableOid, List<String> names, List<long[]> types,
                                          List<String> printed, AnalyzerCatalog catalog, FunctionContext context,
                                          boolean pretty) {
        try {
            QueryDeparser queries = new QueryDeparser(catalog, WireTypeIO.INSTANCE, context, namespace -> "");
            DeparseBinder binder = new DeparseBinder(catalog, WireTypeIO.INSTANCE, context);
            QueryLevel level = new QueryLevel(binder, null, queries.columnText());
            String alias = "\u0001row";
            binder.addItem(alias, names, types, tableOid);
            for (int i = 0; i < names.size(); i++) {
                queries.columnText().put(binder.key(alias, names.get(i)), printed.get(i));
            }
            // pg_get_constraintdef indents in both forms (GET_PRETTY_FLAGS always sets PRETTYFLAG_INDENT)
            DeparseContext deparse = new DeparseContext(new StringBuilder(), pretty, true, 0, 0);
            // appended through the context, which turns its line-break marks (CASE's WHEN lines) into the breaks
            deparse.append(new ExprPrinter(queries, level, deparse).print(DefaultExpressions.parse(condition), false));
            String text = deparse.buf.toString();
            // a node the analyzer binds to one of lakepg's internal functions (a field selection ...) has no
            // PostgreSQL spelling here: the condition is then shown as written
            return text.contains("lakepg_") ? Optional.empty() : Optional.of(text);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
