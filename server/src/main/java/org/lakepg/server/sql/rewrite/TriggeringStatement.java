package org.lakepg.server.sql.rewrite;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.lakepg.server.sql.ast.AConst;
import org.lakepg.server.sql.ast.AIndirection;
import org.lakepg.server.sql.ast.Alias;
import org.lakepg.server.sql.ast.BoolExpr;
import org.lakepg.server.sql.ast.BooleanTest;
import org.lakepg.server.sql.ast.ColumnRef;
import org.lakepg.server.sql.ast.DeleteStmt;
import org.lakepg.server.sql.ast.Expr;
import org.lakepg.server.sql.ast.FieldName;
import org.lakepg.server.sql.ast.FromItem;
import org.lakepg.server.sql.ast.Indirection;
import org.lakepg.server.sql.ast.InsertStmt;
import org.lakepg.server.sql.ast.RangeSubselect;
import org.lakepg.server.sql.ast.RangeVar;
import org.lakepg.server.sql.ast.ResTarget;
import org.lakepg.server.sql.ast.SelectStmt;
import org.lakepg.server.sql.ast.SetToDefault;
import org.lakepg.server.sql.ast.Statement;
import org.lakepg.server.sql.ast.UpdateStmt;
import org.lakepg.server.sql.ast.WithClause;

/**
 * The INSERT, UPDATE or DELETE a rule fires on, as its rule actions see it (PostgreSQL's rewriteRuleAction): NEW and
 * OLD in an action become what the statement writes and reads, and the action joins what the statement reads from.
 * <ul>
 *   <li>INSERT ... VALUES (one row) or DEFAULT VALUES: NEW.c is the value given for c, else c's default.</li>
 *   <li>INSERT ... SELECT (or several VALUES rows): the action reads the rows from the query, as {@code new}.</li>
 *   <li>UPDATE / DELETE: the action reads the target's rows the statement would change, as {@code old}, joined with
 *       its FROM / USING items under its WHERE; NEW.c of an UPDATE is c's SET expression, else OLD.c.</li>
 * </ul>
 */
final class TriggeringStatement {
    static final String NEW = "new";
    static final String OLD = "old";

    private final Statement statement;
    private final RuleTarget target;
    /** NEW.c (and for UPDATE/DELETE OLD.c) in an action. */
    private final Map<String, Expr> newValues = new HashMap<>();
    private final List<FromItem> joined = new ArrayList<>();
    private Expr joinedWhere;
    /** NEW.c seen from the statement itself (an INSTEAD rule's condition added to it). */
    private final Map<String, Expr> ownNewValues = new HashMap<>();
    private final String ownName;
    private final boolean singleRow;

    TriggeringStatement(Statement statement, RuleTarget target) {
        this.statement = statement;
        this.target = target;
        switch (statement) {
            case InsertStmt i -> {
                ownName = target.name();
                List<String> columns = insertColumns(i);
                SelectStmt source = i.selectStmt();
                singleRow = source == null || source.valuesLists() != null && source.valuesLists().size() == 1
                        && source.withClause() == null;
                for (String c : target.columns()) {
                    newValues.put(c, defaultOf(c));
                }
                if (singleRow) {
                    List<Expr> row = source == null ? List.of() : source.valuesLists().get(0);
                    for (int k = 0; k < columns.size() && k < row.size(); k++) {
                        newValues.put(columns.get(k), row.get(k) instanceof SetToDefault ? defaultOf(columns.get(k))
                                : row.get(k));
                    }
                } else {
                    joined.add(new RangeSubselect(false, source, new Alias(NEW, columns)));
                    for (String c : columns) {
                        newValues.put(c, column(NEW, c));
                    }
                }
                ownNewValues.putAll(newValues);
            }
            case UpdateStmt u -> {
                singleRow = false;
                ownName = u.relation().alias() != null ? u.relation().alias().aliasname() : u.relation().relname();
                readOld(u.relation(), u.fromClause(), u.whereClause());
                for (String c : target.columns()) {
                    ownNewValues.put(c, column(ownName, c));
                }
                for (ResTarget t : u.targetList()) {
                    if (t.indirection() == null || t.indirection().isEmpty()) {
                        newValues.put(t.name(), asOld(t.val()));
                        ownNewValues.put(t.name(), t.val());
                    }
                }
            }
            case DeleteStmt d -> {
                singleRow = false;
                ownName = d.relation().alias() != null ? d.relation().alias().aliasname() : d.relation().relname();
                readOld(d.relation(), d.usingClause(), d.whereClause());
            }
            default -> throw new IllegalArgumentException("rules fire on INSERT, UPDATE and DELETE");
        }
    }

