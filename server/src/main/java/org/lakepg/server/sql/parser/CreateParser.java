package org.lakepg.server.sql.parser;

import java.util.ArrayList;
import java.util.List;
import org.lakepg.server.sql.ast.ColumnRef;
import org.lakepg.server.sql.ast.CreateCastStmt;
import org.lakepg.server.sql.ast.CreateEventTrigStmt;
import org.lakepg.server.sql.ast.CreateExtensionStmt;
import org.lakepg.server.sql.ast.CreatePolicyStmt;
import org.lakepg.server.sql.ast.CreateRoleStmt;
import org.lakepg.server.sql.ast.CreateStatsStmt;
import org.lakepg.server.sql.ast.CreateTableSpaceStmt;
import org.lakepg.server.sql.ast.CreateTrigStmt;
import org.lakepg.server.sql.ast.CreatedbStmt;
import org.lakepg.server.sql.ast.DefElem;
import org.lakepg.server.sql.ast.DefineStmt;
import org.lakepg.server.sql.ast.Expr;
import org.lakepg.server.sql.ast.FromItem;
import org.lakepg.server.sql.ast.ObjectType;
import org.lakepg.server.sql.ast.ObjectWithArgs;
import org.lakepg.server.sql.ast.RangeVar;
import org.lakepg.server.sql.ast.RoleSpec;
import org.lakepg.server.sql.ast.RuleStmt;
import org.lakepg.server.sql.ast.Statement;
import org.lakepg.server.sql.ast.TriggerTransition;
import org.lakepg.server.sql.ast.TypeName;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * The CREATE family: dispatch on the object kind, plus triggers, rules, roles, databases, extensions, casts,
 * aggregates, operators, policies, statistics.
 */
abstract class CreateParser extends MiscDdlParser {

    CreateParser(String sql, List<Token> tokens) {
        super(sql, tokens);
    }

