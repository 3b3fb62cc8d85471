package org.lakepg.server.sql.parser;

import java.util.ArrayList;
import java.util.List;
import org.lakepg.server.sql.ast.AConst;
import org.lakepg.server.sql.ast.AExpr;
import org.lakepg.server.sql.ast.BoolExpr;
import org.lakepg.server.sql.ast.BooleanTest;
import org.lakepg.server.sql.ast.CollateClause;
import org.lakepg.server.sql.ast.Expr;
import org.lakepg.server.sql.ast.ExprList;
import org.lakepg.server.sql.ast.FuncCall;
import org.lakepg.server.sql.ast.NullTest;
import org.lakepg.server.sql.ast.RowExpr;
import org.lakepg.server.sql.ast.SelectStmt;
import org.lakepg.server.sql.ast.SubLink;
import org.lakepg.server.sql.ast.TypeName;
import org.lakepg.server.sql.ast.XmlExpr;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * Operator expressions by precedence climbing, with PostgreSQL 15's precedence table (gram.y):
 * OR < AND < NOT < IS < comparison < BETWEEN/IN/LIKE/ILIKE/SIMILAR < ESCAPE < other operators
 * < + - < * / % < ^ < AT TIME ZONE < COLLATE < unary minus < subscripts, :: and field access.
 * Comparison and the BETWEEN/IN/LIKE level are non-associative, as in PostgreSQL.
 * {@code restricted} parses gram.y's b_expr (no boolean logic, IS NULL, LIKE, IN, BETWEEN).
 */
abstract class ExprParser extends TypeNameParser {
    static final int OR = 1;
    static final int AND = 2;
    static final int NOT = 3;
    static final int IS = 4;
    static final int CMP = 5;
    static final int LIKE = 6;
    static final int OP = 8;
    static final int ADD = 9;
    static final int MUL = 10;
    static final int EXP = 11;
    static final int AT = 12;
    static final int COLLATE = 13;
    static final int UMINUS = 14;

    ExprParser(String sql, List<Token> tokens) {
        super(sql, tokens);
    }

    /** c_expr plus its postfix :: casts. */
    abstract Expr primary();

    /** select_with_parens: '(' select ')' as a SelectStmt. */
    abstract SelectStmt selectWithParens();

    /** True when the tokens at the cursor are '(' [ '(' ...] followed by a query keyword. */
    abstract boolean atParenthesizedQuery();

    @Override
    final Expr aExpr() {
        return expr(0, false);
    }

    final Expr bExpr() {
        return expr(0, true);
    }

    @Override
    final List<Expr> exprList() {
        List<Expr> list = new ArrayList<>();
        do {
            list.add(aExpr());
        } while (acceptPunct(","));
        return list;
    }

    /** The precedence of the binary/postfix operator at the cursor, or -1 when none starts here. */
    private int infixPrecedence(boolean restricted) {
        Token t = peek();
        switch (t.kind()) {
            case OP -> {
                return switch (t.value()) {
                    case "<", ">", "=", "<=", ">=", "<>" -> CMP;
                    case "+", "-" -> ADD;
                    case "*", "/", "%" -> MUL;
                    case "^" -> EXP;
                    default -> OP;
                };
            }
            case KEYWORD -> {
                switch (t.value()) {
                    case "or":
                        return restricted ? -1 : OR;
                    case "and":
                        return restricted ? -1 : AND;
                    case "is":
                        return IS;
                    case "isnull", "notnull":
                        return restricted ? -1 : IS;
                    case "between", "in", "like", "ilike":
                        return restricted ? -1 : LIKE;
                    case "similar":
                        return restricted || !peek(1).isKeyword("to") ? -1 : LIKE;
                    case "overlaps":
                        return restricted ? -1 : CMP;
                    case "not":
                        if (restricted) {
                            return -1;
                        }
                        Token n = peek(1);
                        return n.kind() == TokenKind.KEYWORD && switch (n.value()) {
                            case "between", "in", "like", "ilike" -> true;
                            case "similar" -> peek(2).isKeyword("to");
                            default -> false;
                        } ? LIKE : -1;
                    case "operator":
                        return peek(1).isPunct("(") ? OP : -1;
                    case "at":
                        return !restricted && peek(1).isKeyword("time") ? AT : -1;
                    case "collate":
                        return restricted ? -1 : COLLATE;
                    default:
                        return -1;
                }
            }
            default -> {
                return -1;
            }
        }
    }

