package org.lakepg.server.sql.parser;

import java.util.ArrayList;
import java.util.List;
import org.lakepg.server.sql.ast.AConst;
import org.lakepg.server.sql.ast.CTECycleClause;
import org.lakepg.server.sql.ast.CTESearchClause;
import org.lakepg.server.sql.ast.ColumnRef;
import org.lakepg.server.sql.ast.CommonTableExpr;
import org.lakepg.server.sql.ast.Expr;
import org.lakepg.server.sql.ast.GroupingSet;
import org.lakepg.server.sql.ast.IntoClause;
import org.lakepg.server.sql.ast.LockingClause;
import org.lakepg.server.sql.ast.OnCommitAction;
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
abstract class SelectParser extends FromClauseParser {

    SelectParser(String sql, List<Token> tokens) {
        super(sql, tokens);
    }

    /** PreparableStmt inside WITH: SELECT, INSERT, UPDATE, DELETE (defined by the DML layer). */
    abstract Statement preparableStmt();

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
                // PostgreSQL's list_make1(NIL): one null element marks plain DISTINCT
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
        boolean outer = inTargetList;
        inTargetList = true;
        Expr e;
        try {
            e = aExpr();
        } finally {
            inTargetList = outer;
        }
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
        if (atSeq("grouping", "sets")) {
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
        // "WITH recursive AS" and "WITH recursive (cols) AS" name a CTE "recursive"
        boolean recursive = at("recursive") && !peek(1).isKeyword("as") && !peek(1).isPunct("(") && accept("recursive");
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

    static OnCommitAction noOnCommit() {
        return new OnCommitAction(OnCommitAction.Kind.NOOP);
    }
}