    final Statement createStmt() {
        int start = p;
        expect("create");
        boolean replace = acceptSeq("or", "replace");
        if (replace && !(at("function") || at("procedure") || at("view") || at("rule") || at("trigger")
                || at("aggregate") || at("language") || at("trusted") || at("procedural") || at("transform")
                || at("constraint") || at("recursive") || at("temp") || at("temporary") || at("local") || at("global"))) {
            throw syntaxError();
        }
        char persistence = optTempPersistence();
        if (at("table")) {
            return createTable(persistence);
        }
        if (at("sequence")) {
            return createSequence(persistence);
        }
        if (at("view")) {
            return createView(replace, persistence, false);
        }
        if (atSeq("recursive", "view")) {
            next();
            return createView(replace, persistence, true);
        }
        if (persistence != 'p') {
            throw syntaxError();
        }
        if (atSeq("unique", "index")) {
            next();
            return createIndex(true);
        }
        if (at("index")) {
            return createIndex(false);
        }
        if (at("materialized")) {
            return createMaterializedView();
        }
        if (at("schema")) {
            return createSchema();
        }
        if (at("function") || at("procedure")) {
            return createFunction(replace);
        }
        if (at("type")) {
            return createType();
        }
        if (at("domain")) {
            return createDomain();
        }
        if (at("trigger") || atSeq("constraint", "trigger")) {
            return createTrigger(replace);
        }
        if (at("rule")) {
            return createRule(replace);
        }
        if (at("role") || at("user") && !peek(1).isKeyword("mapping") || at("group")) {
            return createRole();
        }
        if (at("database")) {
            next();
            String name = colId();
            return new CreatedbStmt(name, databaseOptions());
        }
        if (at("extension")) {
            return createExtension();
        }
        if (at("aggregate")) {
            return createAggregate(replace);
        }
        if (at("language") || at("trusted") || at("procedural")) {
            return createLanguage(replace);
        }
        if (at("transform")) {
            return createTransform(replace);
        }
        if (at("conversion") || atSeq("default", "conversion")) {
            return createConversion(accept("default"));
        }
        if (atSeq("access", "method")) {
            return createAccessMethod();
        }
        if (atSeq("operator", "class") || atSeq("operator", "family")) {
            return createOperatorClassOrFamily();
        }
        if (at("operator")) {
            next();
            List<String> name = anyOperator();
            return new DefineStmt(new ObjectType(ObjectType.Kind.OPERATOR), false, name, List.of(), definition(), false,
                    false);
        }
        if (at("collation")) {
            next();
            boolean ifNotExists = acceptSeq("if", "not", "exists");
            List<String> name = anyName();
            if (accept("from")) {
                List<String> from = anyName();
                return new DefineStmt(new ObjectType(ObjectType.Kind.COLLATION), false, name, List.of(),
                        List.of(new DefElem(null, "from", from, DefElem.Action.UNSPEC, -1)), ifNotExists, false);
            }
            return new DefineStmt(new ObjectType(ObjectType.Kind.COLLATION), false, name, List.of(), definition(),
                    ifNotExists, false);
        }
        if (at("cast")) {
            return createCast();
        }
        if (at("policy")) {
            return createPolicy();
        }
        if (at("statistics")) {
            return createStatistics();
        }
        if (atSeq("event", "trigger")) {
            return createEventTrigger();
        }
        if (atSeq("text", "search")) {
            p += 2;
            Token kind = next();
            ObjectType.Kind k = switch (kind.value()) {
                case "parser" -> ObjectType.Kind.TSPARSER;
                case "dictionary" -> ObjectType.Kind.TSDICTIONARY;
                case "template" -> ObjectType.Kind.TSTEMPLATE;
                case "configuration" -> ObjectType.Kind.TSCONFIGURATION;
                default -> throw syntaxErrorAt(kind);
            };
            List<String> name = anyName();
            return new DefineStmt(new ObjectType(k), false, name, List.of(), definition(), false, false);
        }
        // FOREIGN TABLE/DATA WRAPPER, SERVER, USER MAPPING, PUBLICATION, SUBSCRIPTION, OPERATOR CLASS/FAMILY,
        // ACCESS METHOD, LANGUAGE, CONVERSION, TRANSFORM, TABLESPACE: kept generically
        if (at("publication")) {
            return createPublication();
        }
        if (atSeq("foreign", "table") || atSeq("foreign", "data")) {
            return createForeign();
        }
        if (at("server")) {
            return createServer();
        }
        if (atSeq("user", "mapping")) {
            return createUserMapping();
        }
        if (at("subscription")) {
            return createSubscription();
        }
        if (accept("tablespace")) {
            String name = colId();
            RoleSpec owner = accept("owner") ? roleSpec() : null;
            expect("location");
            String location = sconst();
            List<DefElem> options = accept("with") ? relOptions() : List.of();
            return new CreateTableSpaceStmt(name, owner, location, options);
        }
        if (at("operator") || at("access") || at("language") || at("procedural") || at("trusted")
                || at("conversion") || at("default") || at("transform")) {
            int words = p - start + 1;
            next();
            return genericUtility(start, words);
        }
        throw syntaxError();
    }

    /** createdb_opt_list: name [=] value | DEFAULT, for CREATE and ALTER DATABASE. */
    final List<DefElem> databaseOptions() {
        accept("with");
        List<DefElem> opts = new ArrayList<>();
        while (peek().kind() == TokenKind.IDENT || at("connection") || at("encoding") || at("location")
                || at("owner") || at("tablespace") || at("template")) {
            int loc = pos();
            String name = next().value();
            if (name.equals("connection") && accept("limit")) {
                name = "connection_limit";
            }
            acceptOp("=");
            Object arg;
            if (accept("default")) {
                arg = null;
            } else if (atNumber()) {
                arg = numericOnly();
            } else {
                arg = booleanOrString();
            }
            opts.add(new DefElem(null, name, arg, DefElem.Action.UNSPEC, loc));
        }
        return opts;
    }

    private Statement createExtension() {
        expect("extension");
        boolean ifNotExists = acceptSeq("if", "not", "exists");
        String name = colId();
        accept("with");
        List<DefElem> opts = new ArrayList<>();
        while (true) {
            int loc = pos();
            if (accept("schema")) {
                opts.add(new DefElem(null, "schema", colId(), DefElem.Action.UNSPEC, loc));
            } else if (accept("version")) {
                opts.add(new DefElem(null, "new_version", nonReservedWordOrSconst(), DefElem.Action.UNSPEC, loc));
            } else if (accept("cascade")) {
                opts.add(new DefElem(null, "cascade", Boolean.TRUE, DefElem.Action.UNSPEC, loc));
            } else {
                break;
            }
        }
        return new CreateExtensionStmt(name, ifNotExists, opts);
    }

