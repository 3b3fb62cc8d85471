package org.lakepg.server.sql.parser;

import java.util.ArrayList;
import java.util.List;
import org.lakepg.server.sql.ast.AccessPriv;
import org.lakepg.server.sql.ast.AlterTableCmd;
import org.lakepg.server.sql.ast.AlterTableType;
import org.lakepg.server.sql.ast.ColumnDef;
import org.lakepg.server.sql.ast.CompositeTypeStmt;
import org.lakepg.server.sql.ast.Constraint;
import org.lakepg.server.sql.ast.CreateDomainStmt;
import org.lakepg.server.sql.ast.CreateEnumStmt;
import org.lakepg.server.sql.ast.CreateFunctionStmt;
import org.lakepg.server.sql.ast.CreateRangeStmt;
import org.lakepg.server.sql.ast.CreateSchemaStmt;
import org.lakepg.server.sql.ast.CreateSeqStmt;
import org.lakepg.server.sql.ast.CreateTableAsStmt;
import org.lakepg.server.sql.ast.CollateClause;
import org.lakepg.server.sql.ast.DefElem;
import org.lakepg.server.sql.ast.DefineStmt;
import org.lakepg.server.sql.ast.Expr;
import org.lakepg.server.sql.ast.FunctionParameter;
import org.lakepg.server.sql.ast.GrantRoleStmt;
import org.lakepg.server.sql.ast.GrantStmt;
import org.lakepg.server.sql.ast.IntoClause;
import org.lakepg.server.sql.ast.ObjectType;
import org.lakepg.server.sql.ast.ObjectWithArgs;
import org.lakepg.server.sql.ast.OnCommitAction;
import org.lakepg.server.sql.ast.RangeVar;
import org.lakepg.server.sql.ast.RoleSpec;
import org.lakepg.server.sql.ast.Statement;
import org.lakepg.server.sql.ast.TypeName;
import org.lakepg.server.sql.ast.UtilityStmt;
import org.lakepg.server.sql.ast.ViewStmt;

/**
 * CREATE of views, sequences, schemas, functions and procedures, types, domains; GRANT/REVOKE;
 * function signatures, role specs and the generic fallback for rarely used utility commands.
 */
abstract class ObjectDdlParser extends TableDdlParser {

    ObjectDdlParser(String sql, List<Token> tokens) {
        super(sql, tokens);
    }

    /** Any statement (used by EXPLAIN, CREATE SCHEMA elements, rule actions, SQL function bodies). */
    abstract Statement statement();

    abstract org.lakepg.server.sql.ast.VariableSetStmt setRest(boolean local);

    abstract org.lakepg.server.sql.ast.DropBehavior dropBehavior();

    // ---- views ----

    final ViewStmt createView(boolean replace, char persistence, boolean recursive) {
        expect("view");
        RangeVar view = qualifiedName();
        view = new RangeVar(view.catalogname(), view.schemaname(), view.relname(), true, persistence, null,
                view.location());
        List<String> aliases = atPunct("(") ? parenColIdList() : List.of();
        List<DefElem> options = at("with") && peek(1).isPunct("(") ? withOptions() : List.of();
        expect("as");
        Statement query = selectStatement();
        ViewStmt.CheckOption check = ViewStmt.CheckOption.NO_CHECK_OPTION;
        if (at("with") && (peek(1).isKeyword("check") || peek(1).isKeyword("cascaded") || peek(1).isKeyword("local"))) {
            next();
            check = ViewStmt.CheckOption.CASCADED_CHECK_OPTION;
            if (accept("local")) {
                check = ViewStmt.CheckOption.LOCAL_CHECK_OPTION;
            } else {
                accept("cascaded");
            }
            expect("check");
            expect("option");
        }
        return new ViewStmt(view, aliases, query, replace, options, check);
    }

