package org.lakepg.server.sql.deparse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;
import org.lakepg.server.catalog.TypeOids;
import org.lakepg.server.exec.expr.TypeIO;
import org.lakepg.server.function.FunctionContext;
import org.lakepg.server.sql.analyzer.AnalyzerCatalog;
import org.lakepg.server.sql.analyzer.ColumnNames;
import org.lakepg.server.sql.analyzer.DeparseBinder;
import org.lakepg.server.sql.analyzer.Identifiers;
import org.lakepg.server.sql.ast.AConst;
import org.lakepg.server.sql.ast.ColumnRef;
import org.lakepg.server.sql.ast.CommonTableExpr;
import org.lakepg.server.sql.ast.Expr;
import org.lakepg.server.sql.ast.FuncCall;
import org.lakepg.server.sql.ast.LockingClause;
import org.lakepg.server.sql.ast.RangeVar;
import org.lakepg.server.sql.ast.ResTarget;
import org.lakepg.server.sql.ast.SelectStmt;
import org.lakepg.server.sql.ast.SortBy;
import org.lakepg.server.sql.ast.SubLink;
import org.lakepg.server.sql.ast.WithClause;
import org.lakepg.server.sql.plan.expr.BoundExpr;

/**
 * PostgreSQL's get_query_def for SELECT (ruleutils.c), over the syntax tree of a view's query with every name
 * resolved against the catalog: the text pg_get_viewdef and pg_get_ruledef show, in the plain or the pretty layout.
 * Throws {@link UnsupportedOperationException} (or the analyzer's error) for a shape it cannot print.
 */
public final class QueryDeparser {
    private final AnalyzerCatalog catalog;
    private final TypeIO io;
    private final FunctionContext functions;
    private final LongFunction<String> schemaNames;
    private final Map<String, String> columnText = new HashMap<>();
    private Renames renames = Renames.NONE;
    /** The search path names are shown against when it differs from the one they resolve along (null: the same). */
    private List<Long> displayPath;

    /** @param schemaNames the name of a namespace (printed before a relation the search path does not find) */
    public QueryDeparser(AnalyzerCatalog catalog, TypeIO io, FunctionContext functions,
                         LongFunction<String> schemaNames) {
        this.catalog = catalog;
        this.io = io;
        this.functions = functions;
        this.schemaNames = schemaNames;
    }

    /** Prints the names {@code renames} gives instead of the catalog's (see {@link Renames}). */
    public QueryDeparser withRenames(Renames renames) {
        this.renames = renames;
        return this;
    }

    Renames renames() {
        return renames;
    }

    /**
     * Names resolve along the catalog's current path (a view's own, as stored) but are qualified unless
     * {@code schemas}, the session's search path, finds them: what pg_dump's empty search_path needs.
     */
    public QueryDeparser shownAlong(List<Long> schemas) {
        this.displayPath = schemas;
        return this;
    }

    /** Whether a lookup by unqualified name finds the object under the path names are shown against. */
    boolean visible(java.util.function.BooleanSupplier lookup) {
        return displayPath == null ? lookup.getAsBoolean()
                : catalog.withSearchPath(displayPath, lookup::getAsBoolean);
    }

    /**
     * A view's definition: the query named by the view's columns, then ';'.
     *
     * @param pretty PRETTYFLAG_PAREN (pg_get_viewdef(v, true)); both layouts indent
     * @param wrapColumn wrap the select list and FROM list past this column (0: every entry on its own line)
     */
    public String view(SelectStmt query, List<String> columnNames, boolean pretty, int wrapColumn) {
        DeparseContext context = new DeparseContext(new StringBuilder(), pretty, true, wrapColumn, 0);
        query(query, context, null, columnNames, true);
        return context.buf.append(';').toString();
    }

    /**
     * pg_get_ruledef's text of a rule on {@code table}: the ON clause names the table schema-qualified, or in the
     * pretty form only when the search path does not find it.
     */
    public String rule(org.lakepg.server.sql.ast.RuleStmt rule, long relation, String relname, long namespace,
                       List<org.lakepg.server.table.ColumnInfo> columns, boolean pretty) {
        boolean visible = visible(() -> catalog.table(List.of(relname)).map(t -> t.oid() == relation)
                .or(() -> catalog.view(List.of(relname)).map(v -> v.oid() == relation)).orElse(false));
        String name = (pretty && visible ? "" : Identifiers.quoteIfNeeded(schemaName(namespace)) + ".")
                + Identifiers.quoteIfNeeded(relname);
        QueryLevel root = new QueryLevel(new DeparseBinder(catalog, io, functions), null, columnText);
        return new RulePrinter(this, root).ruleDef(rule, columns.stream()
                .map(c -> new QueryLevel.Column(c.name(), c.type(), c.typmod())).toList(), name, pretty);
    }