    /**
     * CREATE AGGREGATE, new style (args are FunctionParameters, the String "ORDER BY" separating the direct
     * arguments of an ordered-set aggregate) or old style (basetype = ... in the definition).
     */
    private Statement createAggregate(boolean replace) {
        expect("aggregate");
        List<String> name = funcName();
        if (atPunct("(") && !isOldStyleAggregate()) {
            List<Object> args = new ArrayList<>();
            expectPunct("(");
            if (!acceptOp("*")) {
                if (!at("order")) {
                    args.addAll(aggregateParameters());
                }
                if (accept("order")) {
                    expect("by");
                    args.add("ORDER BY");
                    args.addAll(aggregateParameters());
                }
            }
            expectPunct(")");
            return new DefineStmt(new ObjectType(ObjectType.Kind.AGGREGATE), false, name, args, definition(), false,
                    replace);
        }
        return new DefineStmt(new ObjectType(ObjectType.Kind.AGGREGATE), true, name, List.of(), oldAggregateDefinition(), false,
                replace);
    }

    /** old_aggr_definition: '(' IDENT = def_arg, ... ')' (only plain identifiers as option names). */
    private List<DefElem> oldAggregateDefinition() {
        expectPunct("(");
        List<DefElem> defs = new ArrayList<>();
        do {
            Token name = peek();
            if (name.kind() != TokenKind.IDENT) {
                throw syntaxError();
            }
            next();
            expectOp("=");
            defs.add(new DefElem(null, name.value(), defArg(), DefElem.Action.UNSPEC, name.start()));
        } while (acceptPunct(","));
        expectPunct(")");
        return defs;
    }

    /** Old-style CREATE AGGREGATE name (basetype = ..., sfunc = ...): the parenthesis holds name = value pairs. */
    private boolean isOldStyleAggregate() {
        return peek(1).kind() == TokenKind.IDENT && peek(2).isOp("=");
    }

    /** aggr_args items: function parameters (mode, optional name, type). */
    private List<Object> aggregateParameters() {
        List<Object> params = new ArrayList<>();
        do {
            params.add(functionParameter(false));
        } while (acceptPunct(","));
        return params;
    }

    private Statement createCast() {
        expect("cast");
        expectPunct("(");
        TypeName source = typeName();
        expect("as");
        TypeName target = typeName();
        expectPunct(")");
        ObjectWithArgs func = null;
        boolean inout = false;
        if (accept("without")) {
            expect("function");
        } else {
            expect("with");
            if (accept("inout")) {
                inout = true;
            } else {
                expect("function");
                func = functionWithArgs();
            }
        }
        char context = 'e';
        if (accept("as")) {
            if (accept("implicit")) {
                context = 'i';
            } else {
                expect("assignment");
                context = 'a';
            }
        }
        return new CreateCastStmt(source, target, func, context, inout);
    }

    private Statement createPolicy() {
        expect("policy");
        String name = colId();
        expect("on");
        RangeVar table = qualifiedName();
        boolean permissive = true;
        if (accept("as")) {
            int at = pos();
            String kind = colId();
            if (!kind.equals("permissive") && !kind.equals("restrictive")) {
                throw PgException.of(SqlState.SYNTAX_ERROR, "unrecognized row security option \"%s\"", kind)
                        .withHint("Only PERMISSIVE or RESTRICTIVE policies are supported currently.").withPosition(at + 1);
            }
            permissive = kind.equals("permissive");
        }
        String cmd = "all";
        if (accept("for")) {
            if (!(at("all") || at("select") || at("insert") || at("update") || at("delete"))) {
                throw syntaxError();
            }
            cmd = next().value();
        }
        List<RoleSpec> roles = List.of();
        if (accept("to")) {
            roles = roleList();
        }
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
        return new CreatePolicyStmt(name, table, cmd, permissive, roles, qual, check);
    }

