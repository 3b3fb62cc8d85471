package org.lakepg.server.sql.parser;

import java.util.ArrayList;
import java.util.List;
import org.lakepg.server.sql.ast.Alias;
import org.lakepg.server.sql.ast.CurrentOfExpr;
import org.lakepg.server.sql.ast.DefElem;
import org.lakepg.server.sql.ast.DeleteStmt;
import org.lakepg.server.sql.ast.Expr;
import org.lakepg.server.sql.ast.FromItem;
import org.lakepg.server.sql.ast.IndexElem;
import org.lakepg.server.sql.ast.InferClause;
import org.lakepg.server.sql.ast.InsertStmt;
import org.lakepg.server.sql.ast.MergeStmt;
import org.lakepg.server.sql.ast.MergeWhenClause;
import org.lakepg.server.sql.ast.MultiAssignRef;
import org.lakepg.server.sql.ast.OnConflictClause;
import org.lakepg.server.sql.ast.RangeVar;
import org.lakepg.server.sql.ast.ResTarget;
import org.lakepg.server.sql.ast.RowExpr;
import org.lakepg.server.sql.ast.SelectStmt;
import org.lakepg.server.sql.ast.SortBy;
import org.lakepg.server.sql.ast.Statement;
import org.lakepg.server.sql.ast.SubLink;
import org.lakepg.server.sql.ast.UpdateStmt;
import org.lakepg.server.sql.ast.WithClause;

/** INSERT (ON CONFLICT, OVERRIDING, DEFAULT VALUES), UPDATE, DELETE, MERGE, all with WITH and RETURNING. */
abstract class DmlParser extends SelectParser {

    DmlParser(String sql, List<Token> tokens) {
        super(sql, tokens);
    }

    /** An index element (column, expression, collation, opclass, ordering): used by ON CONFLICT and CREATE INDEX. */
    abstract IndexElem indexElem();

    @Override
    final Statement preparableStmt() {
        WithClause with = at("with") ? withClause() : null;
        if (at("insert")) {
            return insertStmt(with);
        }
        if (at("update")) {
            return updateStmt(with);
        }
        if (at("delete")) {
            return deleteStmt(with);
        }
        if (with != null) {
            return withOnSelect(with);
        }
        return selectStatement();
    }

    /** The rest of a SELECT after a leading WITH clause has been consumed. */
    final SelectStmt withOnSelect(WithClause with) {
        SelectStmt s = selectNoParens();
        SelectBuilder b = SelectBuilder.from(s);
        if (b.withClause != null) {
            throw syntaxError();
        }
        b.withClause = with;
        return b.build();
    }

    /** A statement that may follow WITH: SELECT, INSERT, UPDATE, DELETE, MERGE. */
    final Statement statementAfterWith(WithClause with) {
        if (at("insert")) {
            return insertStmt(with);
        }
        if (at("update")) {
            return updateStmt(with);
        }
        if (at("delete")) {
            return deleteStmt(with);
        }
        if (at("merge")) {
            return mergeStmt(with);
        }
        return withOnSelect(with);
    }

    final InsertStmt insertStmt(WithClause with) {
        expect("insert");
        expect("into");
        RangeVar rel = qualifiedName();
        if (accept("as")) {
            rel = withAlias(rel, new Alias(colId(), List.of()));
        }
        List<ResTarget> cols = List.of();
        if (atPunct("(") && isColId(peek(1))) {
            next();
            cols = new ArrayList<>();
            do {
                int loc = pos();
                String name = colId();
                cols.add(new ResTarget(name, indirection(), null, loc));
            } while (acceptPunct(","));
            expectPunct(")");
        }
        InsertStmt.Overriding override = InsertStmt.Overriding.NOT_SET;
        if (accept("overriding")) {
            if (accept("user")) {
                override = InsertStmt.Overriding.USER_VALUE;
            } else {
                expect("system");
                override = InsertStmt.Overriding.SYSTEM_VALUE;
            }
            expect("value");
        }
        SelectStmt source = null;
        if (acceptSeq("default", "values")) {
            if (!cols.isEmpty()) {
                throw syntaxErrorAt(tokens.get(p - 2));
            }
        } else {
            source = selectStatement();
        }
        OnConflictClause onConflict = null;
        if (atSeq("on", "conflict")) {
            onConflict = onConflict();
        }
        return new InsertStmt(rel, cols, source, onConflict, returning(), with, override);
    }