    /** How each bound column reference prints, by its binder key (shared by all levels of one deparse). */
    Map<String, String> columnText() {
        return columnText;
    }

    String schemaName(long namespace) {
        return schemaNames.apply(namespace);
    }

    /** The columns of a composite type (a function in FROM returning rows of it); empty for other types. */
    List<QueryLevel.Column> compositeColumns(long type) {
        return catalog.userType(type).filter(t -> t instanceof org.lakepg.server.catalog.types.UserType.Composite)
                .map(t -> ((org.lakepg.server.catalog.types.UserType.Composite) t).attributes().stream()
                        .map(a -> new QueryLevel.Column(a.name(), a.type(), a.typmod())).toList())
                .orElseGet(() -> catalog.tableByOid(tableOfRowType(type)).map(t -> t.columns().stream()
                        .map(c -> new QueryLevel.Column(c.name(), c.type(), c.typmod())).toList()).orElse(List.of()));
    }

    private long tableOfRowType(long type) {
        return catalog.type(type).map(org.lakepg.server.catalog.TypeEntry::relationOid).orElse(0L);
    }

    ExpressionDeparser boundDeparser(DeparseContext context) {
        return new ExpressionDeparser(List.of(), catalog, io, functions).prettyAlways(context.prettyParen)
                .layout(context.prettyIndent ? context::keywordText : null)
                .columnNames(in -> columnText.getOrDefault(in.name(), Identifiers.quoteIfNeeded(in.name())))
                .functionNames(this::functionName);
    }

    /** generate_function_name: a user function is schema-qualified unless the search path finds it by its name. */
    private String functionName(org.lakepg.server.sql.plan.expr.FuncExpr f) {
        String name = Identifiers.quoteIfNeeded(f.name());
        var proc = f.function() >= org.lakepg.server.catalog.types.UserTypes.FIRST_USER_OID
                ? catalog.function(f.function()) : java.util.Optional.<org.lakepg.server.catalog.ProcEntry>empty();
        if (proc.isEmpty() || visible(() -> catalog.functions(List.of(proc.get().name())).stream().findFirst()
                .map(p -> p.namespace() == proc.get().namespace()).orElse(false))) {
            return name;
        }
        return Identifiers.quoteIfNeeded(schemaName(proc.get().namespace())) + "." + name;
    }

    /**
     * get_query_def: prints a SELECT into the context's buffer at its indentation; returns its output columns.
     *
     * @param resultNames the view's column names (AS decides on them), or null
     * @param colNamesVisible whether output names matter (false in a sublink and a set operation's right arm)
     */
    List<QueryLevel.Column> query(SelectStmt s, DeparseContext context, QueryLevel outer, List<String> resultNames,
                                  boolean colNamesVisible) {
        QueryLevel level = outer == null ? new QueryLevel(new DeparseBinder(catalog, io, functions), null, columnText)
                : outer.nested();
        level.assignNames(s.fromClause(), outer == null ? java.util.Set.of("old", "new") : java.util.Set.of());
        if (s.withClause() != null) {
            withClause(s.withClause(), context, level);
        }
        List<QueryLevel.Column> columns;
        ExprPrinter printer = new ExprPrinter(this, level, context);
        boolean setOperation = s.op() != SelectStmt.SetOperation.NONE;
        if (setOperation) {
            columns = setOperation(s, context, level, resultNames, colNamesVisible);
        } else if (s.valuesLists() != null && !s.valuesLists().isEmpty()) {
            columns = values(s, context, level);
        } else {
            columns = new SelectPrinter(this, level, context).basicSelect(s, resultNames, colNamesVisible);
        }
        if (s.sortClause() != null && !s.sortClause().isEmpty()) {
            context.keyword(" ORDER BY ", -DeparseContext.INDENT_STD, DeparseContext.INDENT_STD, 1);
            List<SortBy> keys = new ArrayList<>();
            for (SortBy by : s.sortClause()) {
                Expr key = setOperation ? columnNumber(by.node(), columns) : level.targetReference(by.node(), true);
                keys.add(new SortBy(key, by.dir(), by.nulls(), by.useOp(), by.location()));
            }
            context.append(printer.orderBy(keys, setOperation));
        }
        limit(s, context, printer);
        locking(s, context, level);
        return columns;
    }

