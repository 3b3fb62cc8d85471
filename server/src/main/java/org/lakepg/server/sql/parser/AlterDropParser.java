package org.lakepg.server.sql.parser;

import java.util.ArrayList;
import java.util.List;
import org.lakepg.server.sql.ast.AlterCollationStmt;
import org.lakepg.server.sql.ast.AlterDatabaseStmt;
import org.lakepg.server.sql.ast.AlterDomainStmt;
import org.lakepg.server.sql.ast.AlterEnumStmt;
import org.lakepg.server.sql.ast.AlterFunctionStmt;
import org.lakepg.server.sql.ast.AlterObjectSchemaStmt;
import org.lakepg.server.sql.ast.AlterOperatorStmt;
import org.lakepg.server.sql.ast.AlterOwnerStmt;
import org.lakepg.server.sql.ast.AlterPolicyStmt;
import org.lakepg.server.sql.ast.AlterRoleStmt;
import org.lakepg.server.sql.ast.AlterSeqStmt;
import org.lakepg.server.sql.ast.AlterStatsStmt;
import org.lakepg.server.sql.ast.AlterSystemStmt;
import org.lakepg.server.sql.ast.AlterTableCmd;
import org.lakepg.server.sql.ast.AlterTableSpaceOptionsStmt;
import org.lakepg.server.sql.ast.AlterTableStmt;
import org.lakepg.server.sql.ast.AlterTableType;
import org.lakepg.server.sql.ast.AlterTypeStmt;
import org.lakepg.server.sql.ast.CollateClause;
import org.lakepg.server.sql.ast.ColumnDef;
import org.lakepg.server.sql.ast.CommentStmt;
import org.lakepg.server.sql.ast.Constraint;
import org.lakepg.server.sql.ast.DefElem;
import org.lakepg.server.sql.ast.DropOwnedStmt;
import org.lakepg.server.sql.ast.DropRoleStmt;
import org.lakepg.server.sql.ast.DropStmt;
import org.lakepg.server.sql.ast.DropTableSpaceStmt;
import org.lakepg.server.sql.ast.DropdbStmt;
import org.lakepg.server.sql.ast.Expr;
import org.lakepg.server.sql.ast.ObjectType;
import org.lakepg.server.sql.ast.ObjectWithArgs;
import org.lakepg.server.sql.ast.RangeVar;
import org.lakepg.server.sql.ast.RenameStmt;
import org.lakepg.server.sql.ast.RoleSpec;
import org.lakepg.server.sql.ast.SecLabelStmt;
import org.lakepg.server.sql.ast.Statement;
import org.lakepg.server.sql.ast.VariableSetStmt;

/**
 * ALTER (tables and relation-like objects, sequences, functions, types, domains, roles, databases,
 * RENAME/OWNER/SET SCHEMA of anything), DROP, COMMENT ON, SECURITY LABEL.
 */
abstract class AlterDropParser extends CreateParser {

    AlterDropParser(String sql, List<Token> tokens) {
        super(sql, tokens);
    }

