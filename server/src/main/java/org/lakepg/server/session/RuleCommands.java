package org.lakepg.server.session;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.lakepg.server.catalog.objects.ObjectCatalog;
import org.lakepg.server.catalog.objects.RuleCatalog.RuleInfo;
import org.lakepg.server.sql.analyzer.AnalyzerCatalog;
import org.lakepg.server.sql.ast.ColumnRef;
import org.lakepg.server.sql.ast.DeleteStmt;
import org.lakepg.server.sql.ast.DropStmt;
import org.lakepg.server.sql.ast.InsertStmt;
import org.lakepg.server.sql.ast.RangeVar;
import org.lakepg.server.sql.ast.RenameStmt;
import org.lakepg.server.sql.ast.ResTarget;
import org.lakepg.server.sql.ast.RuleStmt;
import org.lakepg.server.sql.ast.Statement;
import org.lakepg.server.sql.ast.UpdateStmt;
import org.lakepg.server.sql.ast.WithClause;
import org.lakepg.server.txn.Transaction;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/** CREATE [OR REPLACE] RULE, DROP RULE and ALTER RULE ... RENAME (PostgreSQL's DefineQueryRewrite and friends). */
final class RuleCommands {
    private final ObjectCatalog objects;
    private final AnalyzerCatalog catalog;
    private final SessionRelations relations;
    private final SessionRules rules;
    private final Consumer<PgException> notices;

    RuleCommands(ObjectCatalog objects, AnalyzerCatalog catalog, SessionRelations relations, SessionRules rules,
                 Consumer<PgException> notices) {
        this.objects = objects;
        this.catalog = catalog;
        this.relations = relations;
        this.rules = rules;
        this.notices = notices;
    }

    /** The relation a rule is on: a table or a view. */
    private record Relation(long oid, String name) {}

    private Optional<Relation> relation(RangeVar r) {
        List<String> name = r.schemaname() == null ? List.of(r.relname()) : List.of(r.schemaname(), r.relname());
        var table = catalog.table(name);
        if (table.isPresent()) {
            return Optional.of(new Relation(table.get().oid(), table.get().name()));
        }
        return catalog.view(name).map(v -> new Relation(v.oid(), v.name()));
    }

    private Relation requireRelation(RangeVar r) {
        return relation(r).orElseThrow(() -> PgException.of(SqlState.UNDEFINED_TABLE, "relation \"%s\" does not exist",
                r.schemaname() == null ? r.relname() : r.schemaname() + "." + r.relname()));
    }

