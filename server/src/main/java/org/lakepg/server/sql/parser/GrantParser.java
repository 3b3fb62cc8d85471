package org.lakepg.server.sql.parser;

import java.util.ArrayList;
import java.util.List;
import org.lakepg.server.sql.ast.AccessPriv;
import org.lakepg.server.sql.ast.AlterDefaultPrivilegesStmt;
import org.lakepg.server.sql.ast.DefElem;
import org.lakepg.server.sql.ast.DropBehavior;
import org.lakepg.server.sql.ast.GrantRoleStmt;
import org.lakepg.server.sql.ast.GrantStmt;
import org.lakepg.server.sql.ast.ObjectType;
import org.lakepg.server.sql.ast.ObjectWithArgs;
import org.lakepg.server.sql.ast.RoleSpec;
import org.lakepg.server.sql.ast.Statement;
import org.lakepg.server.sql.ast.VariableSetStmt;
import org.lakepg.wire.error.SqlState;

/** GRANT/REVOKE of privileges and of role membership, role lists and RoleSpec (CURRENT_USER, PUBLIC, ...). */
abstract class GrantParser extends TableDdlParser {

    GrantParser(String sql, List<Token> tokens) {
        super(sql, tokens);
    }

    /** Any statement (used by EXPLAIN, CREATE SCHEMA elements, rule actions, SQL function bodies). */
    abstract Statement statement();

    /** function_with_argtypes (defined with the other signatures). */
    abstract ObjectWithArgs functionWithArgs();

    abstract VariableSetStmt setRest(boolean local);

    abstract DropBehavior dropBehavior();

    final Statement grantOrRevoke() {
        boolean grant = next().value().equals("grant");
        boolean grantOption = false;
        if (!grant && (at("grant") || at("admin")) && peek(1).isKeyword("option") && peek(2).isKeyword("for")) {
            grantOption = true;
            p += 3;
        }
        List<AccessPriv> privs = privileges();
        if (!accept("on")) {
            // role membership
            if (!grant) {
                expect("from");
            } else {
                expect("to");
            }
            List<RoleSpec> grantees = granteeList();
            boolean admin = grantOption;
            if (grant && acceptSeq("with", "admin", "option")) {
                admin = true;
            }
            RoleSpec grantor = acceptSeq("granted", "by") ? roleSpec() : null;
            var behavior = grant ? null : dropBehavior();
            return new GrantRoleStmt(privs, grantees, grant, admin, grantor, behavior);
        }
        String targtype = "object";
        ObjectType.Kind kind = ObjectType.Kind.TABLE;
        List<Object> objects = new ArrayList<>();
        if (accept("all")) {
            targtype = "all_in_schema";
            Token k = next();
            kind = switch (k.value()) {
                case "tables" -> ObjectType.Kind.TABLE;
                case "sequences" -> ObjectType.Kind.SEQUENCE;
                case "functions" -> ObjectType.Kind.FUNCTION;
                case "procedures" -> ObjectType.Kind.PROCEDURE;
                case "routines" -> ObjectType.Kind.ROUTINE;
                default -> throw syntaxErrorAt(k);
            };
            expect("in");
            expect("schema");
            objects.addAll(colIdList());
        } else {
            int kindStart = p;
            kind = grantObjectKind();
            if (p == kindStart + 1 && (at("to") || at("from") || atPunct(","))) {
                // the "kind" word was a table name: the object type keyword is optional for tables
                p = kindStart;
                kind = ObjectType.Kind.TABLE;
            }
            do {
                switch (kind) {
                    case FUNCTION, PROCEDURE, ROUTINE -> objects.add(functionWithArgs());
                    case LARGEOBJECT -> objects.add(numericOnly());
                    default -> objects.add(anyName());
                }
            } while (acceptPunct(","));
        }
        if (grant) {
            expect("to");
        } else {
            expect("from");
        }
        List<RoleSpec> grantees = granteeList();
        if (grant && acceptSeq("with", "grant", "option")) {
            grantOption = true;
        }
        RoleSpec grantor = acceptSeq("granted", "by") ? roleSpec() : null;
        var behavior = grant ? null : dropBehavior();
        return new GrantStmt(grant, targtype, new ObjectType(kind), objects, privs, grantees, grantOption, grantor,
                behavior);
    }

    private ObjectType.Kind grantObjectKind() {
        if (accept("table")) {
            return ObjectType.Kind.TABLE;
        }
        if (accept("sequence")) {
            return ObjectType.Kind.SEQUENCE;
        }
        if (acceptSeq("foreign", "data", "wrapper")) {
            return ObjectType.Kind.FDW;
        }
        if (acceptSeq("foreign", "server")) {
            return ObjectType.Kind.FOREIGN_SERVER;
        }
        if (accept("function")) {
            return ObjectType.Kind.FUNCTION;
        }
        if (accept("procedure")) {
            return ObjectType.Kind.PROCEDURE;
        }
        if (accept("routine")) {
            return ObjectType.Kind.ROUTINE;
        }
        if (accept("database")) {
            return ObjectType.Kind.DATABASE;
        }
        if (accept("domain")) {
            return ObjectType.Kind.DOMAIN;
        }
        if (accept("language")) {
            return ObjectType.Kind.LANGUAGE;
        }
        if (acceptSeq("large", "object")) {
            return ObjectType.Kind.LARGEOBJECT;
        }
        if (accept("schema")) {
            return ObjectType.Kind.SCHEMA;
        }
        if (accept("tablespace")) {
            return ObjectType.Kind.TABLESPACE;
        }
        if (accept("type")) {
            return ObjectType.Kind.TYPE;
        }
        if (accept("parameter")) {
            return ObjectType.Kind.PARAMETER_ACL;
        }
        return ObjectType.Kind.TABLE;
    }