    private void readOld(RangeVar relation, List<FromItem> from, Expr where) {
        joined.add(new RangeVar(relation.catalogname(), relation.schemaname(), relation.relname(), relation.inh(),
                relation.relpersistence(), new Alias(OLD, null), relation.location()));
        if (from != null) {
            joined.addAll(from);
        }
        joinedWhere = asOld(where);
        for (String c : target.columns()) {
            newValues.put(c, column(OLD, c));
        }
    }

    /** The statement's columns renamed to OLD's: qualified by its name or alias, or unqualified ones of the target. */
    private Expr asOld(Expr e) {
        return SyntaxTrees.map(e, n -> {
            if (n instanceof ColumnRef c) {
                List<String> f = c.fields();
                if (f.size() >= 2 && f.get(0).equals(ownName)) {
                    List<String> renamed = new ArrayList<>(f);
                    renamed.set(0, OLD);
                    return new ColumnRef(renamed, c.star(), c.location());
                }
                if (f.size() == 1 && !c.star() && target.columns().contains(f.get(0))) {
                    return column(OLD, f.get(0));
                }
                return c;
            }
            return n instanceof SelectStmt ? n : null; // a subquery's names are its own
        });
    }

    private List<String> insertColumns(InsertStmt i) {
        if (i.cols() != null && !i.cols().isEmpty()) {
            return i.cols().stream().map(ResTarget::name).toList();
        }
        int width = target.columns().size();
        SelectStmt source = i.selectStmt();
        if (source != null && source.valuesLists() != null && !source.valuesLists().isEmpty()) {
            width = Math.min(width, source.valuesLists().get(0).size());
        } else if (source != null && source.op() == SelectStmt.SetOperation.NONE && source.targetList() != null
                && source.targetList().stream().noneMatch(t -> t.val() instanceof ColumnRef c && c.star())) {
            width = Math.min(width, source.targetList().size());
        }
        return target.columns().subList(0, width);
    }

    private Expr defaultOf(String column) {
        Expr d = target.defaults().get(column);
        return d != null ? d : new AConst(AConst.Kind.NULL, null, -1);
    }

    /** An action (or a rule's condition) with NEW and OLD replaced by what they stand for here. */
    <T> T substitute(T tree) {
        return substitute(tree, newValues, OLD);
    }

    private <T> T substitute(T tree, Map<String, Expr> values, String oldName) {
        return SyntaxTrees.map(tree, n -> {
            if (!(n instanceof ColumnRef c) || c.fields().isEmpty() || !c.star() && c.fields().size() < 2) {
                return null;
            }
            String first = c.fields().get(0);
            boolean isNew = first.equals(NEW);
            if (!isNew && !first.equals(OLD)) {
                return null;
            }
            if (c.star()) {
                if (isNew || oldName.equals(OLD)) {
                    return c;
                }
                List<String> renamed = new ArrayList<>(c.fields());
                renamed.set(0, oldName);
                return new ColumnRef(renamed, true, c.location());
            }
            String name = c.fields().get(1);
            Expr value = isNew ? values.get(name) : oldName.equals(OLD) ? column(OLD, name) : column(oldName, name);
            if (value == null) {
                return null; // unknown column: analysis reports it
            }
            if (c.fields().size() == 2) {
                return value;
            }
            List<Indirection> fields = new ArrayList<>();
            for (String f : c.fields().subList(2, c.fields().size())) {
                fields.add(new FieldName(f));
            }
            return new AIndirection(value, fields);
        });
    }