    final Expr expr(int minPrec, boolean restricted) {
        Expr left = prefix(restricted);
        int lastNonAssoc = -1;
        while (true) {
            int prec = infixPrecedence(restricted);
            if (prec < 0 || prec < minPrec || endsAtBareLabel()) {
                return left;
            }
            if ((prec == CMP || prec == LIKE) && prec == lastNonAssoc) {
                throw syntaxError();
            }
            Token t = peek();
            lastNonAssoc = prec == CMP || prec == LIKE ? prec : -1;
            left = switch (prec) {
                case OR -> {
                    next();
                    yield boolOf(BoolExpr.BoolOp.OR, left, expr(OR + 1, restricted), t.start());
                }
                case AND -> {
                    next();
                    yield boolOf(BoolExpr.BoolOp.AND, left, expr(AND + 1, restricted), t.start());
                }
                case IS -> isTest(left, restricted);
                case LIKE -> likeLevel(left);
                case CMP -> t.isKeyword("overlaps") ? overlaps(left) : binaryOperator(left, prec, restricted);
                case AT -> {
                    p += 2;
                    expect("zone");
                    Expr zone = expr(AT + 1, restricted);
                    yield new FuncCall(List.of("pg_catalog", "timezone"), List.of(zone, left), List.of(), null, null,
                            false, false, false, false, FuncCall.CoercionForm.SQL_SYNTAX, t.start());
                }
                case COLLATE -> {
                    next();
                    yield new CollateClause(left, anyName(), t.start());
                }
                default -> binaryOperator(left, prec, restricted);
            };
        }
    }

    /**
     * In a select list, a keyword operator that is also a bare label (AND, IS, IN, LIKE, ...) followed by
     * what ends an output column is the column's alias: "SELECT 1 in FROM t" names the column "in".
     */
    boolean inTargetList;

    private boolean endsAtBareLabel() {
        if (!inTargetList || peek().kind() != TokenKind.KEYWORD || !peek().keyword().bareLabel()) {
            return false;
        }
        Token n = peek(1);
        if (n.kind() == TokenKind.EOF) {
            return true;
        }
        if (n.kind() == TokenKind.PUNCT) {
            return n.value().equals(",") || n.value().equals(")") || n.value().equals(";");
        }
        return n.kind() == TokenKind.KEYWORD && switch (n.value()) {
            case "from", "where", "group", "having", "order", "limit", "offset", "union", "intersect", "except", "window",
                 "into", "for", "fetch", "returning" -> true;
            default -> false;
        };
    }

    private static Expr boolOf(BoolExpr.BoolOp op, Expr left, Expr right, int loc) {
        // a AND b AND c becomes one BoolExpr with three arguments, as PostgreSQL's makeAndExpr does
        if (left instanceof BoolExpr b && b.op() == op) {
            List<Expr> args = new ArrayList<>(b.args());
            args.add(right);
            return new BoolExpr(op, args, b.location());
        }
        return new BoolExpr(op, List.of(left, right), loc);
    }

    /** Operator name at the cursor: a symbol or OPERATOR(schema.op). */
    final List<String> operatorName() {
        if (at("operator")) {
            next();
            expectPunct("(");
            List<String> name = new ArrayList<>();
            while (isColId(peek()) && peek(1).isPunct(".")) {
                name.add(next().value());
                next();
            }
            Token op = peek();
            if (op.kind() != TokenKind.OP) {
                throw syntaxError();
            }
            name.add(next().value());
            expectPunct(")");
            return name;
        }
        Token op = peek();
        if (op.kind() != TokenKind.OP) {
            throw syntaxError();
        }
        next();
        return List.of(op.value());
    }

    private Expr binaryOperator(Expr left, int prec, boolean restricted) {
        int loc = pos();
        List<String> name = operatorName();
        // a op ANY/SOME/ALL (subquery or array)
        if (!restricted && (at("any") || at("some") || at("all"))) {
            boolean all = next().value().equals("all");
            return subqueryOrArrayComparison(left, name, all, loc);
        }
        Expr right = expr(prec + 1, restricted);
        return new AExpr(AExpr.Kind.OP, name, left, right, loc);
    }

    private Expr subqueryOrArrayComparison(Expr left, List<String> name, boolean all, int loc) {
        SelectStmt sub = trySubquery();
        if (sub != null) {
            return new SubLink(all ? SubLink.Kind.ALL : SubLink.Kind.ANY, left, name, sub, loc);
        }
        expectPunct("(");
        Expr array = aExpr();
        expectPunct(")");
        return new AExpr(all ? AExpr.Kind.OP_ALL : AExpr.Kind.OP_ANY, name, left, array, loc);
    }