    /** privileges: ALL [PRIVILEGES] [(cols)] or a list of privilege [(cols)]; also role names for GRANT role. */
    private List<AccessPriv> privileges() {
        List<AccessPriv> privs = new ArrayList<>();
        if (at("all") && !peek(1).isKeyword("on") || atSeq("all", "on")) {
            next();
            accept("privileges");
            List<String> cols = atPunct("(") ? parenColIdList() : List.of();
            privs.add(new AccessPriv(null, cols));
            return privs;
        }
        do {
            Token t = peek();
            String name;
            if (t.isKeyword("select") || t.isKeyword("references") || t.isKeyword("create")) {
                name = next().value();
            } else if (isColId(t)) {
                name = next().value();
            } else {
                throw syntaxError();
            }
            List<String> cols = atPunct("(") ? parenColIdList() : List.of();
            privs.add(new AccessPriv(name, cols));
        } while (acceptPunct(","));
        return privs;
    }

    final List<RoleSpec> roleList() {
        List<RoleSpec> roles = new ArrayList<>();
        do {
            roles.add(roleSpec());
        } while (acceptPunct(","));
        return roles;
    }

    /** grantee_list: role specs, each optionally written GROUP name. */
    private List<RoleSpec> granteeList() {
        List<RoleSpec> roles = new ArrayList<>();
        do {
            accept("group");
            roles.add(roleSpec());
        } while (acceptPunct(","));
        return roles;
    }

    /** RoleId: a role name being defined, where PUBLIC, NONE and CURRENT_USER-like words are refused. */
    final String roleId() {
        Token t = peek();
        RoleSpec spec = roleSpec();
        return switch (spec.roletype()) {
            case CSTRING -> spec.rolename();
            case PUBLIC -> throw errorAt(SqlState.RESERVED_NAME, t.start(), "role name \"%s\" is reserved", "public");
            default -> throw errorAt(SqlState.RESERVED_NAME, t.start(), "%s cannot be used as a role name here",
                    t.value().toUpperCase(java.util.Locale.ROOT));
        };
    }

    /** RoleSpec: a non-reserved name or CURRENT_ROLE / CURRENT_USER / SESSION_USER; "public" is PUBLIC. */
    final RoleSpec roleSpec() {
        Token t = peek();
        int loc = t.start();
        if (t.isKeyword("current_role")) {
            next();
            return new RoleSpec(RoleSpec.Type.CURRENT_ROLE, null, loc);
        }
        if (t.isKeyword("current_user")) {
            next();
            return new RoleSpec(RoleSpec.Type.CURRENT_USER, null, loc);
        }
        if (t.isKeyword("session_user")) {
            next();
            return new RoleSpec(RoleSpec.Type.SESSION_USER, null, loc);
        }
        if (t.kind() == TokenKind.SCONST) {
            next();
            return new RoleSpec(RoleSpec.Type.CSTRING, t.value(), loc);
        }
        String name = nonReservedWord();
        if (name.equals("public")) {
            return new RoleSpec(RoleSpec.Type.PUBLIC, null, loc);
        }
        if (name.equals("none")) {
            throw errorAt(SqlState.RESERVED_NAME, loc, "role name \"%s\" is reserved", name);
        }
        return new RoleSpec(RoleSpec.Type.CSTRING, name, loc);
    }

    /** ALTER DEFAULT PRIVILEGES [IN SCHEMA ... | FOR ROLE/USER ...]* GRANT/REVOKE ... ON TABLES/... TO/FROM ... */
    final Statement alterDefaultPrivileges() {
        List<DefElem> options = new ArrayList<>();
        while (true) {
            int loc = pos();
            if (acceptSeq("in", "schema")) {
                options.add(new DefElem(null, "schemas", colIdList(), DefElem.Action.UNSPEC, loc));
            } else if (accept("for")) {
                if (!accept("role")) {
                    expect("user");
                }
                options.add(new DefElem(null, "roles", roleList(), DefElem.Action.UNSPEC, loc));
            } else {
                break;
            }
        }
        boolean grant;
        if (accept("grant")) {
            grant = true;
        } else {
            expect("revoke");
            grant = false;
        }
        boolean grantOption = !grant && acceptSeq("grant", "option", "for");
        List<AccessPriv> privs = privileges();
        expect("on");
        Token target = next();
        ObjectType.Kind kind = switch (target.value()) {
            case "tables" -> ObjectType.Kind.TABLE;
            case "functions" -> ObjectType.Kind.FUNCTION;
            case "routines" -> ObjectType.Kind.ROUTINE;
            case "sequences" -> ObjectType.Kind.SEQUENCE;
            case "types" -> ObjectType.Kind.TYPE;
            case "schemas" -> ObjectType.Kind.SCHEMA;
            default -> throw syntaxErrorAt(target);
        };
        if (grant) {
            expect("to");
        } else {
            expect("from");
        }
        List<RoleSpec> grantees = granteeList();
        if (grant && acceptSeq("with", "grant", "option")) {
            grantOption = true;
        }
        var behavior = grant ? null : dropBehavior();
        GrantStmt action = new GrantStmt(grant, "defaults", new ObjectType(kind), List.of(), privs, grantees, grantOption,
                null, behavior);
        return new AlterDefaultPrivilegesStmt(options, action);
    }
}
