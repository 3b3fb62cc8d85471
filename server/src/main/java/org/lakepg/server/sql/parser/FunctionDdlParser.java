package org.lakepg.server.sql.parser;

import java.util.ArrayList;
import java.util.List;
import org.lakepg.server.sql.ast.CreateFunctionStmt;
import org.lakepg.server.sql.ast.DefElem;
import org.lakepg.server.sql.ast.Expr;
import org.lakepg.server.sql.ast.FunctionParameter;
import org.lakepg.server.sql.ast.ObjectWithArgs;
import org.lakepg.server.sql.ast.ResTarget;
import org.lakepg.server.sql.ast.ReturnStmt;
import org.lakepg.server.sql.ast.SelectStmt;
import org.lakepg.server.sql.ast.Statement;
import org.lakepg.server.sql.ast.TypeName;
import org.lakepg.wire.error.SqlState;

/**
 * CREATE FUNCTION / PROCEDURE with parameters, options and SQL-standard bodies; function, aggregate and operator
 * signatures.
 */
abstract class FunctionDdlParser extends AlterTableCmdParser {

    FunctionDdlParser(String sql, List<Token> tokens) {
        super(sql, tokens);
    }

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
                body = List.of(new SelectStmt(null, null, List.of(
                        new ResTarget(null, List.of(), aExpr(), loc)), List.of(), null, List.of(),
                        false, null, List.of(), List.of(), List.of(), null, null,
                        SelectStmt.LimitOption.DEFAULT, List.of(), null,
                        SelectStmt.SetOperation.NONE, false, null, null));
            } else if (atSeq("begin", "atomic")) {
                p += 2;
                body = new ArrayList<>();
                while (!accept("end")) {
                    if (acceptPunct(";")) {
                        continue;
                    }
                    if (at("return")) {
                        int rloc = next().start();
                        body.add(new ReturnStmt(aExpr(), rloc));
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

    final FunctionParameter functionParameter(boolean withDefaults) {
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
    @Override
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
        return new ObjectWithArgs(name, operatorArgTypes(), false);
    }

    /** oper_argtypes: '(' left, right ')' with NONE for a missing side. */
    final List<TypeName> operatorArgTypes() {
        expectPunct("(");
        List<TypeName> types = new ArrayList<>();
        do {
            if (accept("none")) {
                types.add(null);
            } else {
                types.add(typeName());
            }
        } while (types.size() < 2 && acceptPunct(","));
        if (types.size() == 1 && atPunct(")")) {
            throw errorAt(SqlState.SYNTAX_ERROR, pos(), "missing argument")
                    .withHint("Use NONE to denote the missing argument of a unary operator.");
        }
        expectPunct(")");
        return types;
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
}