    /** A set operation's ORDER BY key as the output column's number. */
    private static Expr columnNumber(Expr key, List<QueryLevel.Column> columns) {
        if (key instanceof ColumnRef c && !c.star()) {
            String name = c.fields().get(c.fields().size() - 1);
            for (int i = 0; i < columns.size(); i++) {
                if (columns.get(i).name().equals(name)) {
                    return new AConst(AConst.Kind.INTEGER, Integer.toString(i + 1), -1);
                }
            }
        }
        if (key instanceof AConst) {
            return key;
        }
        throw new UnsupportedOperationException("ORDER BY expression over a set operation");
    }

    private void limit(SelectStmt s, DeparseContext context, ExprPrinter printer) {
        if (s.limitOffset() != null) {
            context.keyword(" OFFSET ", -DeparseContext.INDENT_STD, DeparseContext.INDENT_STD, 0);
            context.append(printer.print(s.limitOffset(), false));
        }
        if (s.limitCount() != null) {
            if (s.limitOption() == SelectStmt.LimitOption.WITH_TIES) {
                context.keyword(" FETCH FIRST ", -DeparseContext.INDENT_STD, DeparseContext.INDENT_STD, 0);
                context.append(printer.print(s.limitCount(), false)).append(" ROWS WITH TIES");
            } else {
                context.keyword(" LIMIT ", -DeparseContext.INDENT_STD, DeparseContext.INDENT_STD, 0);
                boolean all = s.limitCount() instanceof AConst c && c.kind() == AConst.Kind.NULL;
                context.append(all ? "ALL" : printer.print(s.limitCount(), false));
            }
        }
    }

    /** FOR UPDATE and friends, one clause per locked relation (all of FROM's when none is named). */
    private void locking(SelectStmt s, DeparseContext context, QueryLevel level) {
        if (s.lockingClause() == null) {
            return;
        }
        for (LockingClause lock : s.lockingClause()) {
            String strength = switch (lock.strength()) {
                case FOR_KEY_SHARE -> " FOR KEY SHARE";
                case FOR_SHARE -> " FOR SHARE";
                case FOR_NO_KEY_UPDATE -> " FOR NO KEY UPDATE";
                case FOR_UPDATE -> " FOR UPDATE";
            };
            List<String> names = lock.lockedRels() == null || lock.lockedRels().isEmpty()
                    ? level.items.stream().map(QueryLevel.Item::refname).toList()
                    : lock.lockedRels().stream().map(RangeVar::relname).toList();
            for (String name : names) {
                context.keyword(strength, -DeparseContext.INDENT_STD, DeparseContext.INDENT_STD, 0);
                context.append(" OF ").append(Identifiers.quoteIfNeeded(name));
                if (lock.waitPolicy() == LockingClause.WaitPolicy.ERROR) {
                    context.append(" NOWAIT");
                } else if (lock.waitPolicy() == LockingClause.WaitPolicy.SKIP) {
                    context.append(" SKIP LOCKED");
                }
            }
        }
    }

    /** get_setop_query: arms joined by UNION/INTERSECT/EXCEPT [ALL], parenthesised where the operator changes. */
    private List<QueryLevel.Column> setOperation(SelectStmt s, DeparseContext context, QueryLevel level,
                                                 List<String> resultNames, boolean colNamesVisible) {
        if (s.op() == SelectStmt.SetOperation.NONE) {
            return arm(s, context, level, resultNames, colNamesVisible);
        }
        boolean paren = isSetOperation(s.larg()) && !(s.larg().op() == s.op() && s.larg().all() == s.all());
        int subindent = 0;
        if (paren) {
            context.append("(");
            subindent = DeparseContext.INDENT_STD;
            context.keyword("", subindent, 0, 0);
        }
        List<QueryLevel.Column> columns = arm(s.larg(), context, level, resultNames, colNamesVisible);
        if (paren) {
            context.keyword(") ", -subindent, 0, 0);
        } else if (context.prettyIndent) {
            context.keyword("", 0, 0, 0);
        } else {
            context.append(" ");
        }
        context.append(s.op().name() + " ").append(s.all() ? "ALL " : "");
        paren = isSetOperation(s.rarg());
        subindent = 0;
        if (paren) {
            context.append("(");
            subindent = DeparseContext.INDENT_STD;
        }
        context.keyword("", subindent, 0, 0);
        arm(s.rarg(), context, level, resultNames, false);
        if (context.prettyIndent) {
            context.indentLevel -= subindent;
        }
        if (paren) {
            context.keyword(")", 0, 0, 0);
        }
        return columns;
    }