    final Statement alterStmt() {
        int start = p;
        expect("alter");
        if (at("table") || at("index") || at("view") || at("sequence") || atSeq("materialized", "view")
                || atSeq("foreign", "table")) {
            return alterRelation(start);
        }
        if (at("function") || at("procedure") || at("routine")) {
            return alterFunction();
        }
        if (at("type") && !peek(1).isPunct("(")) {
            return alterType(start);
        }
        if (at("domain")) {
            return alterDomain();
        }
        if (at("role") || at("user") && !peek(1).isKeyword("mapping") || at("group")) {
            return alterRole(start);
        }
        if (at("database")) {
            return alterDatabase(start);
        }
        if (accept("system")) {
            if (accept("set")) {
                return new AlterSystemStmt(setRest(false));
            }
            expect("reset");
            String var = accept("all") ? null : varName();
            return new AlterSystemStmt(new VariableSetStmt(var == null ? VariableSetStmt.Kind.RESET_ALL
                    : VariableSetStmt.Kind.RESET, var, List.of(), false));
        }
        if (acceptSeq("default", "privileges")) {
            return alterDefaultPrivileges();
        }
        if (atSeq("user", "mapping")) {
            return alterUserMapping();
        }
        if (at("statistics")) {
            return alterStatistics();
        }
        if (at("tablespace") && (peek(2).isKeyword("set") || peek(2).isKeyword("reset"))) {
            next();
            String name = colId();
            boolean reset = next().value().equals("reset");
            return new AlterTableSpaceOptionsStmt(name, relOptions(), reset);
        }
        int save = p;
        int saveFurthest = furthest;
        Token kindToken = peek();
        ObjectType.Kind kind = objectKind();
        if (kind == ObjectType.Kind.CAST || kind == ObjectType.Kind.ACCESS_METHOD || kind == ObjectType.Kind.TRANSFORM) {
            throw syntaxErrorAt(kindToken);
        }
        if (kind != null && kind != ObjectType.Kind.COLUMN) {
            Object name = objectName(kind);
            Statement tail = renameOwnerSchemaTail(kind, null, name, false);
            if (tail != null) {
                return tail;
            }
            if (kind == ObjectType.Kind.OPERATOR) {
                expect("set");
                return new AlterOperatorStmt((ObjectWithArgs) name, definition());
            }
            if (kind == ObjectType.Kind.COLLATION) {
                expect("refresh");
                expect("version");
                return new AlterCollationStmt((List<String>) name);
            }
            if (kind == ObjectType.Kind.TSCONFIGURATION || kind == ObjectType.Kind.TSDICTIONARY) {
                return alterTextSearch(kind, (List<String>) name);
            }
            if (kind == ObjectType.Kind.EVENT_TRIGGER) {
                return alterEventTrigger(String.join(".", (List<String>) name));
            }
            if (kind == ObjectType.Kind.OPFAMILY) {
                List<Object> parts = (List<Object>) name;
                return alterOperatorFamily((List<String>) parts.get(1), (String) parts.get(0));
            }
            if (kind == ObjectType.Kind.FDW) {
                return alterFdw(String.join(".", (List<String>) name));
            }
            if (kind == ObjectType.Kind.FOREIGN_SERVER) {
                return alterServer(String.join(".", (List<String>) name));
            }
            if (kind == ObjectType.Kind.POLICY) {
                return alterPolicy((List<Object>) name);
            }
            if (kind == ObjectType.Kind.PUBLICATION) {
                return alterPublication(String.join(".", (List<String>) name));
            }
            if (kind == ObjectType.Kind.SUBSCRIPTION) {
                return alterSubscription(String.join(".", (List<String>) name));
            }
            // [NO] DEPENDS ON EXTENSION is kept generically; nothing else may follow an object name here
            if (kind != ObjectType.Kind.EXTENSION && !at("depends") && !atSeq("no", "depends")) {
                throw syntaxError();
            }
        }
        p = save;
        furthest = saveFurthest;
        if (kind == null && !at("extension")) {
            throw syntaxError();
        }
        int words = 1;
        while (isColLabel(peek()) && words < 3 && !atPunct("(")) {
            next();
            words++;
        }
        return genericUtility(start, words);
    }

    /** RENAME TO / OWNER TO / SET SCHEMA after an object name, or null when none follows. */
    private Statement renameOwnerSchemaTail(ObjectType.Kind kind, RangeVar rel, Object name, boolean missingOk) {
        if (acceptSeq("rename", "to")) {
            return new RenameStmt(new ObjectType(kind), null, rel, name, null, colLabelOrId(), missingOk);
        }
        if (acceptSeq("owner", "to")) {
            return new AlterOwnerStmt(new ObjectType(kind), rel, name, roleSpec());
        }
        if (acceptSeq("set", "schema")) {
            return new AlterObjectSchemaStmt(new ObjectType(kind), rel, name, colId(), missingOk);
        }
        return null;
    }

    /** ALTER POLICY name ON table [TO roles] [USING (...)] [WITH CHECK (...)], after "name ON table". */
    @SuppressWarnings("unchecked")
    private Statement alterPolicy(List<Object> nameOnTable) {
        String policy = (String) nameOnTable.get(0);
        RangeVar table = rangeVarOf((List<String>) nameOnTable.get(1), -1);
        List<RoleSpec> roles = accept("to") ? roleList() : List.of();
        Expr qual = null;
        if (accept("using")) {
            expectPunct("(");
            qual = aExpr();
            expectPunct(")");
        }
        Expr check = null;
        if (acceptSeq("with", "check")) {
            expectPunct("(");
            check = aExpr();
            expectPunct(")");
        }
        return new AlterPolicyStmt(policy, table, roles, qual, check);
    }

    /** ALTER STATISTICS [IF EXISTS] name SET STATISTICS n, or RENAME / OWNER / SET SCHEMA. */
    private Statement alterStatistics() {
        expect("statistics");
        boolean ifExists = acceptSeq("if", "exists");
        List<String> name = anyName();
        Statement tail = renameOwnerSchemaTail(ObjectType.Kind.STATISTIC_EXT, null, name, ifExists);
        if (tail != null) {
            return tail;
        }
        expect("set");
        expect("statistics");
        return new AlterStatsStmt(name, signedIconst(), ifExists);
    }

