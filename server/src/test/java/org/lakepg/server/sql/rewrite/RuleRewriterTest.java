package org.lakepg.server.sql.rewrite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.lakepg.server.catalog.objects.RuleCatalog.RuleInfo;
import org.lakepg.server.sql.ast.DeleteStmt;
import org.lakepg.server.sql.ast.InsertStmt;
import org.lakepg.server.sql.ast.Statement;
import org.lakepg.server.sql.parser.SqlParser;
import org.lakepg.server.sql.rewrite.RewrittenStatement.Source;
import org.junit.jupiter.api.Test;

class RuleRewriterTest {

    private static Statement parse(String sql) {
        return SqlParser.parse(sql).get(0).statement();
    }

    /** Table t (a, b) with the given rules (their CREATE RULE texts), and table log without rules. */
    private static RuleRewriter rewriter(String... rules) {
        List<RuleInfo> infos = new java.util.ArrayList<>();
        long oid = 100;
        for (String text : rules) {
            var rule = (org.lakepg.server.sql.ast.RuleStmt) parse(text);
            char event = switch (rule.event()) {
                case SELECT -> '1';
                case UPDATE -> '2';
                case INSERT -> '3';
                case DELETE -> '4';
            };
            infos.add(new RuleInfo(oid++, 1, rule.rulename(), event, rule.instead(), 'O', text));
        }
        return new RuleRewriter(r -> switch (r.relname()) {
            case "t" -> new RuleTarget(1, "t", List.of("a", "b"), Map.of(), infos);
            case "log" -> new RuleTarget(2, "log", List.of("x"), Map.of(), List.of());
            default -> null;
        });
    }

    @Test
    void noRuleLeavesTheStatement() {
        assertThat(rewriter().rewrite(parse("insert into t values (1, 2)"))).isNull();
    }

    @Test
    void alsoRuleOnInsertRunsAfterTheInsertWithNewSubstituted() {
        var out = rewriter("create rule r as on insert to t do also insert into log values (new.a)")
                .rewrite(parse("insert into t values (7, 8)"));
        assertThat(out.steps()).extracting(RewrittenStatement.Step::source)
                .containsExactly(Source.ORIGINAL, Source.NON_INSTEAD_RULE);
        assertThat(out.steps().get(0).setsResult()).isTrue();
        InsertStmt action = (InsertStmt) out.steps().get(1).statement();
        assertThat(action.relation().relname()).isEqualTo("log");
        assertThat(action.selectStmt().valuesLists().get(0).get(0).toString()).contains("7");
    }

    @Test
    void actionsOfDeleteRunBeforeIt() {
        var out = rewriter("create rule r as on delete to t do also insert into log values (old.a)")
                .rewrite(parse("delete from t where a = 1"));
        assertThat(out.steps()).extracting(RewrittenStatement.Step::source)
                .containsExactly(Source.NON_INSTEAD_RULE, Source.ORIGINAL);
    }

    @Test
    void conditionalInsteadRuleKeepsTheStatementForOtherRows() {
        var out = rewriter("create rule r as on delete to t where old.a = 1 do instead insert into log values (old.a)")
                .rewrite(parse("delete from t"));
        assertThat(out.steps()).extracting(RewrittenStatement.Step::source)
                .containsExactly(Source.QUALIFIED_INSTEAD_RULE, Source.ORIGINAL);
        DeleteStmt kept = (DeleteStmt) out.steps().get(1).statement();
        assertThat(kept.whereClause().toString()).contains("IS_NOT_TRUE");
    }

    @Test
    void insteadNothingLeavesNothingToRun() {
        var out = rewriter("create rule r as on insert to t do instead nothing").rewrite(parse("insert into t values (1, 2)"));
        assertThat(out.steps()).isEmpty();
    }

    @Test
    void returningNeedsAnInsteadRuleWithReturning() {
        assertThatThrownBy(() -> rewriter("create rule r as on delete to t do instead nothing")
                .rewrite(parse("delete from t returning *")))
                .hasMessageContaining("cannot perform DELETE RETURNING on relation \"t\"");
    }

    @Test
    void dataModifyingWithRefusesRulesItCannotTakeOne() {
        var r = rewriter("create rule r as on insert to t do also insert into log values (new.a)");
        assertThatThrownBy(() -> r.rewriteInWith(parse("insert into t values (1, 2)")))
                .hasMessage("DO ALSO rules are not supported for data-modifying statements in WITH");
    }

    @Test
    void ruleOnItselfIsInfiniteRecursion() {
        assertThatThrownBy(() -> rewriter("create rule r as on insert to t do instead insert into t values (new.a, 0)")
                .rewrite(parse("insert into t values (1, 2)")))
                .hasMessage("infinite recursion detected in rules for relation \"t\"");
    }
}
