package org.lakepg.server.sql.rewrite;

import java.util.ArrayList;
import java.util.List;
import org.lakepg.server.catalog.objects.RuleCatalog.RuleInfo;
import org.lakepg.server.sql.ast.ColumnRef;
import org.lakepg.server.sql.ast.CommonTableExpr;
import org.lakepg.server.sql.ast.DeleteStmt;
import org.lakepg.server.sql.ast.Expr;
import org.lakepg.server.sql.ast.FromItem;
import org.lakepg.server.sql.ast.InsertStmt;
import org.lakepg.server.sql.ast.NotifyStmt;
import org.lakepg.server.sql.ast.RangeSubselect;
import org.lakepg.server.sql.ast.RangeVar;
import org.lakepg.server.sql.ast.ResTarget;
import org.lakepg.server.sql.ast.RuleStmt;
import org.lakepg.server.sql.ast.SelectStmt;
import org.lakepg.server.sql.ast.Statement;
import org.lakepg.server.sql.ast.UpdateStmt;
import org.lakepg.server.sql.ast.WithClause;
import org.lakepg.server.sql.parser.SqlParser;
import org.lakepg.server.sql.rewrite.RewrittenStatement.Source;
import org.lakepg.server.sql.rewrite.RewrittenStatement.Step;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * The rule system (PostgreSQL's rewriteHandler.c, RewriteQuery/fireRules): an INSERT, UPDATE or DELETE of a relation
 * with rules for that event becomes the rules' actions (by rule name) plus the statement itself unless an unconditional
 * INSTEAD rule replaced it; a conditional INSTEAD rule leaves the statement for the rows its condition does not match.
 * An INSERT runs before the actions, an UPDATE or DELETE after them (so they still see the rows it changes). Actions
 * are rewritten by the rules of what they write in turn.
 */
public final class RuleRewriter {
    private final RuleTarget.Lookup lookup;

    public RuleRewriter(RuleTarget.Lookup lookup) {
        this.lookup = lookup;
    }

    /** The statements a statement becomes, or null when no rule applies to it. */
    private List<Step> steps(Statement statement) {
        if (!appliesTo(statement)) {
            return null;
        }
        List<Step> steps = expand(statement, Source.ORIGINAL, new ArrayList<>());
        return steps.size() == 1 && steps.get(0).statement() == statement ? null : steps;
    }

    /** The statement after its rules, or null when no rule applies to it. */
    public RewrittenStatement rewrite(Statement statement) {
        List<Step> steps = steps(statement);
        if (steps == null) {
            return null;
        }
        if (hasWith(statement) && steps.stream().filter(s -> !(s.statement() instanceof NotifyStmt)).count() > 1) {
            throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED,
                    "WITH cannot be used in a query that is rewritten by rules into multiple queries");
        }
        return new RewrittenStatement(setTag(steps, statement));
    }

    /**
     * The one statement a data-modifying WITH item becomes; PostgreSQL refuses rules that would make it none or
     * several, or a NOTIFY. Null when no rule applies.
     */
    public Statement rewriteInWith(Statement statement) {
        List<Step> steps = steps(statement);
        if (steps == null) {
            return null;
        }
        if (steps.isEmpty()) {
            throw inWith("DO INSTEAD NOTHING rules are not supported for data-modifying statements in WITH");
        }
        if (steps.size() == 1) {
            if (steps.get(0).statement() instanceof NotifyStmt) {
                throw inWith("DO INSTEAD NOTIFY rules are not supported for data-modifying statements in WITH");
            }
            return steps.get(0).statement();
        }
        for (Step s : steps) {
            if (s.source() == Source.QUALIFIED_INSTEAD_RULE) {
                throw inWith("conditional DO INSTEAD rules are not supported for data-modifying statements in WITH");
            }
            if (s.source() == Source.NON_INSTEAD_RULE) {
                throw inWith("DO ALSO rules are not supported for data-modifying statements in WITH");
            }
        }
        throw inWith("multi-statement DO INSTEAD rules are not supported for data-modifying statements in WITH");
    }

    /** The statement with the data-modifying items of its WITH rewritten by their rules (the same when none applies). */
    public Statement withItemsRewritten(Statement statement) {
        WithClause with = switch (statement) {
            case InsertStmt i -> i.withClause();
            case UpdateStmt u -> u.withClause();
            case DeleteStmt d -> d.withClause();
            case SelectStmt q -> q.withClause();
            default -> null;
        };
        if (with == null) {
            return statement;
        }
        List<CommonTableExpr> items = new ArrayList<>();
        boolean changed = false;
        for (CommonTableExpr c : with.ctes()) {
            Statement rewritten = appliesTo(c.ctequery()) ? rewriteInWith(c.ctequery()) : null;
            if (rewritten != null) {
                changed = true;
                c = new CommonTableExpr(c.ctename(), c.aliascolnames(), c.ctematerialized(), rewritten, c.searchClause(),
                        c.cycleClause(), c.location());
            }
            items.add(c);
        }
        if (!changed) {
            return statement;
        }
        WithClause w = new WithClause(items, with.recursive(), with.location());
        return switch (statement) {
            case InsertStmt i -> new InsertStmt(i.relation(), i.cols(), i.selectStmt(), i.onConflictClause(),
                    i.returningList(), w, i.override());
            case UpdateStmt u -> new UpdateStmt(u.relation(), u.targetList(), u.whereClause(), u.fromClause(),
                    u.returningList(), w);
            case DeleteStmt d -> new DeleteStmt(d.relation(), d.usingClause(), d.whereClause(), d.returningList(), w);
            case SelectStmt q -> new SelectStmt(q.distinctClause(), q.intoClause(), q.targetList(), q.fromClause(),
                    q.whereClause(), q.groupClause(), q.groupDistinct(), q.havingClause(), q.windowClause(),
                    q.valuesLists(), q.sortClause(), q.limitOffset(), q.limitCount(), q.limitOption(), q.lockingClause(),
                    w, q.op(), q.all(), q.larg(), q.rarg());
            default -> statement;
        };
    }

    private static PgException inWith(String message) {
        return PgException.of(SqlState.FEATURE_NOT_SUPPORTED, message);
    }

    private static boolean appliesTo(Statement s) {
        return s instanceof InsertStmt || s instanceof UpdateStmt || s instanceof DeleteStmt;
    }

    /** The original sets the tag if it is still there, else the last INSTEAD step of the same command (QueryRewrite). */
    private static List<Step> setTag(List<Step> steps, Statement original) {
        List<Step> out = new ArrayList<>();
        int chosen = -1;
        for (int i = 0; i < steps.size(); i++) {
            Step s = steps.get(i);
            if (s.source() == Source.ORIGINAL) {
                chosen = i;
                break;
            }
            if (s.statement().getClass() == original.getClass()
                    && (s.source() == Source.INSTEAD_RULE || s.source() == Source.QUALIFIED_INSTEAD_RULE)) {
                chosen = i;
            }
        }
        for (int i = 0; chosen < 0 && i < steps.size(); i++) {
            if (steps.get(i).statement() instanceof SelectStmt) {
                chosen = i; // PostgreSQL sends a SELECT action's rows to the client too
            }
        }
        for (int i = 0; i < steps.size(); i++) {
            out.add(steps.get(i).withSetsResult(i == chosen));
        }
        return out;
    }

    private static char event(Statement s) {
        return switch (s) {
            case UpdateStmt u -> '2';
            case InsertStmt i -> '3';
            case DeleteStmt d -> '4';
            default -> '1';
        };
    }

    private static RangeVar relation(Statement s) {
        return switch (s) {
            case UpdateStmt u -> u.relation();
            case InsertStmt i -> i.relation();
            case DeleteStmt d -> d.relation();
            default -> null;
        };
    }

    private static String verb(char event) {
        return switch (event) {
            case '2' -> "UPDATE";
            case '3' -> "INSERT";
            default -> "DELETE";
        };
    }

    private List<Step> expand(Statement statement, Source source, List<String> active) {
        RangeVar relation = relation(statement);
        char event = event(statement);
        RuleTarget target = relation == null ? null : lookup.find(relation);
        List<RuleInfo> rules = target == null ? List.of() : target.rules().stream()
                .filter(r -> r.event() == event && r.enabled() != 'D').toList();
        if (rules.isEmpty()) {
            return List.of(new Step(statement, source, false));
        }
        if (statement instanceof InsertStmt i && i.onConflictClause() != null) {
            throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED,
                    "INSERT with ON CONFLICT clause cannot be used with table that has INSERT or UPDATE rules");
        }
        String key = target.relid() + "/" + event;
        if (active.contains(key)) {
            throw PgException.of(SqlState.INVALID_OBJECT_DEFINITION, "infinite recursion detected in rules for relation \"%s\"",
                    target.name());
        }
        active.add(key);
        TriggeringStatement triggering = new TriggeringStatement(statement, target);
        List<ResTarget> returning = returningOf(statement);
        boolean returningDone = false;
        boolean instead = false;
        List<Expr> insteadConditions = new ArrayList<>();
        List<Step> products = new ArrayList<>();
        for (RuleInfo rule : rules) {
            RuleStmt definition = (RuleStmt) SqlParser.parse(rule.definition()).get(0).statement();
            Source ruleSource = !rule.instead() ? Source.NON_INSTEAD_RULE
                    : definition.whereClause() == null ? Source.INSTEAD_RULE : Source.QUALIFIED_INSTEAD_RULE;
            for (Statement action : definition.actions()) {
                Statement applied = apply(triggering, ActionColumns.qualify(action, lookup), definition.whereClause());
                List<ResTarget> actionReturning = returningOf(applied);
                if (actionReturning != null && !actionReturning.isEmpty()) {
                    List<ResTarget> replaced = null;
                    if (returning != null && !returning.isEmpty()) {
                        if (returningDone) {
                            throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED, "cannot have RETURNING lists in multiple rules");
                        }
                        returningDone = true;
                        replaced = returningThrough(returning, expandStar(actionReturning, applied), target,
                                relation);
                    }
                    applied = withReturning(applied, replaced);
                }
                products.addAll(expand(applied, ruleSource, active));
            }
            if (rule.instead()) {
                if (definition.whereClause() == null) {
                    instead = true;
                } else {
                    insteadConditions.add(definition.whereClause());
                }
            }
        }
        active.remove(key);
        if ((instead || !insteadConditions.isEmpty()) && returning != null && !returning.isEmpty() && !returningDone) {
            String verb = verb(event);
            throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED, "cannot perform %s RETURNING on relation \"%s\"", verb,
                    target.name()).withHint("You need an unconditional ON %s DO INSTEAD rule with a RETURNING clause."
                    .formatted(verb));
        }
        List<Step> out = new ArrayList<>();
        if (!instead) {
            Statement kept = insteadConditions.isEmpty() ? statement : triggering.withoutRowsOf(insteadConditions);
            if (returningDone) {
                kept = withReturning(kept, null);
            }
            Step original = new Step(kept, source, false);
            if (statement instanceof InsertStmt) {
                out.add(original);
                out.addAll(products);
            } else {
                out.addAll(products);
                out.add(original);
            }
        } else {
            out.addAll(products);
        }
        return out;
    }

    /** A rule action reading the rows the triggering statement writes, under the rule's condition. */
    private static Statement apply(TriggeringStatement triggering, Statement action, Expr condition) {
        WithClause outerWith = triggering.with();
        if (action instanceof InsertStmt i && i.selectStmt() != null
                && (i.selectStmt().valuesLists() == null || i.selectStmt().valuesLists().isEmpty())
                && outerWith != null && outerWith.ctes().stream().anyMatch(c -> !(c.ctequery() instanceof SelectStmt))) {
            throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED,
                    "INSERT...SELECT rule actions are not supported for queries having data-modifying statements in WITH");
        }
        Statement a = triggering.substitute(action);
        Expr where = TriggeringStatement.and(triggering.joinedWhere(),
                condition == null ? null : triggering.substitute(condition));
        List<FromItem> joined = triggering.joined(a, where);
        return switch (a) {
            case InsertStmt i -> {
                SelectStmt source = i.selectStmt();
                if (joined.isEmpty() && where == null || source == null) {
                    yield withWith(i, outerWith);
                }
                SelectStmt reading;
                if (source.valuesLists() != null && source.valuesLists().size() == 1) {
                    List<ResTarget> targets = source.valuesLists().get(0).stream()
                            .map(e -> new ResTarget(null, List.of(), e, -1)).toList();
                    reading = TriggeringStatement.select(targets, joined, where);
                } else if (source.op() == SelectStmt.SetOperation.NONE
                        && (source.valuesLists() == null || source.valuesLists().isEmpty())) {
                    reading = withFrom(source, concat(source.fromClause(), joined),
                            TriggeringStatement.and(source.whereClause(), where));
                } else {
                    List<FromItem> from = new ArrayList<>(joined);
                    from.add(new RangeSubselect(true, source, new org.lakepg.server.sql.ast.Alias("*SELECT*", null)));
                    reading = TriggeringStatement.select(List.of(new ResTarget(null, List.of(),
                            new ColumnRef(List.of("*SELECT*", "*"), true, -1), -1)), from, where);
                }
                yield withWith(new InsertStmt(i.relation(), i.cols(), reading, i.onConflictClause(), i.returningList(),
                        i.withClause(), i.override()), outerWith);
            }
            case UpdateStmt u -> withWith(new UpdateStmt(u.relation(), u.targetList(),
                    TriggeringStatement.and(u.whereClause(), where), concat(u.fromClause(), joined), u.returningList(),
                    u.withClause()), outerWith);
            case DeleteStmt d -> withWith(new DeleteStmt(d.relation(), concat(d.usingClause(), joined),
                    TriggeringStatement.and(d.whereClause(), where), d.returningList(), d.withClause()), outerWith);
            // the triggering statement's items come first, as rewriteRuleAction puts them (it decides join order)
            case SelectStmt s when s.op() == SelectStmt.SetOperation.NONE -> withWith(withFrom(withTargets(s,
                    ActionStars.qualified(s.targetList(), s.fromClause())), concat(joined, s.fromClause()),
                    TriggeringStatement.and(s.whereClause(), where)), outerWith);
            default -> a;
        };
    }

    private static List<FromItem> concat(List<FromItem> a, List<FromItem> b) {
        List<FromItem> out = new ArrayList<>();
        if (a != null) {
            out.addAll(a);
        }
        out.addAll(b);
        return out;
    }

    private static SelectStmt withFrom(SelectStmt s, List<FromItem> from, Expr where) {
        return new SelectStmt(s.distinctClause(), s.intoClause(), s.targetList(), from, where, s.groupClause(),
                s.groupDistinct(), s.havingClause(), s.windowClause(), s.valuesLists(), s.sortClause(), s.limitOffset(),
                s.limitCount(), s.limitOption(), s.lockingClause(), s.withClause(), s.op(), s.all(), s.larg(), s.rarg());
    }

    private static SelectStmt withTargets(SelectStmt s, List<ResTarget> targets) {
        return new SelectStmt(s.distinctClause(), s.intoClause(), targets, s.fromClause(), s.whereClause(),
                s.groupClause(), s.groupDistinct(), s.havingClause(), s.windowClause(), s.valuesLists(), s.sortClause(),
                s.limitOffset(), s.limitCount(), s.limitOption(), s.lockingClause(), s.withClause(), s.op(), s.all(),
                s.larg(), s.rarg());
    }

    /** The action with the triggering statement's WITH items before its own (they may name them). */
    private static Statement withWith(Statement s, WithClause outer) {
        if (outer == null || outer.ctes().isEmpty()) {
            return s;
        }
        return switch (s) {
            case InsertStmt i -> new InsertStmt(i.relation(), i.cols(), i.selectStmt(), i.onConflictClause(),
                    i.returningList(), merged(outer, i.withClause()), i.override());
            case UpdateStmt u -> new UpdateStmt(u.relation(), u.targetList(), u.whereClause(), u.fromClause(),
                    u.returningList(), merged(outer, u.withClause()));
            case DeleteStmt d -> new DeleteStmt(d.relation(), d.usingClause(), d.whereClause(), d.returningList(),
                    merged(outer, d.withClause()));
            case SelectStmt q -> new SelectStmt(q.distinctClause(), q.intoClause(), q.targetList(), q.fromClause(),
                    q.whereClause(), q.groupClause(), q.groupDistinct(), q.havingClause(), q.windowClause(),
                    q.valuesLists(), q.sortClause(), q.limitOffset(), q.limitCount(), q.limitOption(), q.lockingClause(),
                    merged(outer, q.withClause()), q.op(), q.all(), q.larg(), q.rarg());
            default -> s;
        };
    }

    private static WithClause merged(WithClause outer, WithClause own) {
        if (own == null) {
            return outer;
        }
        List<CommonTableExpr> ctes = new ArrayList<>(outer.ctes());
        ctes.addAll(own.ctes());
        return new WithClause(ctes, outer.recursive() || own.recursive(), own.location());
    }

    private static List<ResTarget> returningOf(Statement s) {
        return switch (s) {
            case InsertStmt i -> i.returningList();
            case UpdateStmt u -> u.returningList();
            case DeleteStmt d -> d.returningList();
            default -> null;
        };
    }

    private static Statement withReturning(Statement s, List<ResTarget> returning) {
        return switch (s) {
            case InsertStmt i -> new InsertStmt(i.relation(), i.cols(), i.selectStmt(), i.onConflictClause(), returning,
                    i.withClause(), i.override());
            case UpdateStmt u -> new UpdateStmt(u.relation(), u.targetList(), u.whereClause(), u.fromClause(), returning,
                    u.withClause());
            case DeleteStmt d -> new DeleteStmt(d.relation(), d.usingClause(), d.whereClause(), returning,
                    d.withClause());
            default -> s;
        };
    }

    /** The rule's RETURNING with * expanded to the columns of what its action writes. */
    private List<ResTarget> expandStar(List<ResTarget> list, Statement action) {
        if (list.stream().noneMatch(t -> t.val() instanceof ColumnRef c && c.star())) {
            return list;
        }
        RuleTarget written = lookup.find(relation(action));
        List<ResTarget> out = new ArrayList<>();
        for (ResTarget t : list) {
            if (t.val() instanceof ColumnRef c && c.star() && written != null) {
                List<String> qualifier = c.fields().stream().filter(f -> !f.equals("*")).toList();
                for (String column : written.columns()) {
                    List<String> fields = new ArrayList<>(qualifier);
                    fields.add(column);
                    out.add(new ResTarget(column, List.of(), new ColumnRef(fields, false, c.location()), t.location()));
                }
            } else {
                out.add(t);
            }
        }
        return out;
    }

    /**
     * The triggering statement's RETURNING computed by the rule action: its columns of the relation become the
     * rule's RETURNING entries in the same positions (ReplaceVarsFromTargetList).
     */
    private static List<ResTarget> returningThrough(List<ResTarget> returning, List<ResTarget> ruleReturning,
                                                    RuleTarget target, RangeVar relation) {
        String own = relation.alias() != null ? relation.alias().aliasname() : relation.relname();
        List<ResTarget> out = new ArrayList<>();
        for (ResTarget t : returning) {
            List<String> qualifier = t.val() instanceof ColumnRef c && c.star()
                    ? c.fields().stream().filter(f -> !f.equals("*")).toList() : null;
            if (qualifier != null && (qualifier.isEmpty() || qualifier.size() == 1 && qualifier.get(0).equals(own))) {
                for (int k = 0; k < target.columns().size() && k < ruleReturning.size(); k++) {
                    out.add(new ResTarget(target.columns().get(k), List.of(), ruleReturning.get(k).val(), t.location()));
                }
                continue;
            }
            String name = t.name() != null ? t.name()
                    : t.val() instanceof ColumnRef c && !c.star() ? c.fields().get(c.fields().size() - 1) : null;
            Expr value = SyntaxTrees.map(t.val(), n -> {
                if (n instanceof ColumnRef c && !c.star() && (c.fields().size() == 1
                        || c.fields().size() == 2 && c.fields().get(0).equals(own))) {
                    int k = target.columns().indexOf(c.fields().get(c.fields().size() - 1));
                    return k >= 0 && k < ruleReturning.size() ? ruleReturning.get(k).val() : null;
                }
                return n instanceof SelectStmt ? n : null;
            });
            out.add(new ResTarget(name, List.of(), value, t.location()));
        }
        return out;
    }

    /** Whether the statement has WITH items (copied into every action, so it may be rewritten into one query only). */
    private static boolean hasWith(Statement s) {
        WithClause w = switch (s) {
            case InsertStmt i -> i.withClause();
            case UpdateStmt u -> u.withClause();
            case DeleteStmt d -> d.withClause();
            default -> null;
        };
        return w != null && !w.ctes().isEmpty();
    }
}