    private String colLabelOrId() {
        return colId();
    }

    private Statement alterRelation(int start) {
        ObjectType.Kind kind = objectKind();
        if (atSeq("all", "in")) {
            next();
            return alterAllInTablespace(kind);
        }
        boolean ifExists = acceptSeq("if", "exists");
        RangeVar rel = relationExpr();
        if (accept("rename")) {
            if (accept("to") || kind == ObjectType.Kind.INDEX || kind == ObjectType.Kind.SEQUENCE) {
                if (!tokens.get(p - 1).isKeyword("to")) {
                    throw syntaxError();
                }
                return new RenameStmt(new ObjectType(kind), new ObjectType(kind), rel, null, null, colId(), ifExists);
            }
            if (accept("constraint")) {
                String old = colId();
                expect("to");
                return new RenameStmt(new ObjectType(ObjectType.Kind.TABCONSTRAINT), new ObjectType(kind), rel, null, old,
                        colId(), ifExists);
            }
            accept("column");
            String old = colId();
            expect("to");
            return new RenameStmt(new ObjectType(ObjectType.Kind.COLUMN), new ObjectType(kind), rel, null, old, colId(),
                    ifExists);
        }
        if (acceptSeq("set", "schema")) {
            return new AlterObjectSchemaStmt(new ObjectType(kind), rel, null, colId(), ifExists);
        }
        if (kind == ObjectType.Kind.SEQUENCE && !at("owner") && !(at("set") && (peek(1).isKeyword("logged")
                || peek(1).isKeyword("unlogged")))) {
            List<DefElem> opts = sequenceOptions(false);
            if (!opts.isEmpty()) {
                return new AlterSeqStmt(rel, opts, ifExists);
            }
        }
        if (kind == ObjectType.Kind.INDEX && acceptSeq("attach", "partition")) {
            RangeVar part = qualifiedName();
            return new AlterTableStmt(rel, List.of(new AlterTableCmd(
                    new AlterTableType(
                            AlterTableType.Kind.ATTACH_PARTITION), null, 0, null, part, null,
                    false)), new ObjectType(kind), ifExists);
        }
        if (kind == ObjectType.Kind.INDEX && (at("depends") || at("no"))) {
            return genericUtility(start, 2);
        }
        return new AlterTableStmt(rel, alterTableCmds(), new ObjectType(kind), ifExists);
    }

    private Statement alterFunction() {
        ObjectType.Kind kind = objectKind();
        ObjectWithArgs func = functionWithArgs();
        Statement tail = renameOwnerSchemaTail(kind, null, func, false);
        if (tail != null) {
            return tail;
        }
        if (at("depends") || atSeq("no", "depends")) {
            accept("no");
            expect("depends");
            expect("on");
            expect("extension");
            colId();
            return new AlterFunctionStmt(new ObjectType(kind), func, List.of());
        }
        List<DefElem> actions = new ArrayList<>();
        while (functionOption(actions)) {
            // collect
        }
        if (actions.isEmpty()) {
            throw syntaxError();
        }
        accept("restrict");
        return new AlterFunctionStmt(new ObjectType(kind), func, actions);
    }

    private Statement alterType(int start) {
        expect("type");
        List<String> name = anyName();
        if (accept("add")) {
            if (accept("value")) {
                boolean ifNotExists = acceptSeq("if", "not", "exists");
                String value = sconst();
                String neighbor = null;
                boolean after = false;
                if (accept("before")) {
                    neighbor = sconst();
                } else if (accept("after")) {
                    neighbor = sconst();
                    after = true;
                }
                return new AlterEnumStmt(name, null, value, neighbor, after, ifNotExists);
            }
            p--;
        }
        if (acceptSeq("rename", "value")) {
            String old = sconst();
            expect("to");
            return new AlterEnumStmt(name, old, sconst(), null, false, false);
        }
        if (acceptSeq("rename", "attribute")) {
            String old = colId();
            expect("to");
            String nw = colId();
            dropBehavior();
            return new RenameStmt(new ObjectType(ObjectType.Kind.ATTRIBUTE), new ObjectType(ObjectType.Kind.TYPE),
                    rangeVarOf(name, -1), null, old, nw, false);
        }
        Statement tail = renameOwnerSchemaTail(ObjectType.Kind.TYPE, null, name, false);
        if (tail != null) {
            return tail;
        }
        if (accept("set")) {
            return new AlterTypeStmt(name, definition());
        }
        return new AlterTableStmt(rangeVarOf(name, -1), alterTypeCmds(), new ObjectType(ObjectType.Kind.TYPE), false);
    }

