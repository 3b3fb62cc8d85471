package org.lakepg.server.sql.analyzer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.lakepg.server.sql.ast.IndexElem;
import org.lakepg.server.sql.ast.InferClause;
import org.lakepg.server.sql.ast.OnConflictClause;
import org.lakepg.server.sql.plan.OnConflict;
import org.lakepg.server.sql.plan.expr.BoundExpr;
import org.lakepg.server.sql.plan.expr.InputRef;
import org.lakepg.server.table.ColumnInfo;
import org.lakepg.server.table.ConstraintInfo;
import org.lakepg.server.table.IndexInfo;
import org.lakepg.server.table.TableInfo;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * INSERT's ON CONFLICT clause (PostgreSQL's transformOnConflictClause and infer_arbiter_indexes): which unique
 * indexes arbitrate, and for DO UPDATE the new row and condition over the existing row and EXCLUDED.
 */
final class OnConflictAnalyzer {
    private final ExpressionAnalyzer expressions;
    private final AnalyzerCatalog catalog;
    private final ModifyAnalyzer modify;

    OnConflictAnalyzer(ExpressionAnalyzer expressions, AnalyzerCatalog catalog, ModifyAnalyzer modify) {
        this.expressions = expressions;
        this.catalog = catalog;
        this.modify = modify;
    }

    OnConflict analyze(TableInfo table, String alias, OnConflictClause clause) {
        OnConflict.Action action = clause.action() == OnConflictClause.Action.UPDATE ? OnConflict.Action.UPDATE
                : OnConflict.Action.NOTHING;
        if (clause.infer() == null && action == OnConflict.Action.UPDATE) {
            throw Coercer.at(PgException.of(SqlState.SYNTAX_ERROR,
                    "ON CONFLICT DO UPDATE requires inference specification or constraint name")
                    .withHint("For example, ON CONFLICT (column_name)."), clause.location());
        }
        List<IndexInfo> arbiters = arbiters(table, alias, clause.infer());
        if (action == OnConflict.Action.NOTHING) {
            return new OnConflict(action, arbiters, clause.infer() != null, alias, null, null);
        }
        FromScope scope = new FromScope();
        // what DO UPDATE reads of the target or of EXCLUDED needs SELECT on the target's columns
        var use = ModifyAnalyzer.columnUse(catalog, table);
        scope.addTable(alias, QueryAnalyzer.tableColumns(table), 0, table.typeOid(), false, false, false, use);
        scope.addTable("excluded", QueryAnalyzer.tableColumns(table), 0, table.typeOid(), false, false, false, use);
        List<BoundExpr> row = new ArrayList<>();
        for (ColumnInfo c : table.columns()) {
            row.add(new InputRef(c.number() - 1, c.type(), c.typmod(), c.name()));
        }
        modify.assignments(table, clause.targetList(), scope, row, "UPDATE");
        BoundExpr where = null;
        if (clause.whereClause() != null) {
            where = expressions.requireBoolean(expressions.analyzeWithoutAggregates(clause.whereClause(), scope, "WHERE"),
                    "WHERE", ExpressionAnalyzer.location(clause.whereClause()));
        }
        return new OnConflict(action, arbiters, true, alias, row, where);
    }

    /** The arbiter indexes: every unique index without a target, else the ones the target names or infers. */
    private List<IndexInfo> arbiters(TableInfo table, String alias, InferClause infer) {
        List<IndexInfo> indexes = catalog.indexes(table);
        List<IndexInfo> out = new ArrayList<>();
        if (infer == null) {
            indexes.stream().filter(IndexInfo::unique).forEach(out::add);
        } else if (infer.conname() != null) {
            ConstraintInfo constraint = catalog.constraints(table).stream()
                    .filter(c -> c.name().equals(infer.conname())).findFirst()
                    .orElseThrow(() -> PgException.of(SqlState.UNDEFINED_OBJECT,
                            "constraint \"%s\" for table \"%s\" does not exist", infer.conname(), table.name()));
            indexes.stream().filter(i -> i.oid() == constraint.indexOid()
                            && (constraint.type() == ConstraintInfo.UNIQUE || constraint.type() == ConstraintInfo.PRIMARY_KEY))
                    .forEach(out::add);
            if (out.isEmpty()) {
                throw PgException.of(SqlState.WRONG_OBJECT_TYPE, "constraint in ON CONFLICT clause has no associated index");
            }
            // the constraint's columns are read like inferred ones (they need SELECT)
            out.forEach(i -> i.columns().stream().filter(a -> a > 0).forEach(a -> catalog.columnRead(table.oid(), a)));
        } else {
            Set<Short> wanted = new HashSet<>();
            boolean expression = false;
            FromScope scope = new FromScope();
            scope.addTable(alias, QueryAnalyzer.tableColumns(table), 0, table.typeOid(), false, false, false,
                    ModifyAnalyzer.columnUse(catalog, table)); // the inferred columns need SELECT
            for (IndexElem e : infer.indexElems()) {
                if (e.name() != null) {
                    BoundExpr ref = scope.column(List.of(e.name()), infer.location()).orElseThrow(() -> Coercer.at(
                            PgException.of(SqlState.UNDEFINED_COLUMN, "column \"%s\" does not exist", e.name()),
                            infer.location()));
                    wanted.add((short) (((InputRef) ref).index() + 1));
                } else {
                    expressions.analyzeWithoutAggregates(e.expr(), scope, "index expressions");
                    expression = true; // lakepg has no expression indexes: nothing can match
                }
            }
            if (infer.whereClause() != null) {
                // only partial indexes need the predicate, and lakepg has none: checked for errors, then unused
                expressions.analyzeWithoutAggregates(infer.whereClause(), scope, "index predicate");
            }
            if (!expression) {
                indexes.stream().filter(i -> i.unique() && i.expressions().isEmpty()
                        && (i.predicate() == null || infer.whereClause() != null)
                        && new HashSet<>(i.columns()).equals(wanted)).forEach(out::add);
            }
            if (out.isEmpty()) {
                throw PgException.of(SqlState.INVALID_COLUMN_REFERENCE,
                        "there is no unique or exclusion constraint matching the ON CONFLICT specification");
            }
        }
        for (ConstraintInfo c : catalog.constraints(table)) {
            if (c.deferrable() && out.stream().anyMatch(i -> i.oid() == c.indexOid())) {
                throw PgException.of(SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE,
                        "ON CONFLICT does not support deferrable unique constraints/exclusion constraints as arbiters");
            }
        }
        return out;
    }
}
