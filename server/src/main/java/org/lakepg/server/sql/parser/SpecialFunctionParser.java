package org.lakepg.server.sql.parser;

import java.util.ArrayList;
import java.util.List;
import org.lakepg.server.sql.ast.AConst;
import org.lakepg.server.sql.ast.CoalesceExpr;
import org.lakepg.server.sql.ast.Expr;
import org.lakepg.server.sql.ast.FuncCall;
import org.lakepg.server.sql.ast.AExpr;
import org.lakepg.server.sql.ast.MinMaxExpr;
import org.lakepg.server.sql.ast.SQLValueFunction;
import org.lakepg.server.sql.ast.TypeCast;
import org.lakepg.server.sql.ast.TypeName;
import org.lakepg.server.sql.ast.XmlExpr;

/**
 * gram.y's func_expr_common_subexpr: functions with SQL-standard syntax (CAST, EXTRACT,
 * SUBSTRING ... FROM ... FOR, TRIM, POSITION, OVERLAY, NORMALIZE, TREAT, COLLATION FOR,
 * COALESCE/NULLIF/GREATEST/LEAST, the XML functions) and the niladic SQL value functions.
 * They become the same pg_catalog calls PostgreSQL's grammar makes.
 */
abstract class SpecialFunctionParser extends PrimaryExprParser {

    SpecialFunctionParser(String sql, List<Token> tokens) {
        super(sql, tokens);
    }