    /**
     * A parenthesized query followed by what ends it, or null (cursor unchanged) when the parenthesis
     * holds an expression: "(SELECT ...)" vs "((SELECT ...)::text[])" or "((SELECT 1), (SELECT 2))".
     */
    final SelectStmt trySubquery() {
        if (!atParenthesizedQuery()) {
            return null;
        }
        if (!peek(1).isPunct("(")) {
            return selectWithParens();
        }
        int save = p;
        int saveFurthest = furthest;
        try {
            return selectWithParens();
        } catch (PgException e) {
            p = save;
            furthest = saveFurthest;
            return null;
        }
    }

    private Expr prefix(boolean restricted) {
        Token t = peek();
        if (restricted && t.isKeyword("default")) {
            throw syntaxError();
        }
        if (!restricted && t.isKeyword("not")) {
            next();
            Expr arg = expr(NOT, false);
            return new BoolExpr(BoolExpr.BoolOp.NOT, List.of(arg), t.start());
        }
        if (t.isOp("-") || t.isOp("+")) {
            next();
            Expr arg = expr(UMINUS, restricted);
            if (t.value().equals("-") && arg instanceof AConst c
                    && (c.kind() == AConst.Kind.INTEGER || c.kind() == AConst.Kind.NUMERIC) && !c.value().startsWith("-")) {
                // PostgreSQL folds the minus into numeric constants (doNegate)
                return new AConst(c.kind(), "-" + c.value(), t.start());
            }
            return new AExpr(AExpr.Kind.OP, List.of(t.value()), null, arg, t.start());
        }
        if (t.kind() == TokenKind.OP && !isSelfOperator(t.value()) || atSeqPunct("operator", "(")) {
            List<String> name = operatorName();
            Expr arg = expr(OP + 1, restricted);
            return new AExpr(AExpr.Kind.OP, name, null, arg, t.start());
        }
        return primary();
    }

    /** row OVERLAPS row: both sides must be two-element rows. */
    private Expr overlaps(Expr left) {
        Token t = next();
        Expr right = expr(CMP + 1, false);
        if (!(left instanceof RowExpr l) || !(right instanceof RowExpr r)) {
            throw syntaxErrorAt(t);
        }
        if (l.args().size() != 2) {
            throw errorAt(SqlState.SYNTAX_ERROR, l.location(), "wrong number of parameters on left side of OVERLAPS expression");
        }
        if (r.args().size() != 2) {
            throw errorAt(SqlState.SYNTAX_ERROR, r.location(),
                    "wrong number of parameters on right side of OVERLAPS expression");
        }
        List<Expr> args = new ArrayList<>(l.args());
        args.addAll(r.args());
        return new FuncCall(List.of("pg_catalog", "overlaps"), args, List.of(), null, null, false, false, false, false,
                FuncCall.CoercionForm.SQL_SYNTAX, t.start());
    }

    /** The single-character and comparison operators gram.y names itself; they are never prefix operators. */
    static boolean isSelfOperator(String op) {
        return switch (op) {
            case "<", ">", "=", "*", "/", "%", "^", "<=", ">=", "<>" -> true;
            default -> false;
        };
    }

    private boolean atSeqPunct(String keyword, String punct) {
        return at(keyword) && peek(1).isPunct(punct);
    }

    private Expr isTest(Expr left, boolean restricted) {
        Token t = next();
        if (t.isKeyword("isnull")) {
            return new NullTest(left, true, t.start());
        }
        if (t.isKeyword("notnull")) {
            return new NullTest(left, false, t.start());
        }
        boolean not = accept("not");
        Token w = peek();
        if (w.isKeyword("distinct")) {
            next();
            expect("from");
            Expr right = expr(IS + 1, restricted);
            return new AExpr(not ? AExpr.Kind.NOT_DISTINCT : AExpr.Kind.DISTINCT, List.of("="), left, right, t.start());
        }
        if (w.isKeyword("document")) {
            next();
            Expr doc = new XmlExpr("is_document", null, List.of(), List.of(), List.of(left),
                    t.start());
            return not ? new BoolExpr(BoolExpr.BoolOp.NOT, List.of(doc), t.start()) : doc;
        }
        if (restricted) {
            throw syntaxError();
        }
        if (w.isKeyword("null")) {
            next();
            return new NullTest(left, !not, t.start());
        }
        if (w.isKeyword("true")) {
            next();
            return new BooleanTest(left, not ? BooleanTest.Kind.IS_NOT_TRUE : BooleanTest.Kind.IS_TRUE, t.start());
        }
        if (w.isKeyword("false")) {
            next();
            return new BooleanTest(left, not ? BooleanTest.Kind.IS_NOT_FALSE : BooleanTest.Kind.IS_FALSE, t.start());
        }
        if (w.isKeyword("unknown")) {
            next();
            return new BooleanTest(left, not ? BooleanTest.Kind.IS_NOT_UNKNOWN : BooleanTest.Kind.IS_UNKNOWN, t.start());
        }
        String form = null;
        if (w.kind() == TokenKind.KEYWORD && (w.value().equals("nfc") || w.value().equals("nfd")
                || w.value().equals("nfkc") || w.value().equals("nfkd"))) {
            form = next().value();
            w = peek();
        }
        if (w.isKeyword("normalized")) {
            next();
            List<Expr> args = new ArrayList<>();
            args.add(left);
            if (form != null) {
                args.add(new AConst(AConst.Kind.STRING, form, -1));
            }
            FuncCall f = new FuncCall(List.of("pg_catalog", "is_normalized"), args, List.of(), null, null, false, false,
                    false, false, FuncCall.CoercionForm.SQL_SYNTAX, t.start());
            return not ? new BoolExpr(BoolExpr.BoolOp.NOT, List.of(f), t.start()) : f;
        }
        throw syntaxError();
    }

