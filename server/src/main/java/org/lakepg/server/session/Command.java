package org.lakepg.server.session;

import java.util.List;
import org.lakepg.server.sql.ast.Statement;
import org.lakepg.server.sql.plan.OutputColumn;
import org.lakepg.server.sql.plan.QueryPlan;

/** A statement analyzed once (at Parse, or per statement of a simple Query) and run at Execute. */
sealed interface Command {

    /** The columns it returns; null when it returns no rows. */
    List<OutputColumn> columns();

    long[] parameterTypes();

    /** A query with a plan, and the relation locks each execution takes before it runs (PostgreSQL's range table's). */
    record Query(QueryPlan plan, List<org.lakepg.server.txn.RelationLocks.Request> locks) implements Command {
        Query(QueryPlan plan) {
            this(plan, List.of());
        }

        Query withLocks(List<org.lakepg.server.txn.RelationLocks.Request> locks) {
            return new Query(plan, locks);
        }

        @Override
        public List<OutputColumn> columns() {
            return plan.columns();
        }

        @Override
        public long[] parameterTypes() {
            return plan.parameterTypes();
        }
    }

    /**
     * A utility statement (SET, SHOW, BEGIN ...), run as written; {@code parameterTypes} of the $n it uses (EXECUTE's
     * arguments may be parameters of the extended protocol).
     */
    record Utility(Statement statement, List<OutputColumn> columns, long[] parameterTypes) implements Command {
        Utility(Statement statement, List<OutputColumn> columns) {
            this(statement, columns, new long[0]);
        }
    }

    /**
     * A statement defining an object from its own text (CREATE VIEW keeps it to expand the view);
     * {@code offset} is where the text starts in the query string (syntax tree locations count from there).
     */
    record Definition(Statement statement, String text, int offset) implements Command {
        @Override
        public List<OutputColumn> columns() {
            return null;
        }

        @Override
        public long[] parameterTypes() {
            return new long[0];
        }
    }

    /** An empty query string. */
    record Empty() implements Command {
        @Override
        public List<OutputColumn> columns() {
            return null;
        }

        @Override
        public long[] parameterTypes() {
            return new long[0];
        }
    }
}