    private Statement createStatistics() {
        expect("statistics");
        boolean ifNotExists = acceptSeq("if", "not", "exists");
        List<String> name = anyName();
        List<String> kinds = atPunct("(") ? parenColIdList() : List.of();
        expect("on");
        List<Expr> exprs = new ArrayList<>();
        do {
            if (atPunct("(")) {
                next();
                exprs.add(aExpr());
                expectPunct(")");
            } else if (isColId(peek()) && !peek(1).isPunct("(") && !peek(1).isPunct(".")) {
                Token c = next();
                exprs.add(new ColumnRef(List.of(c.value()), false, c.start()));
            } else {
                int floc = pos();
                exprs.add(functionCall(funcName(), floc, true));
            }
        } while (acceptPunct(","));
        expect("from");
        List<FromItem> from = fromList();
        return new CreateStatsStmt(name, kinds, exprs, from, ifNotExists);
    }

    private Statement createEventTrigger() {
        p += 2;
        String name = colId();
        expect("on");
        String event = colLabel();
        List<DefElem> when = new ArrayList<>();
        if (accept("when")) {
            do {
                int loc = pos();
                String var = colId();
                expect("in");
                expectPunct("(");
                List<String> values = new ArrayList<>();
                do {
                    values.add(sconst());
                } while (acceptPunct(","));
                expectPunct(")");
                when.add(new DefElem(null, var, values, DefElem.Action.UNSPEC, loc));
            } while (accept("and"));
        }
        expect("execute");
        if (!accept("function")) {
            expect("procedure");
        }
        List<String> func = funcName();
        expectPunct("(");
        expectPunct(")");
        return new CreateEventTrigStmt(name, event, when, func);
    }

    private Statement createTrigger(boolean replace) {
        boolean constraint = accept("constraint");
        expect("trigger");
        String name = colId();
        int timing;
        if (accept("before")) {
            timing = 2;
        } else if (accept("after")) {
            timing = 0;
        } else {
            expect("instead");
            expect("of");
            timing = 64;
        }
        int events = 0;
        List<String> columns = List.of();
        do {
            Token e = next();
            switch (e.value()) {
                case "insert" -> events |= 4;
                case "delete" -> events |= 8;
                case "update" -> {
                    events |= 16;
                    if (accept("of")) {
                        columns = colIdList();
                    }
                }
                case "truncate" -> events |= 32;
                default -> throw syntaxErrorAt(e);
            }
        } while (accept("or"));
        expect("on");
        RangeVar rel = qualifiedName();
        RangeVar constrRel = null;
        if (accept("from")) {
            constrRel = qualifiedName();
        }
        ConstraintBuilder attrs = new ConstraintBuilder(null, null, -1);
        constraintAttributes(attrs);
        List<TriggerTransition> transitions = new ArrayList<>();
        if (accept("referencing")) {
            while (at("old") || at("new")) {
                boolean isNew = next().value().equals("new");
                boolean isTable = accept("table");
                if (!isTable) {
                    expect("row");
                }
                accept("as");
                transitions.add(new TriggerTransition(colId(), isNew, isTable));
            }
        }
        boolean row = false;
        if (accept("for")) {
            accept("each");
            if (accept("row")) {
                row = true;
            } else {
                expect("statement");
            }
        }
        Expr when = null;
        if (accept("when")) {
            expectPunct("(");
            when = aExpr();
            expectPunct(")");
        }
        expect("execute");
        if (!accept("function")) {
            expect("procedure");
        }
        List<String> func = funcName();
        expectPunct("(");
        List<String> args = new ArrayList<>();
        if (!atPunct(")")) {
            do {
                Token a = next();
                if (a.kind() == TokenKind.SCONST || a.kind() == TokenKind.ICONST || a.kind() == TokenKind.FCONST
                        || isColLabel(a)) {
                    args.add(a.kind() == TokenKind.SCONST || isColLabel(a) ? a.value() : sql.substring(a.start(), a.end()));
                } else {
                    throw syntaxErrorAt(a);
                }
            } while (acceptPunct(","));
        }
        expectPunct(")");
        return new CreateTrigStmt(replace, constraint, name, rel, func, args, row, timing, events, columns, when,
                transitions, attrs.deferrable, attrs.initdeferred, constrRel);
    }