    private OnConflictClause onConflict() {
        int loc = next().start();
        next();
        InferClause infer = null;
        if (atPunct("(")) {
            int iloc = next().start();
            List<IndexElem> elems = new ArrayList<>();
            do {
                elems.add(indexElem());
            } while (acceptPunct(","));
            expectPunct(")");
            Expr where = accept("where") ? aExpr() : null;
            infer = new InferClause(elems, where, null, iloc);
        } else if (atSeq("on", "constraint")) {
            int iloc = next().start();
            next();
            infer = new InferClause(List.of(), null, colId(), iloc);
        }
        expect("do");
        if (accept("nothing")) {
            return new OnConflictClause(OnConflictClause.Action.NOTHING, infer, List.of(), null, loc);
        }
        expect("update");
        expect("set");
        List<ResTarget> set = setClauseList();
        Expr where = accept("where") ? aExpr() : null;
        return new OnConflictClause(OnConflictClause.Action.UPDATE, infer, set, where, loc);
    }

    final List<ResTarget> returning() {
        if (accept("returning")) {
            return targetList();
        }
        return List.of();
    }

    /** set_clause_list: col[indirection] = expr, or (cols) = (exprs) / (subselect) / ROW(...). */
    final List<ResTarget> setClauseList() {
        List<ResTarget> targets = new ArrayList<>();
        do {
            if (atPunct("(")) {
                next();
                List<ResTarget> cols = new ArrayList<>();
                do {
                    int loc = pos();
                    String name = colId();
                    cols.add(new ResTarget(name, indirection(), null, loc));
                } while (acceptPunct(","));
                expectPunct(")");
                expectOp("=");
                Expr source = aExpr();
                int n = cols.size();
                for (int i = 0; i < n; i++) {
                    ResTarget c = cols.get(i);
                    Expr val = source;
                    if (source instanceof RowExpr r && r.args().size() == n && !(source instanceof SubLink)) {
                        val = r.args().get(i);
                    } else {
                        val = new MultiAssignRef(source, i + 1, n);
                    }
                    targets.add(new ResTarget(c.name(), c.indirection(), val, c.location()));
                }
            } else {
                int loc = pos();
                String name = colId();
                var ind = indirection();
                expectOp("=");
                targets.add(new ResTarget(name, ind, aExpr(), loc));
            }
        } while (acceptPunct(","));
        return targets;
    }

    final UpdateStmt updateStmt(WithClause with) {
        expect("update");
        RangeVar rel = relationExprOptAlias("set");
        expect("set");
        List<ResTarget> set = setClauseList();
        List<FromItem> from = accept("from") ? fromList() : List.of();
        Expr where = whereOrCurrentOf();
        return new UpdateStmt(rel, set, where, from, returning(), with);
    }

    final DeleteStmt deleteStmt(WithClause with) {
        expect("delete");
        expect("from");
        RangeVar rel = relationExprOptAlias(null);
        List<FromItem> using = accept("using") ? fromList() : List.of();
        Expr where = whereOrCurrentOf();
        return new DeleteStmt(rel, using, where, returning(), with);
    }

    private Expr whereOrCurrentOf() {
        if (!accept("where")) {
            return null;
        }
        if (acceptSeq("current", "of")) {
            return new CurrentOfExpr(colId());
        }
        return aExpr();
    }

    /** relation_expr_opt_alias: the alias may not be the keyword that follows (SET for UPDATE). */
    final RangeVar relationExprOptAlias(String stopWord) {
        RangeVar rel = relationExpr();
        if (accept("as")) {
            return withAlias(rel, new Alias(colId(), List.of()));
        }
        if (isColId(peek()) && (stopWord == null || !at(stopWord))) {
            return withAlias(rel, new Alias(next().value(), List.of()));
        }
        return rel;
    }

    static RangeVar withAlias(RangeVar rel, Alias alias) {
        return new RangeVar(rel.catalogname(), rel.schemaname(), rel.relname(), rel.inh(), rel.relpersistence(), alias,
                rel.location());
    }