    final CreateTableAsStmt createMaterializedView() {
        expect("materialized");
        expect("view");
        boolean ifNotExists = acceptSeq("if", "not", "exists");
        RangeVar rel = qualifiedName();
        List<String> cols = atPunct("(") ? parenColIdList() : List.of();
        String am = accept("using") ? colId() : null;
        List<DefElem> options = withOptions();
        String tablespace = accept("tablespace") ? colId() : null;
        expect("as");
        Statement query = selectStatement();
        boolean skipData = false;
        if (at("with") && (peek(1).isKeyword("data") || peek(1).isKeyword("no"))) {
            next();
            skipData = accept("no");
            expect("data");
        }
        IntoClause into = new IntoClause(rel, cols, am, options, new OnCommitAction(OnCommitAction.Kind.NOOP),
                tablespace, skipData);
        return new CreateTableAsStmt(query, into, new ObjectType(ObjectType.Kind.MATVIEW), false, ifNotExists);
    }

    // ---- sequences, schemas ----

    final CreateSeqStmt createSequence(char persistence) {
        expect("sequence");
        boolean ifNotExists = acceptSeq("if", "not", "exists");
        RangeVar seq = qualifiedName();
        seq = new RangeVar(seq.catalogname(), seq.schemaname(), seq.relname(), true, persistence, null, seq.location());
        return new CreateSeqStmt(seq, sequenceOptions(false), ifNotExists);
    }

    final CreateSchemaStmt createSchema() {
        expect("schema");
        boolean ifNotExists = acceptSeq("if", "not", "exists");
        String name = null;
        RoleSpec auth = null;
        if (accept("authorization")) {
            auth = roleSpec();
        } else {
            name = colId();
            if (accept("authorization")) {
                auth = roleSpec();
            }
        }
        List<Statement> elements = new ArrayList<>();
        while (at("create") || at("grant")) {
            elements.add(statement());
        }
        return new CreateSchemaStmt(name, auth, elements, ifNotExists);
    }

    // ---- functions ----

    final CreateFunctionStmt createFunction(boolean replace) {
        boolean procedure = next().value().equals("procedure");
        List<String> name = funcName();
        List<FunctionParameter> params = functionParameters(true);
        TypeName returns = null;
        if (accept("returns")) {
            if (at("table") && peek(1).isPunct("(")) {
                next();
                next();
                List<FunctionParameter> table = new ArrayList<>(params);
                do {
                    String col = paramNameToken();
                    table.add(new FunctionParameter(col, typeName(), FunctionParameter.Mode.TABLE, null));
                } while (acceptPunct(","));
                expectPunct(")");
                params = table;
                returns = new TypeName(List.of("pg_catalog", "record"), List.of(), List.of(), true, false, -1);
            } else {
                returns = typeName();
            }
        }
        List<DefElem> options = new ArrayList<>();
        List<Statement> body = null;
        while (true) {
            int loc = pos();
            if (accept("as")) {
                List<String> as = new ArrayList<>();
                as.add(sconst());
                if (acceptPunct(",")) {
                    as.add(sconst());
                }
                options.add(new DefElem(null, "as", as, DefElem.Action.UNSPEC, loc));
            } else if (accept("language")) {
                options.add(new DefElem(null, "language", nonReservedWordOrSconst(), DefElem.Action.UNSPEC, loc));
            } else if (accept("return")) {
                body = List.of(new org.lakepg.server.sql.ast.SelectStmt(null, null, List.of(
                        new org.lakepg.server.sql.ast.ResTarget(null, List.of(), aExpr(), loc)), List.of(), null, List.of(),
                        false, null, List.of(), List.of(), List.of(), null, null,
                        org.lakepg.server.sql.ast.SelectStmt.LimitOption.DEFAULT, List.of(), null,
                        org.lakepg.server.sql.ast.SelectStmt.SetOperation.NONE, false, null, null));
            } else if (at("begin") && peek(1).isKeyword("atomic")) {
                p += 2;
                body = new ArrayList<>();
                while (!accept("end")) {
                    if (acceptPunct(";")) {
                        continue;
                    }
                    if (at("return")) {
                        int rloc = next().start();
                        body.add(new org.lakepg.server.sql.ast.ReturnStmt(aExpr(), rloc));
                    } else {
                        body.add(statement());
                    }
                    if (!atPunct(";")) {
                        expect("end");
                        break;
                    }
                }
            } else if (!functionOption(options)) {
                break;
            }
        }
        return new CreateFunctionStmt(procedure, replace, name, params, returns, options, body);
    }