    private static boolean isSetOperation(SelectStmt s) {
        return s.op() != SelectStmt.SetOperation.NONE && !leafWithClauses(s);
    }

    /** A leaf needs parentheses for its own WITH, ORDER BY, FOR UPDATE or LIMIT. */
    private static boolean leafWithClauses(SelectStmt s) {
        return s.withClause() != null || s.sortClause() != null && !s.sortClause().isEmpty()
                || s.lockingClause() != null && !s.lockingClause().isEmpty() || s.limitCount() != null
                || s.limitOffset() != null;
    }

    private List<QueryLevel.Column> arm(SelectStmt s, DeparseContext context, QueryLevel level,
                                        List<String> resultNames, boolean colNamesVisible) {
        if (s.op() != SelectStmt.SetOperation.NONE && !leafWithClauses(s)) {
            return setOperation(s, context, level, resultNames, colNamesVisible);
        }
        boolean paren = leafWithClauses(s);
        if (paren) {
            context.append("(");
        }
        DeparseContext inner = context.nested();
        List<QueryLevel.Column> columns = query(s, inner, level, resultNames, colNamesVisible);
        if (paren) {
            context.append(")");
        }
        return columns;
    }

    /** A bare VALUES list (get_values_def), each column's values brought to their common type. */
    private List<QueryLevel.Column> values(SelectStmt s, DeparseContext context, QueryLevel level) {
        if (context.prettyIndent) {
            context.indentLevel += DeparseContext.INDENT_STD;
            context.append(" ");
        }
        int width = s.valuesLists().get(0).size();
        List<List<BoundExpr>> rows = new ArrayList<>();
        for (List<Expr> row : s.valuesLists()) {
            rows.add(row.stream().map(level.binder::bind).toList());
        }
        List<QueryLevel.Column> columns = new ArrayList<>();
        long[] types = new long[width];
        for (int c = 0; c < width; c++) {
            int column = c;
            long type = level.binder.commonType(rows.stream().map(r -> r.get(column)).toList());
            types[c] = type == TypeOids.UNKNOWN ? TypeOids.TEXT : type;
            columns.add(new QueryLevel.Column("column" + (c + 1), types[c], -1));
        }
        ExpressionDeparser deparser = boundDeparser(context);
        context.append("VALUES ");
        for (int r = 0; r < rows.size(); r++) {
            context.append(r == 0 ? "(" : ", (");
            for (int c = 0; c < width; c++) {
                BoundExpr value = rows.get(r).get(c);
                // an untyped literal takes the column's type; other values keep theirs (the cast is implicit)
                if (value.type() == TypeOids.UNKNOWN && types[c] != TypeOids.UNKNOWN) {
                    value = level.binder.coerce(value, types[c]);
                }
                context.append(c == 0 ? "" : ",").append(deparser.deparse(value, false, context.prettyParen));
            }
            context.append(")");
        }
        return columns;
    }

    /** get_with_clause. */
    private void withClause(WithClause with, DeparseContext context, QueryLevel level) {
        if (context.prettyIndent) {
            context.indentLevel += DeparseContext.INDENT_STD;
            context.append(" ");
        }
        String separator = with.recursive() ? "WITH RECURSIVE " : "WITH ";
        for (CommonTableExpr cte : with.ctes()) {
            if (!(cte.ctequery() instanceof SelectStmt query)) {
                throw new UnsupportedOperationException("data-modifying WITH");
            }
            context.append(separator).append(Identifiers.quoteIfNeeded(cte.ctename()));
            if (cte.aliascolnames() != null && !cte.aliascolnames().isEmpty()) {
                context.append("(").append(String.join(", ", cte.aliascolnames().stream()
                        .map(Identifiers::quoteIfNeeded).toList())).append(")");
            }
            context.append(" AS ").append(switch (cte.ctematerialized()) {
                case DEFAULT -> "";
                case ALWAYS -> "MATERIALIZED ";
                case NEVER -> "NOT MATERIALIZED ";
            }).append("(");
            if (context.prettyIndent) {
                context.keyword("", 0, 0, 0);
            }
            if (with.recursive() && query.op() != SelectStmt.SetOperation.NONE) {
                // the recursive arm names the CTE itself: its columns are the non-recursive arm's
                DeparseContext scratch = new DeparseContext(new StringBuilder(), context.prettyParen,
                        context.prettyIndent, context.wrapColumn, context.indentLevel);
                level.ctes.put(cte.ctename(), cteColumns(cte, query(query.larg(), scratch, level, null, true)));
            }
            level.ctes.put(cte.ctename(), cteColumns(cte, query(query, context.nested(), level, null, true)));
            if (context.prettyIndent) {
                context.keyword("", 0, 0, 0);
            }
            context.append(")");
            searchAndCycle(cte, context, level);
            separator = ", ";
        }
        if (context.prettyIndent) {
            context.indentLevel -= DeparseContext.INDENT_STD;
            context.keyword("", 0, 0, 0);
        } else {
            context.append(" ");
        }
    }

