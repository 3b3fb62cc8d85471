package org.lakepg.server.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.lakepg.server.catalog.objects.ObjectCatalog;
import org.lakepg.server.catalog.objects.PolicyCatalog;
import org.lakepg.server.catalog.objects.PolicyCatalog.Policy;
import org.lakepg.server.sql.ast.AlterPolicyStmt;
import org.lakepg.server.sql.ast.AlterTableType;
import org.lakepg.server.sql.ast.CreatePolicyStmt;
import org.lakepg.server.sql.ast.DropStmt;
import org.lakepg.server.sql.ast.Expr;
import org.lakepg.server.sql.ast.RangeVar;
import org.lakepg.server.sql.ast.RenameStmt;
import org.lakepg.server.sql.ast.RoleSpec;
import org.lakepg.server.table.ExpressionText;
import org.lakepg.server.table.TableInfo;
import org.lakepg.server.txn.Transaction;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * CREATE / ALTER / DROP POLICY and ALTER TABLE ... ENABLE | DISABLE | [NO] FORCE ROW LEVEL SECURITY: the
 * row-level security catalog (pg_policy, relrowsecurity), changed only by the table's owner.
 */
final class PolicyCommands {
    private final ObjectCatalog objects;
    private final SessionRelations relations;
    private final RoleAccess roles;
    private final Privileges privileges;
    private final Consumer<PgException> notices;

    PolicyCommands(ObjectCatalog objects, SessionRelations relations, RoleAccess roles, Privileges privileges,
                   Consumer<PgException> notices) {
        this.objects = objects;
        this.relations = relations;
        this.roles = roles;
        this.privileges = privileges;
        this.notices = notices;
    }

    /** @param validate binds a policy expression over the table's row (errors as PostgreSQL reports them) */
    Execution create(CreatePolicyStmt s, String source, Transaction txn,
                     BiConsumer<TableInfo, Expr> validate) {
        TableInfo table = ownedTable(txn, s.table());
        char command = command(s.cmdName());
        if (s.withCheck() != null && (command == 'r' || command == 'd')) {
            throw PgException.of(SqlState.SYNTAX_ERROR, "WITH CHECK cannot be applied to SELECT or DELETE");
        }
        if (s.qual() != null && command == 'a') {
            throw PgException.of(SqlState.SYNTAX_ERROR, "only WITH CHECK expression allowed for INSERT");
        }
        if (objects.policies().find(txn.snapshot(), table.oid(), s.policyName()).isPresent()) {
            throw PgException.of(SqlState.DUPLICATE_OBJECT, "policy \"%s\" for table \"%s\" already exists",
                    s.policyName(), table.name());
        }
        validated(table, s.qual(), validate);
        validated(table, s.withCheck(), validate);
        objects.policies().create(txn, new Policy(relations.catalog().newOid(), table.oid(), s.policyName(), command,
                s.permissive(), roleOids(s.roles()), text(s.qual(), source, false),
                text(s.withCheck(), source, true)));
        return Execution.done("CREATE POLICY");
    }

    Execution alter(AlterPolicyStmt s, String source, Transaction txn,
                    BiConsumer<TableInfo, Expr> validate) {
        TableInfo table = ownedTable(txn, s.table());
        Policy p = existing(txn, table, s.policyName());
        if (s.withCheck() != null && (p.command() == 'r' || p.command() == 'd')) {
            throw PgException.of(SqlState.SYNTAX_ERROR, "only USING expression allowed for SELECT, DELETE");
        }
        if (s.qual() != null && p.command() == 'a') {
            throw PgException.of(SqlState.SYNTAX_ERROR, "only WITH CHECK expression allowed for INSERT");
        }
        validated(table, s.qual(), validate);
        validated(table, s.withCheck(), validate);
        objects.policies().replace(txn, new Policy(p.oid(), p.table(), p.name(), p.command(), p.permissive(),
                s.roles() == null || s.roles().isEmpty() ? p.roles() : roleOids(s.roles()),
                s.qual() == null ? p.using() : text(s.qual(), source, false),
                s.withCheck() == null ? p.withCheck() : text(s.withCheck(), source, true)));
        return Execution.done("ALTER POLICY");
    }

    /** ALTER POLICY name ON table RENAME TO new. */
    Execution rename(RenameStmt s, Transaction txn) {
        List<?> parts = (List<?>) s.object();
        String name = s.relation() == null ? (String) parts.get(0) : s.subname();
        RangeVar relation = s.relation() != null ? s.relation() : TriggerCommands.rangeVar(names(parts.get(1)));
        TableInfo table = ownedTable(txn, relation);
        Policy p = existing(txn, table, name);
        if (objects.policies().find(txn.snapshot(), table.oid(), s.newname()).isPresent()) {
            throw PgException.of(SqlState.DUPLICATE_OBJECT, "policy \"%s\" for table \"%s\" already exists",
                    s.newname(), table.name());
        }
        objects.policies().replace(txn, p.renamed(s.newname()));
        return Execution.done("ALTER POLICY");
    }