    @Override
    final Expr specialFunction() {
        Token t = peek();
        boolean paren = peek(1).isPunct("(");
        int loc = t.start();
        switch (t.value()) {
            case "current_date" -> {
                next();
                return new SQLValueFunction(SQLValueFunction.Op.CURRENT_DATE, -1, loc);
            }
            case "current_time", "current_timestamp", "localtime", "localtimestamp" -> {
                next();
                int typmod = -1;
                if (acceptPunct("(")) {
                    typmod = iconst();
                    expectPunct(")");
                }
                SQLValueFunction.Op op = switch (t.value()) {
                    case "current_time" -> typmod < 0 ? SQLValueFunction.Op.CURRENT_TIME : SQLValueFunction.Op.CURRENT_TIME_N;
                    case "current_timestamp" -> typmod < 0 ? SQLValueFunction.Op.CURRENT_TIMESTAMP
                            : SQLValueFunction.Op.CURRENT_TIMESTAMP_N;
                    case "localtime" -> typmod < 0 ? SQLValueFunction.Op.LOCALTIME : SQLValueFunction.Op.LOCALTIME_N;
                    default -> typmod < 0 ? SQLValueFunction.Op.LOCALTIMESTAMP : SQLValueFunction.Op.LOCALTIMESTAMP_N;
                };
                return new SQLValueFunction(op, typmod, loc);
            }
            case "current_role", "current_user", "session_user", "user", "current_catalog" -> {
                next();
                return new SQLValueFunction(SQLValueFunction.Op.valueOf(t.value().toUpperCase(java.util.Locale.ROOT)), -1, loc);
            }
            case "current_schema" -> {
                if (paren) {
                    return null;
                }
                next();
                return new SQLValueFunction(SQLValueFunction.Op.CURRENT_SCHEMA, -1, loc);
            }
            default -> { }
        }
        if (!paren) {
            if (t.isKeyword("collation") && peek(1).isKeyword("for")) {
                p += 2;
                expectPunct("(");
                Expr arg = aExpr();
                expectPunct(")");
                return call("pg_collation_for", List.of(arg), loc);
            }
            return null;
        }
        switch (t.value()) {
            case "cast" -> {
                p += 2;
                Expr arg = aExpr();
                expect("as");
                TypeName type = typeName();
                expectPunct(")");
                return new TypeCast(arg, type, loc);
            }
            case "treat" -> {
                p += 2;
                Expr arg = aExpr();
                expect("as");
                TypeName type = typeName();
                expectPunct(")");
                String name = type.names().get(type.names().size() - 1);
                return call(name, List.of(arg), loc);
            }
            case "extract" -> {
                p += 2;
                List<Expr> args = new ArrayList<>();
                if (!atPunct(")")) {
                    Token f = peek();
                    String field;
                    boolean fieldKeyword = f.kind() == TokenKind.KEYWORD && switch (f.value()) {
                        case "year", "month", "day", "hour", "minute", "second" -> true;
                        default -> false;
                    };
                    if (f.kind() == TokenKind.SCONST || f.kind() == TokenKind.IDENT || fieldKeyword) {
                        field = next().value();
                    } else {
                        throw syntaxError();
                    }
                    expect("from");
                    args.add(new AConst(AConst.Kind.STRING, field, f.start()));
                    args.add(aExpr());
                }
                expectPunct(")");
                return call("extract", args, loc);
            }
            case "normalize" -> {
                p += 2;
                List<Expr> args = new ArrayList<>();
                args.add(aExpr());
                if (acceptPunct(",")) {
                    Token f = next();
                    if (!(f.value().equals("nfc") || f.value().equals("nfd") || f.value().equals("nfkc")
                            || f.value().equals("nfkd")) || f.kind() != TokenKind.KEYWORD) {
                        throw syntaxErrorAt(f);
                    }
                    args.add(new AConst(AConst.Kind.STRING, f.value(), f.start()));
                }
                expectPunct(")");
                return call("normalize", args, loc);
            }
            case "overlay" -> {
                p += 2;
                Expr first = aExpr();
                List<Expr> args = new ArrayList<>();
                args.add(first);
                if (accept("placing")) {
                    args.add(aExpr());
                    expect("from");
                    args.add(aExpr());
                    if (accept("for")) {
                        args.add(aExpr());
                    }
                    expectPunct(")");
                    return call("overlay", args, loc);
                }
                while (acceptPunct(",")) {
                    args.add(aExpr());
                }
                expectPunct(")");
                return generic("overlay", args, loc);
            }
            case "position" -> {
                p += 2;
                List<Expr> args = new ArrayList<>();
                if (!atPunct(")")) {
                    Expr needle = expr(ExprParser.LIKE + 1, true);
                    expect("in");
                    Expr haystack = expr(ExprParser.LIKE + 1, true);
                    args.add(haystack);
                    args.add(needle);
                }
                expectPunct(")");
                return call("position", args, loc);
            }
            case "substring" -> {
                p += 2;
                return substring(loc);
            }
            case "trim" -> {
                p += 2;
                String fn = "btrim";
                if (accept("both")) {
                    fn = "btrim";
                } else if (accept("leading")) {
                    fn = "ltrim";
                } else if (accept("trailing")) {
                    fn = "rtrim";
                }
                List<Expr> args = new ArrayList<>();
                if (accept("from")) {
                    args.addAll(exprList());
                } else {
                    Expr first = aExpr();
                    if (accept("from")) {
                        args.addAll(exprList());
                        args.add(first);
                    } else {
                        args.add(first);
                        while (acceptPunct(",")) {
                            args.add(aExpr());
                        }
                    }
                }
                expectPunct(")");
                return call(fn, args, loc);
            }
            case "nullif" -> {
                p += 2;
                Expr a = aExpr();
                expectPunct(",");
                Expr b = aExpr();
                expectPunct(")");
                return new AExpr(AExpr.Kind.NULLIF, List.of("="), a, b, loc);
            }
            case "coalesce" -> {
                p += 2;
                List<Expr> args = exprList();
                expectPunct(")");
                return new CoalesceExpr(args, loc);
            }
            case "greatest", "least" -> {
                p += 2;
                List<Expr> args = exprList();
                expectPunct(")");
                return new MinMaxExpr(t.value().equals("greatest") ? MinMaxExpr.Op.GREATEST : MinMaxExpr.Op.LEAST, args, loc);
            }
            case "xmlconcat", "xmlelement", "xmlexists", "xmlforest", "xmlparse", "xmlpi", "xmlroot", "xmlserialize" -> {
                if (t.kind() == TokenKind.KEYWORD) {
                    return xmlFunction(t);
                }
                return null;
            }
            default -> {
                return null;
            }
        }
    }