    /** common_func_opt_item and friends; false when none is at the cursor. */
    final boolean functionOption(List<DefElem> options) {
        int loc = pos();
        String name;
        Object arg = null;
        if (acceptSeq("called", "on", "null", "input")) {
            name = "strict";
            arg = Boolean.FALSE;
        } else if (acceptSeq("returns", "null", "on", "null", "input") || accept("strict")) {
            name = "strict";
            arg = Boolean.TRUE;
        } else if (accept("immutable") || accept("stable") || accept("volatile")) {
            name = "volatility";
            arg = tokens.get(p - 1).value();
        } else if (acceptSeq("external", "security") || accept("security")) {
            name = "security";
            arg = accept("definer") ? Boolean.TRUE : Boolean.FALSE;
            if (arg == Boolean.FALSE) {
                expect("invoker");
            }
        } else if (accept("leakproof")) {
            name = "leakproof";
            arg = Boolean.TRUE;
        } else if (acceptSeq("not", "leakproof")) {
            name = "leakproof";
            arg = Boolean.FALSE;
        } else if (accept("cost") || accept("rows")) {
            name = tokens.get(p - 1).value();
            arg = numericOnly();
        } else if (accept("support")) {
            name = "support";
            arg = anyName();
        } else if (accept("parallel")) {
            name = "parallel";
            arg = colId();
        } else if (accept("window")) {
            name = "window";
            arg = Boolean.TRUE;
        } else if (at("set")) {
            next();
            name = "set";
            arg = setRest(false);
        } else if (at("reset")) {
            next();
            name = "set";
            arg = accept("all") ? "all" : varNameForReset();
        } else if (accept("transform")) {
            name = "transform";
            List<TypeName> types = new ArrayList<>();
            do {
                expect("for");
                expect("type");
                types.add(typeName());
            } while (acceptPunct(","));
            arg = types;
        } else {
            return false;
        }
        options.add(new DefElem(null, name, arg, DefElem.Action.UNSPEC, loc));
        return true;
    }

    private String varNameForReset() {
        if (acceptSeq("time", "zone")) {
            return "timezone";
        }
        StringBuilder name = new StringBuilder(colId());
        while (acceptPunct(".")) {
            name.append('.').append(colId());
        }
        return name.toString();
    }

    private String paramNameToken() {
        Token t = peek();
        if (!isTypeFunctionName(t)) {
            throw syntaxError();
        }
        return next().value();
    }

    /** func_args_with_defaults / func_args: '(' [param [, ...]] ')'. */
    final List<FunctionParameter> functionParameters(boolean withDefaults) {
        expectPunct("(");
        List<FunctionParameter> params = new ArrayList<>();
        if (acceptPunct(")")) {
            return params;
        }
        do {
            params.add(functionParameter(withDefaults));
        } while (acceptPunct(","));
        expectPunct(")");
        return params;
    }

    private FunctionParameter functionParameter(boolean withDefaults) {
        FunctionParameter.Mode mode = argMode();
        String name = null;
        if (isTypeFunctionName(peek()) && startsTypeAfterName(1)) {
            name = next().value();
            if (mode == FunctionParameter.Mode.DEFAULT) {
                FunctionParameter.Mode m2 = argMode();
                if (m2 != FunctionParameter.Mode.DEFAULT) {
                    mode = m2;
                }
            }
        }
        TypeName type = typeName();
        Expr def = null;
        if (withDefaults && (accept("default") || acceptOp("="))) {
            def = aExpr();
        }
        return new FunctionParameter(name, type, mode == FunctionParameter.Mode.DEFAULT ? FunctionParameter.Mode.IN : mode,
                def);
    }