    private Statement createRule(boolean replace) {
        expect("rule");
        String name = colId();
        expect("as");
        expect("on");
        Token e = next();
        RuleStmt.Event event = switch (e.value()) {
            case "select" -> RuleStmt.Event.SELECT;
            case "update" -> RuleStmt.Event.UPDATE;
            case "insert" -> RuleStmt.Event.INSERT;
            case "delete" -> RuleStmt.Event.DELETE;
            default -> throw syntaxErrorAt(e);
        };
        expect("to");
        RangeVar rel = qualifiedName();
        Expr where = accept("where") ? aExpr() : null;
        expect("do");
        boolean instead = false;
        if (accept("instead")) {
            instead = true;
        } else {
            accept("also");
        }
        List<Statement> actions = new ArrayList<>();
        if (accept("nothing")) {
            return new RuleStmt(rel, name, where, event, instead, actions, replace);
        }
        if (atPunct("(") && !atParenthesizedQuery()) {
            next();
            while (!acceptPunct(")")) {
                if (acceptPunct(";")) {
                    continue;
                }
                actions.add(ruleAction());
            }
        } else {
            actions.add(ruleAction());
        }
        return new RuleStmt(rel, name, where, event, instead, actions, replace);
    }

    /** RuleActionStmt: SELECT, INSERT, UPDATE, DELETE or NOTIFY. */
    private Statement ruleAction() {
        if (at("notify")) {
            return listenFamily();
        }
        return preparableStmt();
    }

    private Statement createRole() {
        Token kind = next();
        CreateRoleStmt.Kind k = switch (kind.value()) {
            case "user" -> CreateRoleStmt.Kind.USER;
            case "group" -> CreateRoleStmt.Kind.GROUP;
            default -> CreateRoleStmt.Kind.ROLE;
        };
        String name = roleId();
        accept("with");
        return new CreateRoleStmt(k, name, roleOptions(true));
    }

    /** OptRoleList / AlterOptRoleList. */
    final List<DefElem> roleOptions(boolean create) {
        List<DefElem> opts = new ArrayList<>();
        while (true) {
            int loc = pos();
            if (accept("password")) {
                opts.add(new DefElem(null, "password", accept("null") ? null : sconst(), DefElem.Action.UNSPEC, loc));
            } else if (acceptSeq("encrypted", "password")) {
                opts.add(new DefElem(null, "password", sconst(), DefElem.Action.UNSPEC, loc));
            } else if (acceptSeq("unencrypted", "password")) {
                throw errorAt(SqlState.FEATURE_NOT_SUPPORTED, loc,
                        "UNENCRYPTED PASSWORD is no longer supported");
            } else if (accept("inherit")) {
                opts.add(new DefElem(null, "inherit", Boolean.TRUE, DefElem.Action.UNSPEC, loc));
            } else if (acceptSeq("connection", "limit")) {
                opts.add(new DefElem(null, "connectionlimit", numericOnly(), DefElem.Action.UNSPEC, loc));
            } else if (acceptSeq("valid", "until")) {
                opts.add(new DefElem(null, "validUntil", sconst(), DefElem.Action.UNSPEC, loc));
            } else if (acceptSeq("in", "role") || acceptSeq("in", "group")) {
                opts.add(new DefElem(null, "addroleto", roleList(), DefElem.Action.UNSPEC, loc));
            } else if (create && (accept("role") || accept("user"))) {
                opts.add(new DefElem(null, "rolemembers", roleList(), DefElem.Action.UNSPEC, loc));
            } else if (create && accept("admin")) {
                opts.add(new DefElem(null, "adminmembers", roleList(), DefElem.Action.UNSPEC, loc));
            } else if (create && accept("sysid")) {
                opts.add(new DefElem(null, "sysid", numericOnly(), DefElem.Action.UNSPEC, loc));
            } else if (peek().kind() == TokenKind.IDENT) {
                // the grammar knows these words; anything else is rejected as PostgreSQL's parser does
                String word = next().value();
                String option = switch (word) {
                    case "superuser", "nosuperuser", "createuser", "nocreateuser" -> "superuser";
                    case "createrole", "nocreaterole" -> "createrole";
                    case "replication", "noreplication" -> "isreplication";
                    case "createdb", "nocreatedb" -> "createdb";
                    case "login", "nologin" -> "canlogin";
                    case "bypassrls", "nobypassrls" -> "bypassrls";
                    case "noinherit" -> "inherit";
                    default -> throw errorAt(SqlState.SYNTAX_ERROR, loc,
                            "unrecognized role option \"%s\"", word);
                };
                boolean on = !word.startsWith("no");
                opts.add(new DefElem(null, option, on, DefElem.Action.UNSPEC, loc));
            } else {
                return opts;
            }
        }
    }
}
