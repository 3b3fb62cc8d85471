package org.lakepg.server.session;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.lakepg.server.catalog.TypeEntry;
import org.lakepg.server.catalog.TypeOids;
import org.lakepg.server.catalog.objects.ObjectCatalog;
import org.lakepg.server.catalog.objects.SchemaInfo;
import org.lakepg.server.catalog.types.UserType;
import org.lakepg.server.sql.analyzer.ExpressionAnalyzer;
import org.lakepg.server.sql.analyzer.Scope;
import org.lakepg.server.sql.analyzer.TypeCoercion;
import org.lakepg.server.sql.analyzer.TypeNames;
import org.lakepg.server.sql.ast.AlterDomainStmt;
import org.lakepg.server.sql.ast.Constraint;
import org.lakepg.server.sql.ast.CreateDomainStmt;
import org.lakepg.server.sql.ast.Expr;
import org.lakepg.server.sql.plan.expr.BoundExpr;
import org.lakepg.server.sql.plan.expr.InputRef;
import org.lakepg.server.table.ExpressionText;
import org.lakepg.server.table.TableCatalog;
import org.lakepg.server.txn.Transaction;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/** CREATE DOMAIN and ALTER DOMAIN, as PostgreSQL's DefineDomain / AlterDomain* (typecmds.c). */
final class DomainCommands {
    private final ObjectCatalog objects;
    private final TableCatalog tables;
    private final RoleAccess roles;
    private final Consumer<PgException> notices;
    private final TypeCommands types;
    private final DomainValidation validation;

    DomainCommands(ObjectCatalog objects, TableCatalog tables, RoleAccess roles, Consumer<PgException> notices,
                   TypeCommands types, DomainValidation validation) {
        this.objects = objects;
        this.tables = tables;
        this.roles = roles;
        this.notices = notices;
        this.types = types;
        this.validation = validation;
    }