    private FunctionParameter.Mode argMode() {
        if (accept("in")) {
            return accept("out") ? FunctionParameter.Mode.INOUT : FunctionParameter.Mode.IN;
        }
        if (accept("out")) {
            return FunctionParameter.Mode.OUT;
        }
        if (accept("inout")) {
            return FunctionParameter.Mode.INOUT;
        }
        if (accept("variadic")) {
            return FunctionParameter.Mode.VARIADIC;
        }
        return FunctionParameter.Mode.DEFAULT;
    }

    /** After a possible parameter name at offset {@code i - 1}: does a type (not the end of one) follow? */
    private boolean startsTypeAfterName(int i) {
        Token first = peek(0);
        Token t = peek(i);
        if (first.isKeyword("double") && t.isKeyword("precision")) {
            return false;
        }
        if (t.kind() == TokenKind.PUNCT || t.kind() == TokenKind.OP || t.kind() == TokenKind.EOF) {
            return false;
        }
        if (t.isKeyword("default") || t.isKeyword("order")) {
            return false;
        }
        return t.kind() == TokenKind.IDENT || t.kind() == TokenKind.KEYWORD;
    }

    /** function_with_argtypes: name [(args)]; args null when omitted. */
    final ObjectWithArgs functionWithArgs() {
        List<String> name = funcName();
        if (!atPunct("(")) {
            return new ObjectWithArgs(name, null, true);
        }
        List<FunctionParameter> params = functionParameters(false);
        List<TypeName> types = new ArrayList<>();
        for (FunctionParameter fp : params) {
            if (fp.mode() != FunctionParameter.Mode.OUT) {
                types.add(fp.argType());
            }
        }
        return new ObjectWithArgs(name, types, false);
    }

    /** aggregate_with_argtypes: name ( * | args [ORDER BY args] ). */
    final ObjectWithArgs aggregateWithArgs() {
        List<String> name = funcName();
        expectPunct("(");
        List<TypeName> types = new ArrayList<>();
        if (!acceptOp("*")) {
            if (!at("order")) {
                do {
                    types.add(functionParameter(false).argType());
                } while (acceptPunct(","));
            }
            if (accept("order")) {
                expect("by");
                do {
                    types.add(functionParameter(false).argType());
                } while (acceptPunct(","));
            }
        }
        expectPunct(")");
        return new ObjectWithArgs(name, types, false);
    }

    /** operator_with_argtypes: op (left, right) with NONE for a missing side. */
    final ObjectWithArgs operatorWithArgs() {
        List<String> name = anyOperator();
        expectPunct("(");
        List<TypeName> types = new ArrayList<>();
        do {
            if (accept("none")) {
                types.add(null);
            } else {
                types.add(typeName());
            }
        } while (acceptPunct(","));
        expectPunct(")");
        return new ObjectWithArgs(name, types, false);
    }

    /** any_operator: [schema.]* op. */
    final List<String> anyOperator() {
        List<String> name = new ArrayList<>();
        while (isColId(peek()) && peek(1).isPunct(".")) {
            name.add(next().value());
            next();
        }
        Token t = peek();
        if (t.kind() != TokenKind.OP) {
            if (isColId(t)) {
                next();
            }
            throw syntaxError();
        }
        name.add(next().value());
        return name;
    }

    // ---- types and domains ----