    Execution drop(DropStmt s, Transaction txn) {
        for (Object o : s.objects()) {
            List<?> parts = (List<?>) o;
            String name = (String) parts.get(0);
            List<String> tableName = names(parts.get(1));
            Optional<TableInfo> table = relations.table(txn.snapshot(), TriggerCommands.rangeVar(tableName));
            if (table.isEmpty()) {
                if (s.missingOk()) {
                    notice("relation \"%s\" does not exist, skipping", String.join(".", tableName));
                    continue;
                }
                throw PgException.of(SqlState.UNDEFINED_TABLE, "relation \"%s\" does not exist", String.join(".", tableName));
            }
            Optional<Policy> p = objects.policies().find(txn.snapshot(), table.get().oid(), name);
            if (p.isEmpty() && s.missingOk()) {
                notice("policy \"%s\" for relation \"%s\" does not exist, skipping", name, table.get().name());
                continue;
            }
            roles.requireOwner(privileges.tableOwner(txn.snapshot(), table.get().oid()), "relation", table.get().name());
            objects.policies().drop(txn, existing(txn, table.get(), name).oid());
        }
        return Execution.done("DROP POLICY");
    }

    /** ALTER TABLE ... ENABLE / DISABLE / FORCE / NO FORCE ROW LEVEL SECURITY. */
    void alterTable(Transaction txn, TableInfo table, AlterTableType.Kind kind) {
        PolicyCatalog.Switches now = objects.policies().switches(txn.snapshot(), table.oid());
        PolicyCatalog.Switches next = switch (kind) {
            case ENABLE_ROW_SECURITY -> new PolicyCatalog.Switches(true, now.forced());
            case DISABLE_ROW_SECURITY -> new PolicyCatalog.Switches(false, now.forced());
            case FORCE_ROW_SECURITY -> new PolicyCatalog.Switches(now.enabled(), true);
            case NO_FORCE_ROW_SECURITY -> new PolicyCatalog.Switches(now.enabled(), false);
            default -> throw new IllegalArgumentException(kind.name());
        };
        objects.policies().setSwitches(txn, table.oid(), next);
    }

    private TableInfo ownedTable(Transaction txn, RangeVar relation) {
        TableInfo table = relations.requireTable(txn.snapshot(), relation);
        roles.requireOwner(privileges.tableOwner(txn.snapshot(), table.oid()), "table", table.name());
        return table;
    }

    private Policy existing(Transaction txn, TableInfo table, String name) {
        return objects.policies().find(txn.snapshot(), table.oid(), name).orElseThrow(() -> PgException.of(
                SqlState.UNDEFINED_OBJECT, "policy \"%s\" for table \"%s\" does not exist", name, table.name()));
    }

    private static void validated(TableInfo table, Expr e, BiConsumer<TableInfo, Expr> validate) {
        if (e != null) {
            validate.accept(table, e);
        }
    }

    private List<Long> roleOids(List<RoleSpec> specs) {
        if (specs == null || specs.isEmpty()) {
            return List.of(org.lakepg.server.catalog.objects.PrivilegeCatalog.PUBLIC);
        }
        List<Long> out = new ArrayList<>();
        for (RoleSpec r : specs) {
            long oid = roles.oidOf(r);
            if (!out.contains(oid)) {
                out.add(oid);
            }
        }
        return out;
    }

    /** polcmd of FOR ALL | SELECT | INSERT | UPDATE | DELETE. */
    private static char command(String cmdName) {
        if (cmdName == null) {
            return '*';
        }
        return switch (cmdName.toLowerCase(java.util.Locale.ROOT)) {
            case "all", "*" -> '*';
            case "select", "r" -> 'r';
            case "insert", "a" -> 'a';
            case "update", "w" -> 'w';
            case "delete", "d" -> 'd';
            default -> throw PgException.of(SqlState.SYNTAX_ERROR, "unrecognized policy command");
        };
    }

    /**
     * The expression as the catalog keeps it: its canonical text, or where that cannot be written (a subquery) the
     * text as the statement wrote it inside USING ( ... ) or WITH CHECK ( ... ).
     */
    private static String text(Expr e, String source, boolean check) {
        if (e == null) {
            return null;
        }
        try {
            return ExpressionText.of(e);
        } catch (PgException unsupported) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile(check ? "(?is)\\bwith\\s+check\\s*\\("
                    : "(?is)\\busing\\s*\\(").matcher(source == null ? "" : source);
            if (!m.find()) {
                throw unsupported;
            }
            int open = m.end() - 1;
            int depth = 0;
            char quote = 0;
            for (int i = open; i < source.length(); i++) {
                char ch = source.charAt(i);
                if (quote != 0) {
                    quote = ch == quote ? 0 : quote;
                } else if (ch == '\'' || ch == '"') {
                    quote = ch;
                } else if (ch == '(') {
                    depth++;
                } else if (ch == ')' && --depth == 0) {
                    return "(" + source.substring(open + 1, i) + ")";
                }
            }
            throw unsupported;
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> names(Object o) {
        return (List<String>) o;
    }

    private void notice(String format, Object... args) {
        notices.accept(PgException.of(SqlState.SUCCESSFUL_COMPLETION, format, args)
                .withSeverity(PgException.Severity.NOTICE));
    }
}