    Execution create(RuleStmt s, String text, Transaction txn) {
        Relation relation = requireRelation(s.relation());
        if (s.event() == RuleStmt.Event.SELECT) {
            throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED, "ON SELECT rules are not supported yet");
        }
        for (Statement action : s.actions()) {
            check(s, action);
        }
        rules.changed();
        Optional<RuleInfo> existing = objects.rules().forRelation(txn.snapshot(), relation.oid()).stream()
                .filter(r -> r.name().equals(s.rulename())).findFirst();
        long oid;
        if (existing.isPresent()) {
            if (!s.replace()) {
                throw PgException.of(SqlState.DUPLICATE_OBJECT, "rule \"%s\" for relation \"%s\" already exists",
                        s.rulename(), relation.name());
            }
            oid = existing.get().oid();
            objects.rules().drop(txn, oid);
        } else {
            oid = relations.catalog().newOid();
        }
        char event = switch (s.event()) {
            case SELECT -> '1';
            case UPDATE -> '2';
            case INSERT -> '3';
            case DELETE -> '4';
        };
        objects.rules().create(txn, new RuleInfo(oid, relation.oid(), s.rulename(), event, s.instead(), 'O', text));
        return Execution.done("CREATE RULE");
    }

    /** What PostgreSQL refuses in a rule action when the rule is made. */
    private static void check(RuleStmt s, Statement action) {
        List<ResTarget> returning = switch (action) {
            case InsertStmt i -> i.returningList();
            case UpdateStmt u -> u.returningList();
            case DeleteStmt d -> d.returningList();
            default -> null;
        };
        if (returning != null && !returning.isEmpty()) {
            if (!s.instead()) {
                throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED, "RETURNING lists are not supported in non-INSTEAD rules");
            }
            if (s.whereClause() != null) {
                throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED, "RETURNING lists are not supported in conditional rules");
            }
        }
        WithClause with = switch (action) {
            case InsertStmt i -> i.withClause();
            case UpdateStmt u -> u.withClause();
            case DeleteStmt d -> d.withClause();
            case org.lakepg.server.sql.ast.SelectStmt q -> q.withClause();
            default -> null;
        };
        if (with != null) {
            for (var cte : with.ctes()) {
                for (String which : List.of("old", "new")) {
                    if (refersTo(cte.ctequery(), which)) {
                        throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED, "cannot refer to %s within WITH query",
                                which.toUpperCase(java.util.Locale.ROOT));
                    }
                }
            }
        }
        if (s.event() == RuleStmt.Event.INSERT && refersTo(action, "old")) {
            throw PgException.of(SqlState.INVALID_OBJECT_DEFINITION, "ON INSERT rule cannot use OLD");
        }
        if (s.event() == RuleStmt.Event.DELETE && refersTo(action, "new")) {
            throw PgException.of(SqlState.INVALID_OBJECT_DEFINITION, "ON DELETE rule cannot use NEW");
        }
    }

    private static boolean refersTo(Object tree, String which) {
        return org.lakepg.server.sql.rewrite.SyntaxTrees.any(tree, n -> n instanceof ColumnRef c
                && (c.fields().size() >= 2 || c.star() && !c.fields().isEmpty()) && c.fields().get(0).equals(which));
    }

    Execution drop(DropStmt s, Transaction txn) {
        for (Object o : s.objects()) {
            List<?> parts = (List<?>) o;
            String name = (String) parts.get(0);
            @SuppressWarnings("unchecked")
            List<String> tableName = (List<String>) parts.get(1);
            Optional<Relation> relation = relation(rangeVar(tableName));
            if (relation.isEmpty()) {
                MissingDropTarget.skipOrThrow(s.missingOk(), PgException.of(SqlState.UNDEFINED_TABLE,
                        "relation \"%s\" does not exist", String.join(".", tableName)), notices,
                        "relation \"%s\" does not exist, skipping", String.join(".", tableName));
                continue;
            }
            Optional<RuleInfo> rule = find(txn, relation.get(), name);
            if (rule.isEmpty()) {
                MissingDropTarget.skipOrThrow(s.missingOk(), PgException.of(SqlState.UNDEFINED_OBJECT,
                        "rule \"%s\" for relation \"%s\" does not exist", name, relation.get().name()), notices,
                        "rule \"%s\" for relation \"%s\" does not exist, skipping", name, relation.get().name());
                continue;
            }
            rules.changed();
            objects.rules().drop(txn, rule.get().oid());
        }
        return Execution.done("DROP RULE");
    }

    /** ALTER RULE name ON table RENAME TO new. */
    Execution rename(RenameStmt s, Transaction txn) {
        RangeVar rv = s.relation();
        String name = s.subname();
        if (rv == null && s.object() instanceof List<?> parts) {
            name = (String) parts.get(0);
            @SuppressWarnings("unchecked")
            List<String> tableName = (List<String>) parts.get(1);
            rv = rangeVar(tableName);
        }
        String oldName = name;
        Relation relation = requireRelation(rv);
        RuleInfo rule = find(txn, relation, oldName).orElseThrow(() -> PgException.of(SqlState.UNDEFINED_OBJECT,
                "rule \"%s\" for relation \"%s\" does not exist", oldName, relation.name()));
        if (find(txn, relation, s.newname()).isPresent()) {
            throw PgException.of(SqlState.DUPLICATE_OBJECT, "rule \"%s\" for relation \"%s\" already exists",
                    s.newname(), relation.name());
        }
        rules.changed();
        objects.rules().replace(txn, rule.withName(s.newname()));
        return Execution.done("ALTER RULE");
    }

    private Optional<RuleInfo> find(Transaction txn, Relation relation, String name) {
        return objects.rules().forRelation(txn.snapshot(), relation.oid()).stream().filter(r -> r.name().equals(name))
                .findFirst();
    }

    private static RangeVar rangeVar(List<String> name) {
        return new RangeVar(null, name.size() > 1 ? name.get(name.size() - 2) : null, name.get(name.size() - 1), true,
                'p', null, -1);
    }
}
