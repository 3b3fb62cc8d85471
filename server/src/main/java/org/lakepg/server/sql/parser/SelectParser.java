package org.lakepg.server.sql.parser;

import java.util.ArrayList;
import java.util.List;
import org.lakepg.server.sql.ast.AConst;
import org.lakepg.server.sql.ast.Alias;
import org.lakepg.server.sql.ast.CTECycleClause;
import org.lakepg.server.sql.ast.CTESearchClause;
import org.lakepg.server.sql.ast.ColumnDef;
import org.lakepg.server.sql.ast.ColumnRef;
import org.lakepg.server.sql.ast.CommonTableExpr;
import org.lakepg.server.sql.ast.Expr;
import org.lakepg.server.sql.ast.FromItem;
import org.lakepg.server.sql.ast.GroupingSet;
import org.lakepg.server.sql.ast.IntoClause;
import org.lakepg.server.sql.ast.JoinExpr;
import org.lakepg.server.sql.ast.LockingClause;
import org.lakepg.server.sql.ast.OnCommitAction;
import org.lakepg.server.sql.ast.RangeFunction;
import org.lakepg.server.sql.ast.RangeFunctionItem;
import org.lakepg.server.sql.ast.RangeSubselect;
import org.lakepg.server.sql.ast.RangeTableFunc;
import org.lakepg.server.sql.ast.RangeTableSample;
import org.lakepg.server.sql.ast.RangeVar;
import org.lakepg.server.sql.ast.ResTarget;
import org.lakepg.server.sql.ast.SelectStmt;
import org.lakepg.server.sql.ast.Statement;
import org.lakepg.server.sql.ast.WindowDef;
import org.lakepg.server.sql.ast.WithClause;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * SELECT in full (gram.y's select_no_parens and friends): set operations with INTERSECT binding
 * tighter than UNION/EXCEPT, VALUES, TABLE, WITH, FROM items and joins, GROUP BY with grouping
 * sets, WINDOW, ORDER BY, LIMIT/OFFSET/FETCH, and the locking clauses.
 */
abstract class SelectParser extends SpecialFunctionParser {

    SelectParser(String sql, List<Token> tokens) {
        super(sql, tokens);
    }

    /** PreparableStmt inside WITH: SELECT, INSERT, UPDATE, DELETE (defined by the DML layer). */
    abstract Statement preparableStmt();

    /** A column definition of a function's column list: ColId Typename [COLLATE ...]. */
    abstract ColumnDef tableFuncElement();

    @Override
    final boolean atParenthesizedQuery() {
        int i = 0;
        while (peek(i).isPunct("(")) {
            i++;
        }
        if (i == 0) {
            return false;
        }
        Token t = peek(i);
        return t.isKeyword("select") || t.isKeyword("values") || t.isKeyword("with") || t.isKeyword("table");
    }

    final boolean atSelectStart() {
        return at("select") || at("values") || at("with") || at("table") || atParenthesizedQuery();
    }

    @Override
    final SelectStmt selectWithParens() {
        expectPunct("(");
        SelectStmt s = selectNoParens();
        expectPunct(")");
        return s;
    }

    /** SelectStmt: a full query, with WITH, set operations, ORDER BY, LIMIT and locking. */
    final SelectStmt selectStatement() {
        return selectNoParens();
    }

    final SelectStmt selectNoParens() {
        WithClause with = null;
        if (at("with")) {
            with = withClause();
        }
        SelectStmt body = setOperation(0);
        return selectOptions(body, with);
    }

    /** Adds ORDER BY / LIMIT / OFFSET / FETCH / locking / WITH to a select clause, as insertSelectOptions does. */
    private SelectStmt selectOptions(SelectStmt body, WithClause with) {
        boolean any = with != null;
        SelectBuilder b = null;
        if (at("order")) {
            Token t = peek();
            b = SelectBuilder.from(body);
            if (!b.sortClause.isEmpty()) {
                throw errorAt(SqlState.SYNTAX_ERROR, t.start(), "multiple ORDER BY clauses not allowed");
            }
            b.sortClause = sortClause();
            any = true;
        }
        while (true) {
            if (at("limit") || at("offset") || at("fetch")) {
                if (b == null) {
                    b = SelectBuilder.from(body);
                }
                limitClause(b);
                any = true;
            } else if (at("for")) {
                if (b == null) {
                    b = SelectBuilder.from(body);
                }
                List<LockingClause> locks = new ArrayList<>(b.lockingClause);
                while (at("for")) {
                    if (peek(1).isKeyword("read") && peek(2).isKeyword("only")) {
                        p += 3;
                        continue;
                    }
                    locks.add(lockingClause());
                }
                b.lockingClause = locks;
                any = true;
            } else {
                break;
            }
        }
        if (!any) {
            return body;
        }
        if (b == null) {
            b = SelectBuilder.from(body);
        }
        if (with != null) {
            if (b.withClause != null) {
                throw errorAt(SqlState.SYNTAX_ERROR, with.location(), "multiple WITH clauses not allowed");
            }
            b.withClause = with;
        }
        if (b.limitOption == SelectStmt.LimitOption.WITH_TIES && b.sortClause.isEmpty()) {
            throw PgException.of(SqlState.SYNTAX_ERROR, "WITH TIES cannot be specified without ORDER BY clause");
        }
        return b.build();
    }

    private void limitClause(SelectBuilder b) {
        Token t = next();
        switch (t.value()) {
            case "limit" -> {
                if (b.limitCount != null) {
                    throw errorAt(SqlState.SYNTAX_ERROR, t.start(), "multiple LIMIT clauses not allowed");
                }
                if (accept("all")) {
                    b.limitCount = new AConst(AConst.Kind.NULL, "", t.start());
                } else {
                    b.limitCount = aExpr();
                }
                b.limitOption = SelectStmt.LimitOption.COUNT;
                if (atPunct(",")) {
                    throw PgException.of(SqlState.SYNTAX_ERROR, "LIMIT #,# syntax is not supported").withHint(
                            "Use separate LIMIT and OFFSET clauses.").withPosition(t.start() + 1);
                }
            }
            case "offset" -> {
                if (b.limitOffset != null) {
                    throw errorAt(SqlState.SYNTAX_ERROR, t.start(), "multiple OFFSET clauses not allowed");
                }
                b.limitOffset = fetchValue();
                if (!accept("row")) {
                    accept("rows");
                }
            }
            default -> {
                if (b.limitCount != null) {
                    throw errorAt(SqlState.SYNTAX_ERROR, t.start(), "multiple LIMIT clauses not allowed");
                }
                if (!accept("first")) {
                    expect("next");
                }
                if (at("row") || at("rows")) {
                    b.limitCount = new AConst(AConst.Kind.INTEGER, "1", -1);
                } else {
                    b.limitCount = fetchValue();
                }
                if (!accept("row")) {
                    expect("rows");
                }
                if (accept("only")) {
                    b.limitOption = SelectStmt.LimitOption.COUNT;
                } else {
                    expect("with");
                    expect("ties");
                    b.limitOption = SelectStmt.LimitOption.WITH_TIES;
                }
            }
        }
    }

    /** select_fetch_first_value / select_offset_value. */
    private Expr fetchValue() {
        if (atOp("+") || atOp("-")) {
            return expr(ExprParser.UMINUS, false);
        }
        return aExpr();
    }

    private LockingClause lockingClause() {
        expect("for");
        LockingClause.Strength strength;
        if (accept("update")) {
            strength = LockingClause.Strength.FOR_UPDATE;
        } else if (accept("share")) {
            strength = LockingClause.Strength.FOR_SHARE;
        } else if (accept("no")) {
            expect("key");
            expect("update");
            strength = LockingClause.Strength.FOR_NO_KEY_UPDATE;
        } else {
            expect("key");
            expect("share");
            strength = LockingClause.Strength.FOR_KEY_SHARE;
        }
        List<RangeVar> rels = new ArrayList<>();
        if (accept("of")) {
            do {
                rels.add(qualifiedName());
            } while (acceptPunct(","));
        }
        LockingClause.WaitPolicy wait = LockingClause.WaitPolicy.BLOCK;
        if (accept("nowait")) {
            wait = LockingClause.WaitPolicy.ERROR;
        } else if (acceptSeq("skip", "locked")) {
            wait = LockingClause.WaitPolicy.SKIP;
        }
        return new LockingClause(rels, strength, wait);
    }

    private SelectStmt setOperation(int minPrec) {
        SelectStmt left = selectPrimary();
        while (true) {
            int prec;
            if (at("union") || at("except")) {
                prec = 1;
            } else if (at("intersect")) {
                prec = 2;
            } else {
                return left;
            }
            if (prec < minPrec) {
                return left;
            }
            String op = next().value();
            boolean all = accept("all");
            if (!all) {
                accept("distinct");
            }
            SelectStmt right = setOperation(prec + 1);
            SelectBuilder b = new SelectBuilder();
            b.op = switch (op) {
                case "union" -> SelectStmt.SetOperation.UNION;
                case "intersect" -> SelectStmt.SetOperation.INTERSECT;
                default -> SelectStmt.SetOperation.EXCEPT;
            };
            b.all = all;
            b.larg = left;
            b.rarg = right;
            left = b.build();
        }
    }

    private SelectStmt selectPrimary() {
        if (atPunct("(")) {
            return selectWithParens();
        }
        if (at("select")) {
            return simpleSelect();
        }
        if (at("values")) {
            return valuesClause();
        }
        if (at("table")) {
            int loc = next().start();
            RangeVar rel = relationExpr();
            SelectBuilder b = new SelectBuilder();
            b.targetList = List.of(new ResTarget(null, List.of(), new ColumnRef(List.of(), true, loc), loc));
            b.fromClause = List.of(rel);
            return b.build();
        }
        throw syntaxError();
    }

    final SelectStmt valuesClause() {
        expect("values");
        List<List<Expr>> rows = new ArrayList<>();
        do {
            expectPunct("(");
            rows.add(exprList());
            expectPunct(")");
        } while (acceptPunct(","));
        SelectBuilder b = new SelectBuilder();
        b.valuesLists = rows;
        return b.build();
    }

    private SelectStmt simpleSelect() {
        expect("select");
        SelectBuilder b = new SelectBuilder();
        if (accept("distinct")) {
            if (accept("on")) {
                expectPunct("(");
                b.distinctClause = exprList();
                expectPunct(")");
            } else {
                List<Expr> marker = new ArrayList<>();
                marker.add(null);
                b.distinctClause = marker;
            }
        } else {
            accept("all");
        }
        if (b.distinctClause != null && atTargetListEnd()) {
            throw syntaxError();
        }
        if (!atTargetListEnd()) {
            b.targetList = targetList();
        }
        if (at("into")) {
            next();
            b.intoClause = intoTarget();
        }
        if (accept("from")) {
            b.fromClause = fromList();
        }
        if (accept("where")) {
            b.whereClause = aExpr();
        }
        if (at("group")) {
            next();
            expect("by");
            if (accept("distinct")) {
                b.groupDistinct = true;
            } else {
                accept("all");
            }
            b.groupClause = groupByList();
        }
        if (accept("having")) {
            b.havingClause = aExpr();
        }
        if (accept("window")) {
            List<WindowDef> windows = new ArrayList<>();
            do {
                String name = colId();
                expect("as");
                windows.add(windowSpecification(name));
            } while (acceptPunct(","));
            b.windowClause = windows;
        }
        return b.build();
    }

    private boolean atTargetListEnd() {
        Token t = peek();
        if (t.kind() == TokenKind.EOF) {
            return true;
        }
        if (t.kind() == TokenKind.PUNCT) {
            return t.value().equals(")") || t.value().equals(";");
        }
        if (t.kind() != TokenKind.KEYWORD) {
            return false;
        }
        return switch (t.value()) {
            case "from", "into", "where", "group", "having", "window", "union", "intersect", "except", "order", "limit",
                 "offset", "fetch", "for", "on", "returning" -> true;
            default -> false;
        };
    }

    final List<ResTarget> targetList() {
        List<ResTarget> list = new ArrayList<>();
        do {
            list.add(targetEl());
        } while (acceptPunct(","));
        return list;
    }

    private ResTarget targetEl() {
        int loc = pos();
        if (atOp("*")) {
            next();
            return new ResTarget(null, List.of(), new ColumnRef(List.of(), true, loc), loc);
        }
        Expr e = aExpr();
        String name = null;
        if (accept("as")) {
            name = colLabel();
        } else if (isBareColLabel(peek())) {
            name = next().value();
        }
        return new ResTarget(name, List.of(), e, loc);
    }

    final IntoClause intoTarget() {
        char persistence = optTempPersistence();
        accept("table");
        RangeVar rel = qualifiedName();
        rel = new RangeVar(rel.catalogname(), rel.schemaname(), rel.relname(), true, persistence, null, rel.location());
        return new IntoClause(rel, List.of(), null, List.of(), new OnCommitAction(OnCommitAction.Kind.NOOP), null, false);
    }

    /** OptTemp: TEMP/TEMPORARY/LOCAL TEMP/GLOBAL TEMP ('t'), UNLOGGED ('u') or nothing ('p'). */
    final char optTempPersistence() {
        if (accept("temp") || accept("temporary")) {
            return 't';
        }
        if ((at("local") || at("global")) && (peek(1).isKeyword("temp") || peek(1).isKeyword("temporary"))) {
            p += 2;
            return 't';
        }
        if (accept("unlogged")) {
            return 'u';
        }
        return 'p';
    }

    private List<Expr> groupByList() {
        List<Expr> items = new ArrayList<>();
        do {
            items.add(groupByItem());
        } while (acceptPunct(","));
        return items;
    }

    private Expr groupByItem() {
        int loc = pos();
        if (atPunct("(") && peek(1).isPunct(")")) {
            p += 2;
            return new GroupingSet(GroupingSet.Kind.EMPTY, List.of(), loc);
        }
        if ((at("cube") || at("rollup")) && peek(1).isPunct("(")) {
            boolean cube = next().value().equals("cube");
            next();
            List<Expr> content = exprList();
            expectPunct(")");
            return new GroupingSet(cube ? GroupingSet.Kind.CUBE : GroupingSet.Kind.ROLLUP, content, loc);
        }
        if (at("grouping") && peek(1).isKeyword("sets")) {
            p += 2;
            expectPunct("(");
            List<Expr> content = groupByList();
            expectPunct(")");
            return new GroupingSet(GroupingSet.Kind.SETS, content, loc);
        }
        return aExpr();
    }

    // ---- WITH ----

    final WithClause withClause() {
        int loc = expect("with").start();
        boolean recursive = accept("recursive");
        List<CommonTableExpr> ctes = new ArrayList<>();
        do {
            ctes.add(commonTableExpr());
        } while (acceptPunct(","));
        return new WithClause(ctes, recursive, loc);
    }

    private CommonTableExpr commonTableExpr() {
        int loc = pos();
        String name = colId();
        List<String> cols = atPunct("(") ? parenColIdList() : List.of();
        expect("as");
        CommonTableExpr.Materialized mat = CommonTableExpr.Materialized.DEFAULT;
        if (accept("materialized")) {
            mat = CommonTableExpr.Materialized.ALWAYS;
        } else if (acceptSeq("not", "materialized")) {
            mat = CommonTableExpr.Materialized.NEVER;
        }
        expectPunct("(");
        if (at("merge")) {
            throw errorAt(SqlState.FEATURE_NOT_SUPPORTED, pos(), "MERGE not supported in WITH query");
        }
        Statement query = preparableStmt();
        expectPunct(")");
        CTESearchClause search = null;
        if (at("search")) {
            int sloc = next().start();
            boolean breadth;
            if (accept("breadth")) {
                breadth = true;
            } else {
                expect("depth");
                breadth = false;
            }
            expect("first");
            expect("by");
            List<String> by = colIdList();
            expect("set");
            search = new CTESearchClause(by, breadth, colId(), sloc);
        }
        CTECycleClause cycle = null;
        if (at("cycle")) {
            int cloc = next().start();
            List<String> cols2 = colIdList();
            expect("set");
            String mark = colId();
            Expr markValue = null;
            Expr markDefault = null;
            if (accept("to")) {
                markValue = aExprConst();
                expect("default");
                markDefault = aExprConst();
            }
            expect("using");
            cycle = new CTECycleClause(cols2, mark, markValue, markDefault, colId(), cloc);
        }
        return new CommonTableExpr(name, cols, mat, query, search, cycle, loc);
    }

    private Expr aExprConst() {
        return primary();
    }

    // ---- FROM ----

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
            if (at("cross") && peek(1).isKeyword("join")) {
                p += 2;
                FromItem right = tablePrimary();
                left = new JoinExpr(JoinExpr.JoinType.CROSS, false, left, right, List.of(), null, null, null);
                continue;
            }
            int save = p;
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
                p = save;
                if (natural || type != null) {
                    throw syntaxError();
                }
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
                int save = p;
                boolean doubled = peek(1).isPunct("(");
                try {
                    SelectStmt sub = selectWithParens();
                    if (!doubled || !atJoinStart()) {
                        return new RangeSubselect(lateral, sub, optAlias());
                    }
                } catch (PgException e) {
                    if (!doubled || lateral) {
                        throw e;
                    }
                }
                p = save;
            }
            if (lateral) {
                throw syntaxError();
            }
            next();
            FromItem inner = tableRef();
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
        if (at("rows") && peek(1).isKeyword("from")) {
            return rowsFrom(lateral, t.start());
        }
        if (at("xmltable") && peek(1).isPunct("(")) {
            return xmlTable(lateral);
        }
        if (atFunctionInFrom()) {
            Expr f;
            if ((peek().kind() == TokenKind.IDENT || isCategory(peek(), Keywords.Category.UNRESERVED)
                    || isCategory(peek(), Keywords.Category.TYPE_FUNC_NAME)) && !(at("collation") && peek(1).isKeyword("for"))) {
                // func_expr_windowless: no OVER/FILTER/WITHIN GROUP on a function in FROM
                int floc = pos();
                f = functionCall(funcName(), floc, true);
            } else {
                f = primary();
            }
            return functionTable(lateral, List.of(new RangeFunctionItem(f, List.of())), false);
        }
        if (lateral) {
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
        while (atPunct(".") && isColLabel(peek(1))) {
            p++;
            names.add(next().value());
        }
        if (names.size() == 1 && !isTypeFunctionName(t)) {
            throw syntaxErrorAt(t);
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
            Expr f = primary();
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
        if (at("with") && peek(1).isKeyword("ordinality")) {
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

    static OnCommitAction noOnCommit() {
        return new OnCommitAction(OnCommitAction.Kind.NOOP);
    }
}
