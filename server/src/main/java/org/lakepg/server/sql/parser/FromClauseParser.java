package org.lakepg.server.sql.parser;

import java.util.ArrayList;
import java.util.List;
import org.lakepg.server.sql.ast.Alias;
import org.lakepg.server.sql.ast.ColumnDef;
import org.lakepg.server.sql.ast.Expr;
import org.lakepg.server.sql.ast.FromItem;
import org.lakepg.server.sql.ast.JoinExpr;
import org.lakepg.server.sql.ast.RangeFunction;
import org.lakepg.server.sql.ast.RangeFunctionItem;
import org.lakepg.server.sql.ast.RangeSubselect;
import org.lakepg.server.sql.ast.RangeTableFunc;
import org.lakepg.server.sql.ast.RangeTableSample;
import org.lakepg.server.sql.ast.RangeVar;
import org.lakepg.server.sql.ast.SelectStmt;
import org.lakepg.wire.error.PgException;
import org.lakepg.server.sql.ast.SelectStmt;

/** FROM items (gram.y's table_ref): relations with ONLY and aliases, subqueries, functions with ORDINALITY,
 * ROWS FROM and column definition lists, XMLTABLE, TABLESAMPLE, and joins of every kind with PostgreSQL's nesting. */
abstract class FromClauseParser extends SpecialFunctionParser {

    FromClauseParser(String sql, List<Token> tokens) {
        super(sql, tokens);
    }

    /** A column definition of a function's column list: ColId Typename [COLLATE ...]. */
    abstract ColumnDef tableFuncElement();

    final List<FromItem> fromList() {
        List<FromItem> items = new ArrayList<>();
        do {
            items.add(tableRef());
        } while (acceptPunct(","));
        return items;
    }

    final FromItem tableRef() {
        return joinLoop(tablePrimary(), false);
    }

    private boolean atJoinStart() {
        return at("join") || at("cross") || at("natural") || at("inner") || at("left") || at("right") || at("full");
    }

    /**
     * Joins to the right of {@code left}. Nested (the right side of a qualified join) it stops at an
     * ON/USING it cannot use, so "a JOIN b JOIN c ON x ON y" nests like PostgreSQL's grammar.
     */
    private FromItem joinLoop(FromItem left, boolean nested) {
        while (true) {
            if (atSeq("cross", "join")) {
                p += 2;
                FromItem right = tablePrimary();
                left = new JoinExpr(JoinExpr.JoinType.CROSS, false, left, right, List.of(), null, null, null);
                continue;
            }
            int save = p;
            int saveFurthest = furthest;
            boolean natural = accept("natural");
            JoinExpr.JoinType type = null;
            if (accept("inner")) {
                type = JoinExpr.JoinType.INNER;
            } else if (at("left") || at("right") || at("full")) {
                String w = next().value();
                accept("outer");
                type = switch (w) {
                    case "left" -> JoinExpr.JoinType.LEFT;
                    case "right" -> JoinExpr.JoinType.RIGHT;
                    default -> JoinExpr.JoinType.FULL;
                };
            }
            if (!at("join")) {
                if (natural || type != null) {
                    throw syntaxError();
                }
                p = save;
                furthest = saveFurthest;
                return left;
            }
            next();
            if (type == null) {
                type = JoinExpr.JoinType.INNER;
            }
            FromItem right = tablePrimary();
            if (!natural && atJoinStart()) {
                right = joinLoop(right, true);
            }
            if (natural) {
                left = new JoinExpr(type, true, left, right, List.of(), null, null, null);
            } else if (accept("using")) {
                List<String> cols = parenColIdList();
                Alias usingAlias = null;
                if (accept("as")) {
                    usingAlias = new Alias(colId(), List.of());
                }
                left = new JoinExpr(type, false, left, right, cols, usingAlias, null, null);
            } else {
                expect("on");
                left = new JoinExpr(type, false, left, right, List.of(), null, aExpr(), null);
            }
        }
    }