    final Statement createType() {
        expect("type");
        List<String> name = anyName();
        if (accept("as")) {
            if (accept("enum")) {
                expectPunct("(");
                List<String> labels = new ArrayList<>();
                if (!atPunct(")")) {
                    do {
                        labels.add(sconst());
                    } while (acceptPunct(","));
                }
                expectPunct(")");
                return new CreateEnumStmt(name, labels);
            }
            if (accept("range")) {
                return new CreateRangeStmt(name, definition());
            }
            expectPunct("(");
            List<ColumnDef> cols = new ArrayList<>();
            if (!atPunct(")")) {
                do {
                    cols.add(tableFuncElement());
                } while (acceptPunct(","));
            }
            expectPunct(")");
            return new CompositeTypeStmt(rangeVarOf(name, -1), cols);
        }
        List<DefElem> def = atPunct("(") ? definition() : List.of();
        return new DefineStmt(new ObjectType(ObjectType.Kind.TYPE), false, name, List.of(), def, false, false);
    }

    final CreateDomainStmt createDomain() {
        expect("domain");
        List<String> name = anyName();
        accept("as");
        TypeName type = typeName();
        List<Constraint> constraints = new ArrayList<>();
        CollateClause collate = null;
        while (true) {
            if (at("collate")) {
                int loc = next().start();
                collate = new CollateClause(null, anyName(), loc);
                continue;
            }
            Constraint c = columnConstraint();
            if (c == null) {
                break;
            }
            if (c.contype() == Constraint.ConstrType.CHECK && atNotValid()) {
                p += 2;
            }
            constraints.add(c);
        }
        return new CreateDomainStmt(name, type, collate, constraints);
    }

    private boolean atNotValid() {
        return at("not") && peek(1).isKeyword("valid");
    }