    /**
     * The relations an action joins to read NEW/OLD rows (empty for a one-row INSERT). The statement's target (OLD) is
     * only joined when the action or its condition reads it: an action that does not runs once, not once per row.
     */
    List<FromItem> joined(Object action, Expr condition) {
        if (statement instanceof InsertStmt || SyntaxTrees.any(List.of(action), TriggeringStatement::readsOld)
                || condition != null && SyntaxTrees.any(condition, TriggeringStatement::readsOld)) {
            return joined;
        }
        return joined.subList(1, joined.size());
    }

    private static boolean readsOld(Object n) {
        return n instanceof ColumnRef c && !c.fields().isEmpty() && c.fields().get(0).equals(OLD)
                && (c.fields().size() >= 2 || c.star());
    }

    /** The condition on them (the statement's WHERE), or null. */
    Expr joinedWhere() {
        return joinedWhere;
    }

    boolean singleRowInsert() {
        return statement instanceof InsertStmt && singleRow;
    }

    WithClause with() {
        return switch (statement) {
            case InsertStmt i -> i.withClause();
            case UpdateStmt u -> u.withClause();
            case DeleteStmt d -> d.withClause();
            default -> null;
        };
    }

    /** The statement limited to rows for which no INSTEAD rule's condition holds (CopyAndAddInvertedQual). */
    Statement withoutRowsOf(List<Expr> conditions) {
        List<Expr> inverted = new ArrayList<>();
        for (Expr c : conditions) {
            inverted.add(new BooleanTest(substitute(c, ownNewValues, ownName), BooleanTest.Kind.IS_NOT_TRUE, -1));
        }
        Expr notMatched = and(inverted);
        return switch (statement) {
            case UpdateStmt u -> new UpdateStmt(u.relation(), u.targetList(), and(u.whereClause(), notMatched),
                    u.fromClause(), u.returningList(), u.withClause());
            case DeleteStmt d -> new DeleteStmt(d.relation(), d.usingClause(), and(d.whereClause(), notMatched),
                    d.returningList(), d.withClause());
            case InsertStmt i -> {
                List<String> columns = insertColumns(i);
                List<ResTarget> targets = new ArrayList<>();
                List<ResTarget> cols = new ArrayList<>();
                for (String c : columns) {
                    Expr value = ownNewValues.get(c);
                    if (singleRow && i.selectStmt() != null
                            && i.selectStmt().valuesLists().get(0).get(columns.indexOf(c)) instanceof SetToDefault
                            && target.defaults().get(c) == null) {
                        continue; // left to the column's own default (an identity, say)
                    }
                    targets.add(new ResTarget(null, List.of(), value, -1));
                    cols.add(new ResTarget(c, List.of(), null, -1));
                }
                SelectStmt source = select(targets, singleRow ? List.of() : joined, notMatched);
                yield new InsertStmt(i.relation(), cols, source, i.onConflictClause(), i.returningList(),
                        i.withClause(), i.override());
            }
            default -> statement;
        };
    }

    static ColumnRef column(String table, String name) {
        return new ColumnRef(List.of(table, name), false, -1);
    }

    static Expr and(Expr a, Expr b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return new BoolExpr(BoolExpr.BoolOp.AND, List.of(a, b), -1);
    }

    static Expr and(List<Expr> all) {
        Expr out = null;
        for (Expr e : all) {
            out = and(out, e);
        }
        return out;
    }

    static SelectStmt select(List<ResTarget> targets, List<FromItem> from, Expr where) {
        return new SelectStmt(null, null, targets, from, where, List.of(), false, null, List.of(), List.of(), List.of(),
                null, null, SelectStmt.LimitOption.DEFAULT, List.of(), null, SelectStmt.SetOperation.NONE, false, null,
                null);
    }
}