    private static List<QueryLevel.Column> cteColumns(CommonTableExpr cte, List<QueryLevel.Column> columns) {
        List<QueryLevel.Column> out = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            QueryLevel.Column c = columns.get(i);
            boolean renamed = cte.aliascolnames() != null && i < cte.aliascolnames().size();
            out.add(renamed ? new QueryLevel.Column(cte.aliascolnames().get(i), c.type(), c.typmod()) : c);
        }
        if (cte.searchClause() != null) {
            out.add(new QueryLevel.Column(cte.searchClause().searchSeqColumn(), TypeOids.RECORD, -1));
        }
        if (cte.cycleClause() != null) {
            out.add(new QueryLevel.Column(cte.cycleClause().cycleMarkColumn(), TypeOids.BOOL, -1));
            out.add(new QueryLevel.Column(cte.cycleClause().cyclePathColumn(), TypeOids.RECORD, -1));
        }
        return out;
    }

    private void searchAndCycle(CommonTableExpr cte, DeparseContext context, QueryLevel level) {
        if (cte.searchClause() != null) {
            var search = cte.searchClause();
            context.append(" SEARCH ").append(search.searchBreadthFirst() ? "BREADTH" : "DEPTH").append(" FIRST BY ")
                    .append(String.join(", ", search.searchColList().stream().map(Identifiers::quoteIfNeeded).toList()))
                    .append(" SET ").append(Identifiers.quoteIfNeeded(search.searchSeqColumn()));
        }
        if (cte.cycleClause() != null) {
            var cycle = cte.cycleClause();
            context.append(" CYCLE ").append(String.join(", ", cycle.cycleColList().stream()
                    .map(Identifiers::quoteIfNeeded).toList())).append(" SET ")
                    .append(Identifiers.quoteIfNeeded(cycle.cycleMarkColumn()));
            if (cycle.cycleMarkValue() != null && !(booleanConstant(cycle.cycleMarkValue(), "t")
                    && booleanConstant(cycle.cycleMarkDefault(), "f"))) {
                ExpressionDeparser deparser = boundDeparser(context);
                BoundExpr value = level.binder.bind(cycle.cycleMarkValue());
                BoundExpr otherwise = level.binder.bind(cycle.cycleMarkDefault());
                long type = level.binder.commonType(List.of(value, otherwise));
                type = type == TypeOids.UNKNOWN ? TypeOids.TEXT : type;
                context.append(" TO ").append(deparser.deparse(level.binder.coerce(value, type), false, context.prettyParen))
                        .append(" DEFAULT ").append(deparser.deparse(level.binder.coerce(otherwise, type), false,
                                context.prettyParen));
            }
            context.append(" USING ").append(Identifiers.quoteIfNeeded(cycle.cyclePathColumn()));
        }
    }

    private static boolean booleanConstant(Expr e, String value) {
        return e instanceof AConst c && c.kind() == AConst.Kind.BOOLEAN
                && c.value().toLowerCase(java.util.Locale.ROOT).startsWith(value);
    }

    /** The type of a select-list entry (for the columns a subquery or CTE provides). */
    static QueryLevel.Column outputColumn(QueryLevel level, Expr e, String name) {
        try {
            BoundExpr b = level.binder.bind(e);
            return new QueryLevel.Column(name, b.type() == TypeOids.UNKNOWN ? TypeOids.TEXT : b.type(), b.typmod());
        } catch (RuntimeException notBindable) {
            long type = switch (e) {
                case FuncCall f -> level.binder.callType(f);
                case SubLink s when s.kind() != SubLink.Kind.EXPR && s.kind() != SubLink.Kind.ARRAY -> TypeOids.BOOL;
                default -> 0;
            };
            return new QueryLevel.Column(name, type == 0 ? TypeOids.TEXT : type, -1);
        }
    }

    static String figure(ResTarget t) {
        return t.name() != null ? t.name() : ColumnNames.figure(t.val());
    }
}