    // ---- GRANT / REVOKE ----

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
            List<RoleSpec> grantees = roleList();
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
            kind = grantObjectKind();
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
        List<RoleSpec> grantees = roleList();
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
        if (at("all") && !peek(1).isKeyword("on") || at("all") && peek(1).isKeyword("on")) {
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
            } else if (t.kind() == TokenKind.IDENT || t.kind() == TokenKind.KEYWORD
                    && t.keyword().category() != Keywords.Category.RESERVED || t.isKeyword("current_user")
                    || t.isKeyword("session_user") || t.isKeyword("current_role")) {
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
            accept("group");
            roles.add(roleSpec());
        } while (acceptPunct(","));
        return roles;
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
        if (name.equals("public") && t.kind() == TokenKind.IDENT && sql.charAt(t.start()) != '"') {
            return new RoleSpec(RoleSpec.Type.PUBLIC, null, loc);
        }
        return new RoleSpec(RoleSpec.Type.CSTRING, name, loc);
    }

    // ---- ALTER TABLE subcommands ----

    final List<AlterTableCmd> alterTableCmds() {
        List<AlterTableCmd> cmds = new ArrayList<>();
        do {
            cmds.add(alterTableCmd());
        } while (acceptPunct(","));
        return cmds;
    }

    private AlterTableCmd cmd(AlterTableType.Kind kind, String name, Object def) {
        return new AlterTableCmd(new AlterTableType(kind), name, 0, null, def, null, false);
    }

    private AlterTableCmd alterTableCmd() {
        if (accept("add")) {
            if (at("constraint") || at("check") || at("unique") || at("primary") || at("exclude") || at("foreign")) {
                return cmd(AlterTableType.Kind.ADD_CONSTRAINT, null, tableConstraint());
            }
            accept("column");
            boolean ifNotExists = acceptSeq("if", "not", "exists");
            return new AlterTableCmd(new AlterTableType(AlterTableType.Kind.ADD_COLUMN), null, 0, null, columnDef(), null,
                    ifNotExists);
        }
        if (accept("drop")) {
            if (accept("constraint")) {
                boolean ifExists = acceptSeq("if", "exists");
                String name = colId();
                return new AlterTableCmd(new AlterTableType(AlterTableType.Kind.DROP_CONSTRAINT), name, 0, null, null,
                        dropBehavior(), ifExists);
            }
            accept("column");
            boolean ifExists = acceptSeq("if", "exists");
            String name = colId();
            return new AlterTableCmd(new AlterTableType(AlterTableType.Kind.DROP_COLUMN), name, 0, null, null,
                    dropBehavior(), ifExists);
        }
        if (accept("alter")) {
            if (accept("constraint")) {
                String name = colId();
                ConstraintBuilder b = new ConstraintBuilder(Constraint.ConstrType.FOREIGN, name, -1);
                constraintAttributes(b);
                return cmd(AlterTableType.Kind.ALTER_CONSTRAINT, name, b.build());
            }
            accept("column");
            return alterColumn();
        }
        if (accept("validate")) {
            expect("constraint");
            return cmd(AlterTableType.Kind.VALIDATE_CONSTRAINT, colId(), null);
        }
        if (acceptSeq("owner", "to")) {
            return new AlterTableCmd(new AlterTableType(AlterTableType.Kind.CHANGE_OWNER), null, 0, roleSpec(), null, null,
                    false);
        }
        if (acceptSeq("cluster", "on")) {
            return cmd(AlterTableType.Kind.CLUSTER_ON, colId(), null);
        }
        if (accept("set")) {
            if (acceptSeq("without", "cluster")) {
                return cmd(AlterTableType.Kind.DROP_CLUSTER, null, null);
            }
            if (acceptSeq("without", "oids")) {
                return cmd(AlterTableType.Kind.DROP_OIDS, null, null);
            }
            if (accept("logged")) {
                return cmd(AlterTableType.Kind.SET_LOGGED, null, null);
            }
            if (accept("unlogged")) {
                return cmd(AlterTableType.Kind.SET_UNLOGGED, null, null);
            }
            if (accept("tablespace")) {
                return cmd(AlterTableType.Kind.SET_TABLESPACE, colId(), null);
            }
            if (acceptSeq("access", "method")) {
                return cmd(AlterTableType.Kind.SET_ACCESS_METHOD, colId(), null);
            }
            return cmd(AlterTableType.Kind.SET_REL_OPTIONS, null, relOptions());
        }
        if (accept("reset")) {
            return cmd(AlterTableType.Kind.RESET_REL_OPTIONS, null, relOptions());
        }
        if (accept("enable") || accept("disable")) {
            boolean enable = tokens.get(p - 1).value().equals("enable");
            String variant = null;
            if (enable && (accept("always") || accept("replica"))) {
                variant = tokens.get(p - 1).value();
            }
            if (accept("trigger")) {
                if (accept("all")) {
                    return cmd(enable ? AlterTableType.Kind.ENABLE_TRIG_ALL : AlterTableType.Kind.DISABLE_TRIG_ALL, null,
                            null);
                }
                if (accept("user")) {
                    return cmd(enable ? AlterTableType.Kind.ENABLE_TRIG_USER : AlterTableType.Kind.DISABLE_TRIG_USER,
                            null, null);
                }
                AlterTableType.Kind k = !enable ? AlterTableType.Kind.DISABLE_TRIG : variant == null
                        ? AlterTableType.Kind.ENABLE_TRIG : variant.equals("always") ? AlterTableType.Kind.ENABLE_ALWAYS_TRIG
                        : AlterTableType.Kind.ENABLE_REPLICA_TRIG;
                return cmd(k, colId(), null);
            }
            if (accept("rule")) {
                AlterTableType.Kind k = !enable ? AlterTableType.Kind.DISABLE_RULE : variant == null
                        ? AlterTableType.Kind.ENABLE_RULE : variant.equals("always") ? AlterTableType.Kind.ENABLE_ALWAYS_RULE
                        : AlterTableType.Kind.ENABLE_REPLICA_RULE;
                return cmd(k, colId(), null);
            }
            expect("row");
            expect("level");
            expect("security");
            return cmd(enable ? AlterTableType.Kind.ENABLE_ROW_SECURITY : AlterTableType.Kind.DISABLE_ROW_SECURITY, null,
                    null);
        }
        if (acceptSeq("force", "row", "level", "security")) {
            return cmd(AlterTableType.Kind.FORCE_ROW_SECURITY, null, null);
        }
        if (acceptSeq("no", "force", "row", "level", "security")) {
            return cmd(AlterTableType.Kind.NO_FORCE_ROW_SECURITY, null, null);
        }
        if (accept("inherit")) {
            return cmd(AlterTableType.Kind.ADD_INHERIT, null, qualifiedName());
        }
        if (acceptSeq("no", "inherit")) {
            return cmd(AlterTableType.Kind.DROP_INHERIT, null, qualifiedName());
        }
        if (accept("of")) {
            return cmd(AlterTableType.Kind.ADD_OF, null, new TypeName(anyName(), List.of(), List.of(), false, false, -1));
        }
        if (acceptSeq("not", "of")) {
            return cmd(AlterTableType.Kind.DROP_OF, null, null);
        }
        if (acceptSeq("replica", "identity")) {
            String what;
            if (acceptSeq("using", "index")) {
                what = "index:" + colId();
            } else {
                what = next().value();
            }
            return cmd(AlterTableType.Kind.REPLICA_IDENTITY, what, null);
        }
        if (at("options") && peek(1).isPunct("(")) {
            next();
            return cmd(AlterTableType.Kind.GENERIC_OPTIONS, null, genericOptions());
        }
        if (acceptSeq("attach", "partition")) {
            RangeVar part = qualifiedName();
            return cmd(AlterTableType.Kind.ATTACH_PARTITION, null, List.of(part, partitionBound()));
        }
        if (acceptSeq("detach", "partition")) {
            RangeVar part = qualifiedName();
            if (accept("finalize")) {
                return cmd(AlterTableType.Kind.DETACH_PARTITION_FINALIZE, null, part);
            }
            boolean concurrently = accept("concurrently");
            return cmd(AlterTableType.Kind.DETACH_PARTITION, concurrently ? "concurrently" : null, part);
        }
        throw syntaxError();
    }

    private AlterTableCmd alterColumn() {
        int num = 0;
        String col = null;
        if (peek().kind() == TokenKind.ICONST) {
            num = iconst();
        } else {
            col = colId();
        }
        AlterTableCmd c;
        if (accept("set")) {
            if (accept("default")) {
                c = cmd(AlterTableType.Kind.COLUMN_DEFAULT, col, aExpr());
            } else if (acceptSeq("not", "null")) {
                c = cmd(AlterTableType.Kind.SET_NOT_NULL, col, null);
            } else if (accept("statistics")) {
                c = cmd(AlterTableType.Kind.SET_STATISTICS, col, numericOnly());
            } else if (accept("storage")) {
                c = cmd(AlterTableType.Kind.SET_STORAGE, col, colId());
            } else if (accept("compression")) {
                c = cmd(AlterTableType.Kind.SET_COMPRESSION, col, at("default") ? next().value() : colId());
            } else if (accept("data") || at("type")) {
                expect("type");
                c = alterColumnType(col);
            } else if (atPunct("(")) {
                c = cmd(AlterTableType.Kind.SET_OPTIONS, col, relOptions());
            } else {
                // SET GENERATED ... / SET sequence options: identity changes, possibly repeated
                List<DefElem> opts = new ArrayList<>();
                p--;
                while (accept("set")) {
                    int loc = pos();
                    if (accept("generated")) {
                        String when = accept("always") ? "always" : "by default";
                        if (when.equals("by default")) {
                            expect("by");
                            expect("default");
                        }
                        opts.add(new DefElem(null, "generated", when, DefElem.Action.UNSPEC, loc));
                    } else {
                        List<DefElem> seq = sequenceOptions(false);
                        if (seq.isEmpty()) {
                            throw syntaxError();
                        }
                        opts.addAll(seq);
                    }
                }
                while (at("restart")) {
                    opts.addAll(sequenceOptions(false));
                }
                c = cmd(AlterTableType.Kind.SET_IDENTITY, col, opts);
            }
        } else if (accept("drop")) {
            if (accept("default")) {
                c = cmd(AlterTableType.Kind.COLUMN_DEFAULT, col, null);
            } else if (acceptSeq("not", "null")) {
                c = cmd(AlterTableType.Kind.DROP_NOT_NULL, col, null);
            } else if (accept("expression")) {
                boolean ifExists = acceptSeq("if", "exists");
                c = new AlterTableCmd(new AlterTableType(AlterTableType.Kind.DROP_EXPRESSION), col, 0, null, null, null,
                        ifExists);
            } else {
                expect("identity");
                boolean ifExists = acceptSeq("if", "exists");
                c = new AlterTableCmd(new AlterTableType(AlterTableType.Kind.DROP_IDENTITY), col, 0, null, null, null,
                        ifExists);
            }
        } else if (at("restart")) {
            c = cmd(AlterTableType.Kind.SET_IDENTITY, col, sequenceOptions(false));
        } else if (accept("add")) {
            Constraint identity = columnConstraint();
            if (identity == null || identity.contype() != Constraint.ConstrType.IDENTITY) {
                throw syntaxError();
            }
            c = cmd(AlterTableType.Kind.ADD_IDENTITY, col, identity);
        } else if (accept("reset")) {
            c = cmd(AlterTableType.Kind.RESET_OPTIONS, col, relOptions());
        } else if (accept("type")) {
            c = alterColumnType(col);
        } else if (at("options") && peek(1).isPunct("(")) {
            next();
            c = cmd(AlterTableType.Kind.ALTER_COLUMN_GENERIC_OPTIONS, col, genericOptions());
        } else {
            throw syntaxError();
        }
        return num == 0 ? c : new AlterTableCmd(c.subtype(), null, num, null, c.def(), null, false);
    }

    private AlterTableCmd alterColumnType(String col) {
        int loc = pos();
        TypeName type = typeName();
        CollateClause collate = null;
        if (at("collate")) {
            int cloc = next().start();
            collate = new CollateClause(null, anyName(), cloc);
        }
        Expr using = accept("using") ? aExpr() : null;
        List<Constraint> raw = new ArrayList<>();
        if (using != null) {
            ConstraintBuilder b = new ConstraintBuilder(Constraint.ConstrType.DEFAULT, "using", loc);
            b.rawExpr = using;
            raw.add(b.build());
        }
        return cmd(AlterTableType.Kind.ALTER_COLUMN_TYPE, col, new ColumnDef(col, type, null, raw, collate, null,
                List.of(), loc));
    }

    // ---- fallback ----

    /**
     * A rarely used utility command kept as its leading words and text: the tokens up to the end of
     * the statement, with balanced parentheses.
     */
    final UtilityStmt genericUtility(int start, int words) {
        List<String> command = new ArrayList<>();
        for (int i = 0; i < words; i++) {
            command.add(tokens.get(start + i).value());
        }
        int depth = 0;
        while (!atEof()) {
            Token t = peek();
            if (t.isPunct("(") || t.isPunct("[")) {
                depth++;
            } else if (t.isPunct(")") || t.isPunct("]")) {
                if (depth == 0) {
                    throw syntaxError();
                }
                depth--;
            } else if (t.isPunct(";") && depth == 0) {
                break;
            }
            next();
        }
        if (depth != 0) {
            throw syntaxError();
        }
        int from = tokens.get(start).start();
        int to = tokens.get(Math.max(start, p - 1)).end();
        return new UtilityStmt(command, sql.substring(from, to));
    }
}