    private Expr likeLevel(Expr left) {
        int loc = pos();
        boolean not = accept("not");
        Token t = next();
        switch (t.value()) {
            case "between" -> {
                boolean symmetric = accept("symmetric");
                if (!symmetric) {
                    accept("asymmetric");
                }
                Expr lower = expr(0, true);
                expect("and");
                Expr upper = expr(LIKE + 1, false);
                AExpr.Kind kind = symmetric ? (not ? AExpr.Kind.NOT_BETWEEN_SYM : AExpr.Kind.BETWEEN_SYM)
                        : (not ? AExpr.Kind.NOT_BETWEEN : AExpr.Kind.BETWEEN);
                String op = switch (kind) {
                    case BETWEEN -> "BETWEEN";
                    case NOT_BETWEEN -> "NOT BETWEEN";
                    case BETWEEN_SYM -> "BETWEEN SYMMETRIC";
                    default -> "NOT BETWEEN SYMMETRIC";
                };
                return new AExpr(kind, List.of(op), left, new ExprList(List.of(lower, upper), lower instanceof AConst c
                        ? c.location() : loc), loc);
            }
            case "in" -> {
                SelectStmt sub = trySubquery();
                if (sub != null) {
                    SubLink link = new SubLink(SubLink.Kind.ANY, left, List.of(), sub, t.start());
                    return not ? new BoolExpr(BoolExpr.BoolOp.NOT, List.of(link), loc) : link;
                }
                int listLoc = pos();
                expectPunct("(");
                List<Expr> items = exprList();
                expectPunct(")");
                return new AExpr(AExpr.Kind.IN, List.of(not ? "<>" : "="), left, new ExprList(items, listLoc), t.start());
            }
            case "like", "ilike" -> {
                boolean ilike = t.value().equals("ilike");
                List<String> name = List.of(ilike ? (not ? "!~~*" : "~~*") : (not ? "!~~" : "~~"));
                if (at("any") || at("some") || at("all")) {
                    boolean all = next().value().equals("all");
                    return subqueryOrArrayComparison(left, name, all, t.start());
                }
                Expr pattern = expr(LIKE + 1, false);
                if (accept("escape")) {
                    Expr esc = expr(LIKE + 2, false);
                    pattern = new FuncCall(List.of("pg_catalog", "like_escape"), List.of(pattern, esc), List.of(), null,
                            null, false, false, false, false, FuncCall.CoercionForm.EXPLICIT_CALL, t.start());
                }
                return new AExpr(ilike ? AExpr.Kind.ILIKE : AExpr.Kind.LIKE, name, left, pattern, t.start());
            }
            case "similar" -> {
                expect("to");
                Expr pattern = expr(LIKE + 1, false);
                List<Expr> args = new ArrayList<>();
                args.add(pattern);
                if (accept("escape")) {
                    args.add(expr(LIKE + 2, false));
                }
                FuncCall f = new FuncCall(List.of("pg_catalog", "similar_to_escape"), args, List.of(), null, null,
                        false, false, false, false, FuncCall.CoercionForm.EXPLICIT_CALL, t.start());
                return new AExpr(AExpr.Kind.SIMILAR, List.of(not ? "!~" : "~"), left, f, t.start());
            }
            default -> throw syntaxErrorAt(t);
        }
    }
}