    private Expr substring(int loc) {
        List<Expr> args = new ArrayList<>();
        if (atPunct(")")) {
            next();
            return generic("substring", args, loc);
        }
        Expr str = aExpr();
        args.add(str);
        if (accept("from")) {
            args.add(aExpr());
            if (accept("for")) {
                args.add(aExpr());
            }
        } else if (accept("for")) {
            Expr len = aExpr();
            if (accept("from")) {
                args.add(aExpr());
                args.add(len);
            } else {
                args.add(new AConst(AConst.Kind.INTEGER, "1", -1));
                args.add(len);
            }
        } else if (accept("similar")) {
            args.add(aExpr());
            expect("escape");
            args.add(aExpr());
        } else {
            while (acceptPunct(",")) {
                args.add(aExpr());
            }
            expectPunct(")");
            return generic("substring", args, loc);
        }
        expectPunct(")");
        return call("substring", args, loc);
    }

    /** The XML functions are kept as XmlExpr with their argument shape; evaluating them is not supported. */
    private Expr xmlFunction(Token t) {
        p += 2;
        String name = null;
        List<Expr> args = new ArrayList<>();
        List<Expr> named = new ArrayList<>();
        List<String> argNames = new ArrayList<>();
        switch (t.value()) {
            case "xmlconcat" -> args.addAll(exprList());
            case "xmlelement" -> {
                expect("name");
                name = colLabel();
                while (acceptPunct(",")) {
                    if (at("xmlattributes") && peek(1).isPunct("(")) {
                        p += 2;
                        xmlAttributes(named, argNames);
                        expectPunct(")");
                    } else {
                        args.addAll(exprList());
                        break;
                    }
                }
            }
            case "xmlforest" -> xmlAttributes(named, argNames);
            case "xmlpi" -> {
                expect("name");
                name = colLabel();
                if (acceptPunct(",")) {
                    args.add(aExpr());
                }
            }
            case "xmlparse" -> {
                name = accept("document") ? "document" : expect("content").value();
                args.add(aExpr());
                if (accept("preserve") || accept("strip")) {
                    expect("whitespace");
                }
            }
            case "xmlserialize" -> {
                name = accept("document") ? "document" : expect("content").value();
                args.add(aExpr());
                expect("as");
                simpleTypeName(false);
            }
            case "xmlroot" -> {
                args.add(aExpr());
                expectPunct(",");
                expect("version");
                if (!acceptSeq("no", "value")) {
                    args.add(aExpr());
                }
                if (acceptPunct(",")) {
                    expect("standalone");
                    if (!accept("yes") && !acceptSeq("no", "value")) {
                        expect("no");
                    }
                }
            }
            default -> {
                // xmlexists(c_expr PASSING [BY REF|VALUE] c_expr [BY REF|VALUE])
                args.add(primary());
                expect("passing");
                xmlPassingMechanism();
                args.add(primary());
                xmlPassingMechanism();
            }
        }
        expectPunct(")");
        return new XmlExpr(t.value(), name, named, argNames, args, t.start());
    }

    private void xmlAttributes(List<Expr> values, List<String> names) {
        do {
            values.add(aExpr());
            names.add(accept("as") ? colLabel() : null);
        } while (acceptPunct(","));
    }

    private void xmlPassingMechanism() {
        if (accept("by")) {
            if (!accept("ref")) {
                expect("value");
            }
        }
    }

    private FuncCall call(String name, List<Expr> args, int loc) {
        return new FuncCall(List.of("pg_catalog", name), args, List.of(), null, null, false, false, false, false,
                FuncCall.CoercionForm.SQL_SYNTAX, loc);
    }

    private FuncCall generic(String name, List<Expr> args, int loc) {
        return new FuncCall(List.of(name), args, List.of(), null, null, false, false, false, false,
                FuncCall.CoercionForm.EXPLICIT_CALL, loc);
    }
}
