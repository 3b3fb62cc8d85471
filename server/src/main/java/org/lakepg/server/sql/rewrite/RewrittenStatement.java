package org.lakepg.server.sql.rewrite;

import java.util.List;
import org.lakepg.server.sql.ast.Statement;

/**
 * What a statement became after its rules were applied: the statements to run in order. The one marked
 * {@code setsResult} gives the command's rows and count (PostgreSQL's canSetTag); none does when an INSTEAD rule left
 * nothing of the command's own kind (the count is then 0).
 */
public record RewrittenStatement(List<Step> steps) {
    public RewrittenStatement {
        steps = List.copyOf(steps);
    }

    /** Where a step came from (PostgreSQL's querySource), which decides what is allowed in WITH. */
    public enum Source { ORIGINAL, INSTEAD_RULE, QUALIFIED_INSTEAD_RULE, NON_INSTEAD_RULE }

    public record Step(Statement statement, Source source, boolean setsResult) {
        Step withSetsResult(boolean value) {
            return new Step(statement, source, value);
        }

        Step withSource(Source value) {
            return new Step(statement, value, setsResult);
        }
    }
}