    final MergeStmt mergeStmt(WithClause with) {
        expect("merge");
        expect("into");
        RangeVar rel = relationExprOptAlias("using");
        expect("using");
        FromItem source = tableRef();
        expect("on");
        Expr cond = aExpr();
        List<MergeWhenClause> whens = new ArrayList<>();
        while (accept("when")) {
            boolean matched = !accept("not");
            expect("matched");
            Expr and = accept("and") ? aExpr() : null;
            expect("then");
            if (matched) {
                if (accept("update")) {
                    expect("set");
                    whens.add(new MergeWhenClause(true, MergeWhenClause.CommandType.UPDATE, InsertStmt.Overriding.NOT_SET,
                            and, setClauseList(), List.of()));
                } else if (accept("delete")) {
                    whens.add(new MergeWhenClause(true, MergeWhenClause.CommandType.DELETE, InsertStmt.Overriding.NOT_SET,
                            and, List.of(), List.of()));
                } else {
                    expect("do");
                    expect("nothing");
                    whens.add(new MergeWhenClause(true, MergeWhenClause.CommandType.NOTHING,
                            InsertStmt.Overriding.NOT_SET, and, List.of(), List.of()));
                }
            } else {
                if (acceptSeq("do", "nothing")) {
                    whens.add(new MergeWhenClause(false, MergeWhenClause.CommandType.NOTHING,
                            InsertStmt.Overriding.NOT_SET, and, List.of(), List.of()));
                    continue;
                }
                expect("insert");
                List<ResTarget> cols = new ArrayList<>();
                if (acceptPunct("(")) {
                    do {
                        int loc = pos();
                        String name = colId();
                        cols.add(new ResTarget(name, indirection(), null, loc));
                    } while (acceptPunct(","));
                    expectPunct(")");
                }
                InsertStmt.Overriding override = InsertStmt.Overriding.NOT_SET;
                if (accept("overriding")) {
                    override = accept("user") ? InsertStmt.Overriding.USER_VALUE : InsertStmt.Overriding.SYSTEM_VALUE;
                    if (override == InsertStmt.Overriding.SYSTEM_VALUE) {
                        expect("system");
                    }
                    expect("value");
                }
                List<Expr> values = List.of();
                if (!acceptSeq("default", "values")) {
                    expect("values");
                    expectPunct("(");
                    values = exprList();
                    expectPunct(")");
                }
                whens.add(new MergeWhenClause(false, MergeWhenClause.CommandType.INSERT, override, and, cols, values));
            }
        }
        if (whens.isEmpty()) {
            throw syntaxError();
        }
        return new MergeStmt(rel, source, cond, whens, with);
    }

    /** CREATE INDEX / ON CONFLICT element: column, function call, or parenthesized expression. */
    final IndexElem indexElemDefault() {
        String name = null;
        Expr expr = null;
        if (atPunct("(")) {
            next();
            expr = aExpr();
            expectPunct(")");
        } else if (isColId(peek()) && !peek(1).isPunct("(") && !peek(1).isPunct(".")) {
            name = next().value();
        } else {
            expr = windowlessFunction();
        }
        List<String> collation = List.of();
        if (accept("collate")) {
            collation = anyName();
        }
        List<String> opclass = List.of();
        List<DefElem> opclassOpts = List.of();
        if (isColId(peek()) && !at("asc") && !at("desc")
                && !(at("nulls") && (peek(1).isKeyword("first") || peek(1).isKeyword("last")))) {
            opclass = anyName();
            if (atPunct("(")) {
                opclassOpts = relOptions();
            }
        }
        SortBy.SortDir dir = SortBy.SortDir.DEFAULT;
        if (accept("asc")) {
            dir = SortBy.SortDir.ASC;
        } else if (accept("desc")) {
            dir = SortBy.SortDir.DESC;
        }
        SortBy.SortNulls nulls = SortBy.SortNulls.DEFAULT;
        if (at("nulls") && (peek(1).isKeyword("first") || peek(1).isKeyword("last"))) {
            next();
            nulls = next().value().equals("first") ? SortBy.SortNulls.FIRST : SortBy.SortNulls.LAST;
        }
        return new IndexElem(name, expr, null, collation, opclass, opclassOpts, dir, nulls);
    }

    /** reloptions: '(' name [= value] [, ...] ')' where names may be qualified (toast.x). */
    abstract List<DefElem> relOptions();
}