    private FromItem tablePrimary() {
        Token t = peek();
        boolean lateral = accept("lateral");
        if (atPunct("(")) {
            if (atParenthesizedQuery()) {
                int parenStart = pos();
                int save = p;
                int saveFurthest = furthest;
                boolean doubled = peek(1).isPunct("(");
                try {
                    SelectStmt sub = selectWithParens();
                    if (!doubled || !atJoinStart()) {
                        return new RangeSubselect(lateral, sub, subqueryAlias(parenStart, !sub.valuesLists().isEmpty()));
                    }
                } catch (PgException e) {
                    if (!doubled || lateral) {
                        throw e;
                    }
                }
                p = save;
                furthest = saveFurthest;
            }
            if (lateral) {
                throw syntaxError();
            }
            next();
            FromItem inner = tableRef();
            if (!(inner instanceof JoinExpr)) {
                throw syntaxError();
            }
            expectPunct(")");
            Alias alias = optAlias();
            if (inner instanceof JoinExpr j && alias != null) {
                return new JoinExpr(j.jointype(), j.isNatural(), j.larg(), j.rarg(), j.usingClause(), j.joinUsingAlias(),
                        j.quals(), alias);
            }
            if (alias != null) {
                throw syntaxError();
            }
            return inner;
        }
        if (atSeq("rows", "from")) {
            return rowsFrom(lateral, t.start());
        }
        if (at("xmltable") && peek(1).isPunct("(")) {
            return xmlTable(lateral);
        }
        if (atFunctionInFrom()) {
            Expr f = windowlessFunction();
            return functionTable(lateral, List.of(new RangeFunctionItem(f, List.of())), false);
        }
        if (lateral) {
            throw syntaxError();
        }
        if (isCategory(peek(), Keywords.Category.TYPE_FUNC_NAME) || at("cast")) {
            // CROSS, LEFT, TABLESAMPLE ...: only a function could start here, so the next token is wrong
            next();
            throw syntaxError();
        }
        RangeVar rel = relationExpr();
        Alias alias = optAlias();
        rel = new RangeVar(rel.catalogname(), rel.schemaname(), rel.relname(), rel.inh(), rel.relpersistence(), alias,
                rel.location());
        if (at("tablesample")) {
            int loc = next().start();
            List<String> method = funcName();
            expectPunct("(");
            List<Expr> args = exprList();
            expectPunct(")");
            Expr repeatable = null;
            if (accept("repeatable")) {
                expectPunct("(");
                repeatable = aExpr();
                expectPunct(")");
            }
            return new RangeTableSample(rel, method, args, repeatable, loc);
        }
        return rel;
    }

    /** func_name: type_function_name, or ColId followed by dotted labels. */
    final List<String> funcName() {
        List<String> names = new ArrayList<>();
        Token t = peek();
        if (!(isTypeFunctionName(t) || isColId(t))) {
            throw syntaxError();
        }
        names.add(next().value());
        while (acceptPunct(".")) {
            names.add(colLabel());
        }
        if (names.size() == 1 && !isTypeFunctionName(t)) {
            throw syntaxError();
        }
        return names;
    }

    private boolean atFunctionInFrom() {
        Token t = peek();
        if (t.kind() == TokenKind.KEYWORD) {
            switch (t.value()) {
                case "collation" -> {
                    return peek(1).isKeyword("for");
                }
                case "cast", "extract", "overlay", "position", "substring", "trim", "treat", "nullif", "coalesce",
                     "greatest", "least", "normalize", "xmlconcat", "xmlelement", "xmlexists", "xmlforest", "xmlparse",
                     "xmlpi", "xmlroot", "xmlserialize" -> {
                    return peek(1).isPunct("(");
                }
                case "current_date", "current_time", "current_timestamp", "localtime", "localtimestamp", "current_role",
                     "current_user", "session_user", "user", "current_catalog", "current_schema" -> {
                    return true;
                }
                default -> { }
            }
        }
        if (!(isColId(t) || isTypeFunctionName(t))) {
            return false;
        }
        if (isCategory(t, Keywords.Category.COL_NAME) && !peek(1).isPunct(".")) {
            return false;
        }
        int i = 1;
        while (peek(i).isPunct(".") && isColLabel(peek(i + 1))) {
            i += 2;
        }
        return peek(i).isPunct("(");
    }

    private FromItem rowsFrom(boolean lateral, int loc) {
        p += 2;
        expectPunct("(");
        List<RangeFunctionItem> items = new ArrayList<>();
        do {
            Expr f = windowlessFunction();
            List<ColumnDef> defs = List.of();
            if (accept("as")) {
                defs = columnDefList();
            }
            items.add(new RangeFunctionItem(f, defs));
        } while (acceptPunct(","));
        expectPunct(")");
        return functionTable(lateral, items, true);
    }

    private FromItem functionTable(boolean lateral, List<RangeFunctionItem> items, boolean rowsFrom) {
        boolean ordinality = false;
        if (at("with")) {
            if (!peek(1).isKeyword("ordinality")) {
                throw syntaxError();
            }
            p += 2;
            ordinality = true;
        }
        // func_alias_clause: alias_clause, or a column definition list with or without an alias
        Alias alias = null;
        List<ColumnDef> coldefs = List.of();
        boolean as = accept("as");
        if (as && atPunct("(")) {
            coldefs = columnDefList();
        } else if (isColId(peek()) && !(at("natural") || at("join")) || as) {
            String name = colId();
            List<String> cols = List.of();
            if (atPunct("(")) {
                if (isColDefListAhead()) {
                    coldefs = columnDefList();
                } else {
                    cols = parenColIdList();
                }
            }
            alias = new Alias(name, cols);
        }
        return new RangeFunction(lateral, ordinality, rowsFrom, items, alias, coldefs);
    }