    Execution create(CreateDomainStmt s, Transaction txn, ExpressionAnalyzer analyzer) {
        SchemaInfo schema = types.creationSchema(txn, s.domainname());
        String name = s.domainname().get(s.domainname().size() - 1);
        types.requireNewName(txn.snapshot(), schema, name);
        long[] base = analyzer.resolveType(s.typeName());
        TypeEntry baseEntry = analyzer.coercer().rules().types().type(base[0]).orElseThrow();
        char kind = baseEntry.kind();
        if (kind != TypeEntry.KIND_BASE && kind != TypeEntry.KIND_COMPOSITE && kind != TypeEntry.KIND_DOMAIN
                && kind != TypeEntry.KIND_ENUM && kind != TypeEntry.KIND_RANGE && kind != TypeEntry.KIND_MULTIRANGE) {
            throw PgException.of(SqlState.DATATYPE_MISMATCH, "\"%s\" is not a valid base type for a domain",
                    TypeNames.format(analyzer.coercer().rules().types(), base[0]));
        }
        Boolean notNull = null;
        String defaultText = null;
        List<UserType.DomainCheck> checks = new ArrayList<>();
        for (Constraint c : s.constraints()) {
            switch (c.contype()) {
                case NOTNULL, NULL -> {
                    boolean wants = c.contype() == Constraint.ConstrType.NOTNULL;
                    if (notNull != null && notNull != wants) {
                        throw PgException.of(SqlState.SYNTAX_ERROR, "conflicting NULL/NOT NULL constraints");
                    }
                    notNull = wants;
                }
                case DEFAULT -> {
                    if (defaultText != null) {
                        throw PgException.of(SqlState.SYNTAX_ERROR, "multiple default expressions");
                    }
                    analyzer.coercer().coerce(analyzer.analyze(c.rawExpr(), Scope.EMPTY), base[0], (int) base[1],
                            TypeCoercion.Context.ASSIGNMENT, c.location());
                    defaultText = ExpressionText.of(c.rawExpr());
                }
                case CHECK -> checks.add(check(c, name, checks, base, analyzer));
                case PRIMARY, UNIQUE -> throw PgException.of(SqlState.SYNTAX_ERROR,
                        "%s constraints not possible for domains",
                        c.contype() == Constraint.ConstrType.PRIMARY ? "primary key" : "unique");
                case FOREIGN -> throw PgException.of(SqlState.SYNTAX_ERROR, "foreign key constraints not possible for domains");
                default -> throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED,
                        "specifying constraint deferrability not supported for domains");
            }
        }
        objects.types().create(txn, new UserType.Domain(tables.newOid(), tables.newOid(), name, schema.oid(),
                roles.currentRoleOid(), base[0], (int) base[1], notNull != null && notNull, defaultText, checks));
        return Execution.done("CREATE DOMAIN");
    }

    /** A CHECK constraint of a domain: VALUE is the only column, the condition must be boolean. */
    private UserType.DomainCheck check(Constraint c, String domain, List<UserType.DomainCheck> existing, long[] base,
                                       ExpressionAnalyzer analyzer) {
        String name = c.conname();
        if (name == null) {
            name = domain + "_check";
            for (int i = 1; nameTaken(existing, name); i++) {
                name = domain + "_check" + i;
            }
        } else if (nameTaken(existing, name)) {
            throw PgException.of(SqlState.DUPLICATE_OBJECT, "constraint \"%s\" for domain \"%s\" already exists", name,
                    domain);
        }
        validateCheck(c.rawExpr(), base, analyzer);
        return new UserType.DomainCheck(tables.newOid(), name, ExpressionText.of(c.rawExpr()));
    }

    private static boolean nameTaken(List<UserType.DomainCheck> checks, String name) {
        return checks.stream().anyMatch(k -> k.name().equals(name));
    }

    private static BoundExpr validateCheck(Expr condition, long[] base, ExpressionAnalyzer analyzer) {
        InputRef value = new InputRef(0, base[0], (int) base[1], "VALUE");
        Scope scope = (fields, location) -> fields.size() == 1 && fields.get(0).equals("value")
                ? java.util.Optional.of(value) : java.util.Optional.empty();
        return analyzer.requireBoolean(analyzer.analyze(condition, scope), "CHECK", -1);
    }

    Execution alter(AlterDomainStmt s, Transaction txn, ExpressionAnalyzer analyzer) {
        TypeEntry entry = types.requireType(s.typeName());
        if (!(objects.types().find(txn.snapshot(), entry.oid()).orElse(null) instanceof UserType.Domain d)
                || d.oid() != entry.oid()) {
            throw PgException.of(SqlState.WRONG_OBJECT_TYPE, "%s is not a domain",
                    TypeNames.format(analyzer.coercer().rules().types(), entry.oid()));
        }
        roles.requireOwner(d.owner(), "type", d.name());
        long[] base = {d.baseType(), d.baseTypmod()};
        UserType.Domain changed = switch (s.subtype()) {
            case 'T' -> {
                String text = null;
                if (s.def() != null) {
                    Expr e = (Expr) s.def();
                    analyzer.coercer().coerce(analyzer.analyze(e, Scope.EMPTY), d.baseType(), d.baseTypmod(),
                            TypeCoercion.Context.ASSIGNMENT, -1);
                    text = ExpressionText.of(e);
                }
                yield new UserType.Domain(d.oid(), d.arrayOid(), d.name(), d.namespace(), d.owner(), d.baseType(),
                        d.baseTypmod(), d.notNull(), text, d.checks());
            }
            case 'N' -> withNotNull(d, false);
            case 'O' -> {
                if (!d.notNull()) {
                    validation.requireNoNulls(txn, d);
                }
                yield withNotNull(d, true);
            }
            case 'C' -> {
                Constraint c = (Constraint) s.def();
                if (c.contype() != Constraint.ConstrType.CHECK) {
                    if (c.contype() == Constraint.ConstrType.NOTNULL) {
                        if (!d.notNull()) {
                            validation.requireNoNulls(txn, d);
                        }
                        yield withNotNull(d, true);
                    }
                    throw PgException.of(SqlState.SYNTAX_ERROR, "%s constraints not possible for domains",
                            c.contype() == Constraint.ConstrType.PRIMARY ? "primary key"
                                    : c.contype() == Constraint.ConstrType.UNIQUE ? "unique" : "foreign key");
                }
                UserType.DomainCheck added = check(c, d.name(), d.checks(), base, analyzer);
                if (!c.skipValidation()) {
                    validation.requireChecked(txn, d, added, analyzer);
                }
                List<UserType.DomainCheck> checks = new ArrayList<>(d.checks());
                checks.add(added);
                yield new UserType.Domain(d.oid(), d.arrayOid(), d.name(), d.namespace(), d.owner(), d.baseType(),
                        d.baseTypmod(), d.notNull(), d.defaultText(), checks);
            }
            case 'X' -> {
                List<UserType.DomainCheck> checks = new ArrayList<>(d.checks());
                if (!checks.removeIf(k -> k.name().equals(s.name()))) {
                    if (s.missingOk()) {
                        notices.accept(PgException.of(SqlState.UNDEFINED_OBJECT,
                                "constraint \"%s\" of domain \"%s\" does not exist, skipping", s.name(), d.name())
                                .withSeverity(PgException.Severity.NOTICE));
                        yield d;
                    }
                    throw PgException.of(SqlState.UNDEFINED_OBJECT, "constraint \"%s\" of domain \"%s\" does not exist",
                            s.name(), d.name());
                }
                yield new UserType.Domain(d.oid(), d.arrayOid(), d.name(), d.namespace(), d.owner(), d.baseType(),
                        d.baseTypmod(), d.notNull(), d.defaultText(), checks);
            }
            case 'V' -> {
                if (d.checks().stream().noneMatch(k -> k.name().equals(s.name()))) {
                    throw PgException.of(SqlState.UNDEFINED_OBJECT, "constraint \"%s\" of domain \"%s\" does not exist",
                            s.name(), d.name());
                }
                yield d;
            }
            default -> throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED, "this ALTER DOMAIN form is not supported yet");
        };
        if (changed != d) {
            objects.types().replace(txn, changed);
        }
        return Execution.done("ALTER DOMAIN");
    }

    private static UserType.Domain withNotNull(UserType.Domain d, boolean notNull) {
        return new UserType.Domain(d.oid(), d.arrayOid(), d.name(), d.namespace(), d.owner(), d.baseType(),
                d.baseTypmod(), notNull, d.defaultText(), d.checks());
    }
}