    /** alter_type_cmds: ADD ATTRIBUTE, DROP ATTRIBUTE [IF EXISTS], ALTER ATTRIBUTE ... TYPE, each with RESTRICT/CASCADE. */
    private List<AlterTableCmd> alterTypeCmds() {
        List<AlterTableCmd> cmds = new ArrayList<>();
        do {
            AlterTableType.Kind kind;
            String col = null;
            Object def = null;
            boolean missingOk = false;
            if (accept("add")) {
                expect("attribute");
                kind = AlterTableType.Kind.ALTER_TYPE_ADD_ATTRIBUTE;
                def = tableFuncElement();
            } else if (accept("drop")) {
                expect("attribute");
                kind = AlterTableType.Kind.ALTER_TYPE_DROP_ATTRIBUTE;
                missingOk = acceptSeq("if", "exists");
                col = colId();
            } else {
                expect("alter");
                expect("attribute");
                kind = AlterTableType.Kind.ALTER_TYPE_ALTER_ATTRIBUTE;
                col = colId();
                if (accept("set")) {
                    expect("data");
                }
                expect("type");
                int loc = pos();
                var type = typeName();
                CollateClause collate = null;
                if (at("collate")) {
                    int cloc = next().start();
                    collate = new CollateClause(null, anyName(), cloc);
                }
                def = new ColumnDef(col, type, null, List.of(), collate, null, List.of(), loc);
            }
            cmds.add(new AlterTableCmd(new AlterTableType(kind), col,
                    0, null, def, dropBehavior(), missingOk));
        } while (acceptPunct(","));
        return cmds;
    }

    private Statement alterDomain() {
        expect("domain");
        List<String> name = anyName();
        Statement tail = renameOwnerSchemaTail(ObjectType.Kind.DOMAIN, null, name, false);
        if (tail != null) {
            return tail;
        }
        if (acceptSeq("set", "default")) {
            return new AlterDomainStmt('T', name, null, aExpr(), null, false);
        }
        if (acceptSeq("drop", "default")) {
            return new AlterDomainStmt('T', name, null, null, null, false);
        }
        if (acceptSeq("set", "not", "null")) {
            return new AlterDomainStmt('O', name, null, null, null, false);
        }
        if (acceptSeq("drop", "not", "null")) {
            return new AlterDomainStmt('N', name, null, null, null, false);
        }
        if (accept("add")) {
            Constraint c = tableConstraint();
            return new AlterDomainStmt('C', name, null, c, null, false);
        }
        if (acceptSeq("drop", "constraint")) {
            boolean ifExists = acceptSeq("if", "exists");
            String con = colId();
            return new AlterDomainStmt('X', name, con, null, dropBehavior(), ifExists);
        }
        if (acceptSeq("validate", "constraint")) {
            return new AlterDomainStmt('V', name, colId(), null, null, false);
        }
        if (acceptSeq("rename", "constraint")) {
            String old = colId();
            expect("to");
            return new RenameStmt(new ObjectType(ObjectType.Kind.DOMCONSTRAINT), null, null, name, old, colId(), false);
        }
        throw syntaxError();
    }

    private Statement alterRole(int start) {
        next();
        if (at("all") || peek(1).isKeyword("in") || peek(1).isKeyword("set") || peek(1).isKeyword("reset")) {
            RoleSpec role = at("all") ? null : roleSpec();
            if (role == null) {
                next();
            }
            String db = null;
            if (acceptSeq("in", "database")) {
                db = colId();
            }
            if (accept("set")) {
                return new AlterRoleStmt(role, List.of(), db, setRest(false));
            }
            expect("reset");
            String var = accept("all") ? null : varName();
            return new AlterRoleStmt(role, List.of(), db, new VariableSetStmt(
                    var == null ? VariableSetStmt.Kind.RESET_ALL
                            : VariableSetStmt.Kind.RESET, var, List.of(), false));
        }
        RoleSpec role = roleSpec();
        if (acceptSeq("rename", "to")) {
            return new RenameStmt(new ObjectType(ObjectType.Kind.ROLE), null, null, role, null, nonReservedWord(), false);
        }
        if (accept("add") || accept("drop")) {
            boolean add = tokens.get(p - 1).value().equals("add");
            expect("user");
            return new AlterRoleStmt(role, List.of(new DefElem(null, "rolemembers", roleList(),
                    add ? DefElem.Action.ADD : DefElem.Action.DROP, -1)), null, null);
        }
        accept("with");
        return new AlterRoleStmt(role, roleOptions(false), null, null);
    }