    /** After '(' ColId: a name list continues with ',' or ')', a column definition with a type. */
    private boolean isColDefListAhead() {
        return !(peek(2).isPunct(",") || peek(2).isPunct(")"));
    }

    private List<ColumnDef> columnDefList() {
        expectPunct("(");
        List<ColumnDef> defs = new ArrayList<>();
        do {
            defs.add(tableFuncElement());
        } while (acceptPunct(","));
        expectPunct(")");
        return defs;
    }

    private FromItem xmlTable(boolean lateral) {
        int loc = next().start();
        expectPunct("(");
        if (at("xmlnamespaces")) {
            next();
            expectPunct("(");
            do {
                if (accept("default")) {
                    bExpr();
                } else {
                    bExpr();
                    expect("as");
                    colLabel();
                }
            } while (acceptPunct(","));
            expectPunct(")");
            expectPunct(",");
        }
        Expr row = expr(ExprParser.OP + 1, true);
        expect("passing");
        if (accept("by")) {
            if (!accept("ref")) {
                expect("value");
            }
        }
        Expr doc = expr(ExprParser.OP + 1, true);
        if (accept("by")) {
            if (!accept("ref")) {
                expect("value");
            }
        }
        expect("columns");
        List<ColumnDef> cols = new ArrayList<>();
        do {
            int cloc = pos();
            String name = colId();
            if (acceptSeq("for", "ordinality")) {
                cols.add(new ColumnDef(name, null, null, List.of(), null, null, List.of(), cloc));
                continue;
            }
            var type = typeName();
            while (!atPunct(",") && !atPunct(")")) {
                if (peek().kind() == TokenKind.IDENT) {
                    next();
                    bExpr();
                } else if (accept("default")) {
                    bExpr();
                } else if (acceptSeq("not", "null") || accept("null")) {
                    continue;
                } else {
                    throw syntaxError();
                }
            }
            cols.add(new ColumnDef(name, type, null, List.of(), null, null, List.of(), cloc));
        } while (acceptPunct(","));
        expectPunct(")");
        return new RangeTableFunc(lateral, row, doc, cols, optAlias(), loc);
    }

    /** PostgreSQL 15 requires an alias on a subquery in FROM. */
    private Alias subqueryAlias(int subqueryStart, boolean values) {
        Alias alias = optAlias();
        if (alias == null) {
            throw errorAt(org.lakepg.wire.error.SqlState.SYNTAX_ERROR, subqueryStart,
                    values ? "VALUES in FROM must have an alias" : "subquery in FROM must have an alias")
                    .withHint(values ? "For example, FROM (VALUES ...) [AS] foo." : "For example, FROM (SELECT ...) [AS] foo.");
        }
        return alias;
    }

    /** func_expr_windowless: a function call without OVER/FILTER/WITHIN GROUP, or a special-syntax function. */
    final Expr windowlessFunction() {
        if ((peek().kind() == TokenKind.IDENT || isCategory(peek(), Keywords.Category.UNRESERVED)
                || isCategory(peek(), Keywords.Category.TYPE_FUNC_NAME)) && !atSeq("collation", "for")) {
            int floc = pos();
            return functionCall(funcName(), floc, true);
        }
        Expr special = specialFunction();
        if (special == null) {
            throw syntaxError();
        }
        return special;
    }

    /** relation_expr: name, name *, ONLY name, ONLY (name). */
    final RangeVar relationExpr() {
        boolean inh = true;
        RangeVar rel;
        if (accept("only")) {
            inh = false;
            if (acceptPunct("(")) {
                rel = qualifiedName();
                expectPunct(")");
            } else {
                rel = qualifiedName();
            }
        } else {
            rel = qualifiedName();
            acceptOp("*");
        }
        return new RangeVar(rel.catalogname(), rel.schemaname(), rel.relname(), inh, 'p', null, rel.location());
    }

    /** opt_alias_clause: [AS] ColId [(names)]. */
    final Alias optAlias() {
        if (accept("as")) {
            String name = colId();
            return new Alias(name, atPunct("(") ? parenColIdList() : List.of());
        }
        if (isColId(peek())) {
            String name = next().value();
            return new Alias(name, atPunct("(") ? parenColIdList() : List.of());
        }
        return null;
    }
}
