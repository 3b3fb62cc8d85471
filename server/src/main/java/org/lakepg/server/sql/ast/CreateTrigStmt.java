package org.lakepg.server.sql.ast;

import java.util.List;

/**
 * CREATE [OR REPLACE] [CONSTRAINT] TRIGGER; events as PostgreSQL's TRIGGER_TYPE bits, timing
 * BEFORE(2)/AFTER(0)/INSTEAD(64).
 */
public record CreateTrigStmt(
        boolean replace,
        boolean isconstraint,
        String trigname,
        RangeVar relation,
        List<String> funcname,
        List<String> args,
        boolean row,
        int timing,
        int events,
        List<String> columns,
        Expr whenClause,
        List<TriggerTransition> transitionRels,
        boolean deferrable,
        boolean initdeferred,
        RangeVar constrrel) implements Statement {}