    private Statement alterDatabase(int start) {
        expect("database");
        String name = colId();
        Statement tail = renameOwnerSchemaTail(ObjectType.Kind.DATABASE, null, List.of(name), false);
        if (tail != null) {
            return tail;
        }
        if (accept("set")) {
            if (acceptSeq("tablespace")) {
                return new AlterDatabaseStmt(name, List.of(new DefElem(null, "tablespace", colId(),
                        DefElem.Action.UNSPEC, -1)), null);
            }
            return new AlterDatabaseStmt(name, List.of(), setRest(false));
        }
        if (accept("reset")) {
            String var = accept("all") ? null : varName();
            return new AlterDatabaseStmt(name, List.of(), new VariableSetStmt(
                    var == null ? VariableSetStmt.Kind.RESET_ALL
                            : VariableSetStmt.Kind.RESET, var, List.of(), false));
        }
        if (acceptSeq("refresh", "collation", "version")) {
            return new AlterDatabaseStmt(name, List.of(new DefElem(null, "refresh_collation_version", null,
                    DefElem.Action.UNSPEC, -1)), null);
        }
        List<DefElem> options = databaseOptions();
        if (options.isEmpty()) {
            throw syntaxError();
        }
        return new AlterDatabaseStmt(name, options, null);
    }

    // ---- DROP ----

    final Statement dropStmt() {
        int start = p;
        expect("drop");
        if (at("role") || at("user") && !peek(1).isKeyword("mapping") || at("group")) {
            next();
            boolean ifExists = acceptSeq("if", "exists");
            return new DropRoleStmt(roleList(), ifExists);
        }
        if (at("database")) {
            next();
            boolean ifExists = acceptSeq("if", "exists");
            String name = colId();
            List<DefElem> opts = new ArrayList<>();
            if (accept("with") || atPunct("(")) {
                expectPunct("(");
                do {
                    opts.add(new DefElem(null, expect("force").value(), null, DefElem.Action.UNSPEC, -1));
                } while (acceptPunct(","));
                expectPunct(")");
            }
            return new DropdbStmt(name, ifExists, opts);
        }
        if (acceptSeq("owned", "by")) {
            return new DropOwnedStmt(roleList(), dropBehavior());
        }
        if (accept("tablespace")) {
            boolean ifExists = acceptSeq("if", "exists");
            return new DropTableSpaceStmt(colId(), ifExists);
        }
        if (at("subscription")) {
            return dropSubscription();
        }
        if (atSeq("user", "mapping")) {
            return dropUserMapping();
        }
        boolean concurrently = false;
        ObjectType.Kind kind = objectKind();
        if (kind == null || kind == ObjectType.Kind.COLUMN || kind == ObjectType.Kind.LARGEOBJECT) {
            throw syntaxError();
        }
        if (kind == ObjectType.Kind.INDEX && accept("concurrently")) {
            concurrently = true;
        }
        boolean ifExists = acceptSeq("if", "exists");
        List<Object> objects;
        if (kind == ObjectType.Kind.TRIGGER || kind == ObjectType.Kind.RULE || kind == ObjectType.Kind.POLICY
                || kind == ObjectType.Kind.CAST || kind == ObjectType.Kind.TRANSFORM || kind == ObjectType.Kind.OPCLASS
                || kind == ObjectType.Kind.OPFAMILY) {
            objects = List.of(objectName(kind));
        } else {
            objects = objectNameList(kind);
        }
        var behavior = dropBehavior();
        return new DropStmt(objects, new ObjectType(kind), behavior, ifExists, concurrently);
    }

    // ---- COMMENT / SECURITY LABEL ----

    final Statement commentStmt() {
        expect("comment");
        expect("on");
        ObjectType.Kind kind = objectKind();
        if (kind == null) {
            throw syntaxError();
        }
        Object name = objectName(kind);
        expect("is");
        String text = accept("null") ? null : sconst();
        return new CommentStmt(new ObjectType(kind), name, text);
    }

    final Statement securityLabelStmt() {
        expect("security");
        expect("label");
        String provider = null;
        if (accept("for")) {
            provider = nonReservedWordOrSconst();
        }
        expect("on");
        ObjectType.Kind kind = objectKind();
        if (kind == null) {
            throw syntaxError();
        }
        Object name = objectName(kind);
        expect("is");
        String label = accept("null") ? null : sconst();
        return new SecLabelStmt(new ObjectType(kind), name, provider, label);
    }
}
