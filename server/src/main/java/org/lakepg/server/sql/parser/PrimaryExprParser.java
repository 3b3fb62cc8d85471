package org.lakepg.server.sql.parser;

import java.util.ArrayList;
import java.util.List;
import org.lakepg.server.sql.ast.AArrayExpr;
import org.lakepg.server.sql.ast.AConst;
import org.lakepg.server.sql.ast.AIndices;
import org.lakepg.server.sql.ast.AIndirection;
import org.lakepg.server.sql.ast.AStar;
import org.lakepg.server.sql.ast.CaseExpr;
import org.lakepg.server.sql.ast.CaseWhen;
import org.lakepg.server.sql.ast.ColumnRef;
import org.lakepg.server.sql.ast.Expr;
import org.lakepg.server.sql.ast.FieldName;
import org.lakepg.server.sql.ast.FuncCall;
import org.lakepg.server.sql.ast.GroupingFunc;
import org.lakepg.server.sql.ast.Indirection;
import org.lakepg.server.sql.ast.NamedArgExpr;
import org.lakepg.server.sql.ast.ParamRef;
import org.lakepg.server.sql.ast.RowExpr;
import org.lakepg.server.sql.ast.SelectStmt;
import org.lakepg.server.sql.ast.SetToDefault;
import org.lakepg.server.sql.ast.SortBy;
import org.lakepg.server.sql.ast.SubLink;
import org.lakepg.server.sql.ast.TypeCast;
import org.lakepg.server.sql.ast.TypeName;
import org.lakepg.server.sql.ast.WindowDef;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * gram.y's c_expr: constants, column references with indirection, parameters, parenthesized
 * expressions and rows, subqueries, CASE, ARRAY, ROW, typed literals, function calls with their
 * aggregate and window decorations, and the :: cast that binds tighter than any operator.
 * The special-syntax functions live in {@link SpecialFunctionParser}.
 */
abstract class PrimaryExprParser extends ExprParser {

    PrimaryExprParser(String sql, List<Token> tokens) {
        super(sql, tokens);
    }

    /** A special-syntax function or SQL value function at the cursor, or null. */
    abstract Expr specialFunction();

    @Override
    final Expr primary() {
        Expr e = primaryNoCast();
        while (atPunct("::")) {
            Token t = next();
            e = new TypeCast(e, typeName(), t.start());
        }
        return e;
    }

    private Expr primaryNoCast() {
        Token t = peek();
        switch (t.kind()) {
            case ICONST -> {
                next();
                return new AConst(AConst.Kind.INTEGER, t.value(), t.start());
            }
            case FCONST -> {
                next();
                return new AConst(AConst.Kind.NUMERIC, t.value(), t.start());
            }
            case SCONST -> {
                next();
                return new AConst(AConst.Kind.STRING, t.value(), t.start());
            }
            case BCONST, XCONST -> {
                next();
                return new AConst(AConst.Kind.BITSTRING, t.value(), t.start());
            }
            case PARAM -> {
                next();
                return withIndirection(new ParamRef(Integer.parseInt(t.value()), t.start()));
            }
            case PUNCT -> {
                if (t.value().equals("(")) {
                    return parenthesized();
                }
                throw syntaxError();
            }
            case KEYWORD -> {
                Expr e = keywordPrimary(t);
                if (e != null) {
                    return e;
                }
            }
            default -> { }
        }
        if (isColId(t) || isTypeFunctionName(t)) {
            return nameOrCall();
        }
        throw syntaxError();
    }

    private Expr keywordPrimary(Token t) {
        switch (t.value()) {
            case "true", "false" -> {
                next();
                return new AConst(AConst.Kind.BOOLEAN, t.value().equals("true") ? "t" : "f", t.start());
            }
            case "null" -> {
                next();
                return new AConst(AConst.Kind.NULL, "", t.start());
            }
            case "case" -> {
                return caseExpr();
            }
            case "exists" -> {
                if (peek(1).isPunct("(")) {
                    next();
                    SelectStmt sub = selectWithParens();
                    return new SubLink(SubLink.Kind.EXISTS, null, List.of(), sub, t.start());
                }
            }
            case "unique" -> {
                // UNIQUE [NULLS [NOT] DISTINCT] (subquery): in PostgreSQL's grammar, but not implemented there either
                next();
                if (peek().value().equals("nulls")) {
                    next();
                    if (peek().value().equals("not")) {
                        next();
                    }
                    if (!peek().value().equals("distinct")) {
                        throw syntaxError();
                    }
                    next();
                }
                if (!atParenthesizedQuery()) {
                    throw syntaxError();
                }
                selectWithParens();
                throw errorAt(SqlState.FEATURE_NOT_SUPPORTED, t.start(), "UNIQUE predicate is not yet implemented");
            }
            case "array" -> {
                next();
                if (atPunct("[")) {
                    return arrayLiteral(t.start());
                }
                if (atParenthesizedQuery()) {
                    SelectStmt sub = selectWithParens();
                    return new SubLink(SubLink.Kind.ARRAY, null, List.of(), sub, t.start());
                }
                throw syntaxError();
            }
            case "row" -> {
                if (peek(1).isPunct("(")) {
                    next();
                    next();
                    List<Expr> args = atPunct(")") ? List.of() : exprList();
                    expectPunct(")");
                    return new RowExpr(args, true, t.start());
                }
            }
            case "grouping" -> {
                if (peek(1).isPunct("(")) {
                    next();
                    next();
                    List<Expr> args = exprList();
                    expectPunct(")");
                    return new GroupingFunc(args, t.start());
                }
            }
            case "default" -> {
                next();
                return new SetToDefault(t.start());
            }
            default -> { }
        }
        Expr special = specialFunction();
        if (special != null) {
            return special;
        }
        if (t.isKeyword("cast")) {
            next();
            throw syntaxError();
        }
        if (atSqlStandardTypeKeyword() && startsTypedLiteral()) {
            return sqlStandardTypedLiteral();
        }
        return null;
    }

    /**
     * A type keyword followed by what can only be a typed literal (not a column called "time"): a
     * string, or more type words (WITH TIME ZONE, VARYING, PRECISION, a modifier list) that commit to one.
     */
    private boolean startsTypedLiteral() {
        Token n = peek(1);
        if ((n.isKeyword("with") || n.isKeyword("without")) && peek(2).isKeyword("time") || n.isKeyword("varying")
                || n.isKeyword("precision")
                || n.isPunct("(") && !at("interval")) {
            return true;
        }
        int save = p;
        int saveFurthest = furthest;
        try {
            simpleTypeName(true);
            return atSconst() || peek().kind() == TokenKind.SCONST;
        } catch (PgException e) {
            return false;
        } finally {
            p = save;
            furthest = saveFurthest;
        }
    }

    private Expr sqlStandardTypedLiteral() {
        int loc = pos();
        boolean interval = at("interval");
        TypeName type = simpleTypeName(true);
        Token s = peek();
        String value = sconst();
        if (interval && type.typmods().isEmpty()) {
            List<Expr> fields = optInterval();
            if (!fields.isEmpty()) {
                type = new TypeName(type.names(), fields, List.of(), false, false, type.location());
            }
        }
        return new TypeCast(new AConst(AConst.Kind.STRING, value, s.start()), type, loc);
    }

    private Expr arrayLiteral(int loc) {
        expectPunct("[");
        List<Expr> elements = new ArrayList<>();
        if (!atPunct("]")) {
            boolean nested = atPunct("[");
            do {
                if (nested != atPunct("[")) {
                    throw syntaxError();
                }
                elements.add(nested ? arrayLiteral(pos()) : aExpr());
            } while (acceptPunct(","));
        }
        expectPunct("]");
        return new AArrayExpr(elements, loc);
    }

    private Expr caseExpr() {
        int loc = next().start();
        Expr arg = at("when") ? null : aExpr();
        List<CaseWhen> whens = new ArrayList<>();
        while (at("when")) {
            int wloc = next().start();
            Expr cond = aExpr();
            expect("then");
            whens.add(new CaseWhen(cond, aExpr(), wloc));
        }
        if (whens.isEmpty()) {
            throw syntaxError();
        }
        Expr def = accept("else") ? aExpr() : null;
        expect("end");
        return new CaseExpr(arg, whens, def, loc);
    }

    private Expr parenthesized() {
        boolean outer = inTargetList;
        inTargetList = false;
        try {
            return parenthesizedInner();
        } finally {
            inTargetList = outer;
        }
    }

    private Expr parenthesizedInner() {
        Token open = peek();
        if (atParenthesizedQuery()) {
            if (peek(1).isPunct("(")) {
                // ((SELECT ...)) or ((SELECT ...) + 1): try the query reading first
                int save = p;
                int saveFurthest = furthest;
                try {
                    SelectStmt sub = selectWithParens();
                    return withIndirection(new SubLink(SubLink.Kind.EXPR, null, List.of(), sub, open.start()));
                } catch (PgException e) {
                    p = save;
                    furthest = saveFurthest;
                }
            } else {
                SelectStmt sub = selectWithParens();
                return withIndirection(new SubLink(SubLink.Kind.EXPR, null, List.of(), sub, open.start()));
            }
        }
        next();
        Expr first = aExpr();
        if (atPunct(",")) {
            List<Expr> args = new ArrayList<>();
            args.add(first);
            while (acceptPunct(",")) {
                args.add(aExpr());
            }
            expectPunct(")");
            return new RowExpr(args, false, open.start());
        }
        expectPunct(")");
        return withIndirection(first);
    }

    /** opt_indirection after an expression: subscripts, slices, .field and .* */
    final Expr withIndirection(Expr base) {
        List<Indirection> ind = indirection();
        return ind.isEmpty() ? base : new AIndirection(base, ind);
    }

    final List<Indirection> indirection() {
        List<Indirection> ind = new ArrayList<>();
        while (true) {
            if (atPunct(".")) {
                if (peek(1).isOp("*")) {
                    p += 2;
                    ind.add(new AStar());
                } else if (isColLabel(peek(1))) {
                    p++;
                    ind.add(new FieldName(next().value()));
                } else {
                    next();
                    throw syntaxError();
                }
            } else if (atPunct("[")) {
                ind.add(subscript());
            } else {
                return ind;
            }
        }
    }

    @Override
    final void skipSubscript() {
        subscript();
    }

    private AIndices subscript() {
        expectPunct("[");
        Expr lower = atPunct(":") ? null : aExpr();
        if (acceptPunct(":")) {
            Expr upper = atPunct("]") ? null : aExpr();
            expectPunct("]");
            return new AIndices(true, lower, upper);
        }
        expectPunct("]");
        return new AIndices(false, null, lower);
    }

    /** A column reference, a function call, or a generic typed literal {@code name 'text'}. */
    private Expr nameOrCall() {
        Token first = next();
        int loc = first.start();
        List<String> names = new ArrayList<>();
        names.add(first.value());
        boolean star = false;
        if (isCategory(first, Keywords.Category.TYPE_FUNC_NAME) && !atPunct("(") && !atSconst()) {
            throw syntaxError();
        }
        while (atPunct(".")) {
            if (peek(1).isOp("*")) {
                p += 2;
                star = true;
                break;
            }
            if (!isColLabel(peek(1))) {
                next();
                throw syntaxError();
            }
            p++;
            names.add(next().value());
        }
        boolean singleColNameKeyword = names.size() == 1 && isCategory(first, Keywords.Category.COL_NAME);
        if (!star && atPunct("(") && !singleColNameKeyword) {
            return functionCall(names, loc);
        }
        if (!star && atSconst() && !singleColNameKeyword) {
            Token s = next();
            return new TypeCast(new AConst(AConst.Kind.STRING, s.value(), s.start()),
                    new TypeName(names, List.of(), List.of(), false, false, loc), loc);
        }
        ColumnRef ref = new ColumnRef(names, star, loc);
        if (star) {
            return ref;
        }
        return withIndirection(ref);
    }

    /** func_application plus WITHIN GROUP, FILTER and OVER. */
    final Expr functionCall(List<String> names, int loc) {
        return functionCall(names, loc, false);
    }

    /** {@code windowless}: func_expr_windowless (FROM items, CALL) takes no WITHIN GROUP, FILTER or OVER. */
    final Expr functionCall(List<String> names, int loc, boolean windowless) {
        boolean outer = inTargetList;
        inTargetList = false;
        try {
            return functionCallInner(names, loc, windowless);
        } finally {
            inTargetList = outer;
        }
    }

    private Expr functionCallInner(List<String> names, int loc, boolean windowless) {
        expectPunct("(");
        List<Expr> args = new ArrayList<>();
        List<SortBy> order = List.of();
        boolean star = false;
        boolean distinct = false;
        boolean variadic = false;
        if (atOp("*")) {
            next();
            if (!atPunct(")")) {
                throw syntaxError();
            }
            star = true;
        } else if (!atPunct(")")) {
            if (accept("distinct")) {
                distinct = true;
            } else {
                accept("all");
            }
            do {
                if (accept("variadic")) {
                    variadic = true;
                }
                args.add(funcArgExpr());
            } while (!variadic && acceptPunct(","));
            if (at("order")) {
                order = sortClause();
            }
        }
        expectPunct(")");
        if (!star && !distinct && !variadic && order.isEmpty() && !args.isEmpty() && atSconst()) {
            // func_name '(' args ')' Sconst: a typed literal with type modifiers, e.g. numeric(5,2) '1'
            Token s = next();
            return new TypeCast(new AConst(AConst.Kind.STRING, s.value(), s.start()),
                    new TypeName(names, args, List.of(), false, false, loc), loc);
        }
        if (windowless) {
            return new FuncCall(names, args, order, null, null, false, star, distinct, variadic,
                    FuncCall.CoercionForm.EXPLICIT_CALL, loc);
        }
        boolean withinGroup = false;
        if (atSeq("within", "group")) {
            int withinLoc = pos();
            if (!order.isEmpty()) {
                throw errorAt(SqlState.SYNTAX_ERROR, withinLoc, "cannot use multiple ORDER BY clauses with WITHIN GROUP");
            }
            if (distinct) {
                throw errorAt(SqlState.SYNTAX_ERROR, withinLoc, "cannot use DISTINCT with WITHIN GROUP");
            }
            if (variadic) {
                throw errorAt(SqlState.SYNTAX_ERROR, withinLoc, "cannot use VARIADIC with WITHIN GROUP");
            }
            p += 2;
            expectPunct("(");
            order = sortClause();
            expectPunct(")");
            withinGroup = true;
        }
        Expr filter = null;
        if (at("filter") && peek(1).isPunct("(")) {
            p += 2;
            expect("where");
            filter = aExpr();
            expectPunct(")");
        }
        WindowDef over = null;
        if (at("over")) {
            next();
            if (atPunct("(")) {
                over = windowSpecification(null);
            } else {
                int wloc = pos();
                over = new WindowDef(null, colId(), List.of(), List.of(), FrameOptions.DEFAULTS, null, null, wloc);
            }
        }
        return new FuncCall(names, args, order, filter, over, withinGroup, star, distinct, variadic,
                FuncCall.CoercionForm.EXPLICIT_CALL, loc);
    }

    private Expr funcArgExpr() {
        Token t = peek();
        if (isTypeFunctionName(t) && (peek(1).isPunct("=>") || peek(1).isPunct(":="))) {
            next();
            next();
            return new NamedArgExpr(t.value(), aExpr(), t.start());
        }
        return aExpr();
    }

    /** ORDER BY sortby [, ...] */
    final List<SortBy> sortClause() {
        expect("order");
        expect("by");
        List<SortBy> items = new ArrayList<>();
        do {
            items.add(sortBy());
        } while (acceptPunct(","));
        return items;
    }

    private SortBy sortBy() {
        int loc = pos();
        Expr e = aExpr();
        SortBy.SortDir dir = SortBy.SortDir.DEFAULT;
        List<String> useOp = List.of();
        if (accept("asc")) {
            dir = SortBy.SortDir.ASC;
        } else if (accept("desc")) {
            dir = SortBy.SortDir.DESC;
        } else if (accept("using")) {
            dir = SortBy.SortDir.USING;
            useOp = operatorName();
        }
        SortBy.SortNulls nulls = SortBy.SortNulls.DEFAULT;
        if (at("nulls") && (peek(1).isKeyword("first") || peek(1).isKeyword("last"))) {
            next();
            nulls = next().value().equals("first") ? SortBy.SortNulls.FIRST : SortBy.SortNulls.LAST;
        }
        return new SortBy(e, dir, nulls, useOp, loc);
    }

    /** '(' [existing window name] [PARTITION BY ...] [ORDER BY ...] [frame clause] ')' */
    final WindowDef windowSpecification(String name) {
        int loc = expectPunct("(").start();
        String refname = null;
        if (isColId(peek()) && !at("partition") && !at("range") && !at("rows") && !at("groups")) {
            refname = colId();
        }
        List<Expr> partition = List.of();
        if (at("partition")) {
            next();
            expect("by");
            partition = exprList();
        }
        List<SortBy> order = at("order") ? sortClause() : List.of();
        int options = FrameOptions.DEFAULTS;
        Expr start = null;
        Expr end = null;
        if (at("range") || at("rows") || at("groups")) {
            String mode = next().value();
            options = FrameOptions.NONDEFAULT | switch (mode) {
                case "range" -> FrameOptions.RANGE;
                case "rows" -> FrameOptions.ROWS;
                default -> FrameOptions.GROUPS;
            };
            if (accept("between")) {
                int startLoc = pos();
                Bound b1 = frameBound(true);
                if (b1.bits == FrameOptions.START_UNBOUNDED_FOLLOWING) {
                    throw frameError(startLoc, "frame start cannot be UNBOUNDED FOLLOWING");
                }
                expect("and");
                int endLoc = pos();
                Bound b2 = frameBound(false);
                checkFrameEnd(b1.bits, b2.bits, endLoc);
                options |= FrameOptions.BETWEEN | b1.bits | b2.bits;
                start = b1.offset;
                end = b2.offset;
            } else {
                int startLoc = pos();
                Bound b1 = frameBound(true);
                // gram.y checks these as it reduces the frame, before it looks at the next token
                if (b1.bits == FrameOptions.START_UNBOUNDED_FOLLOWING) {
                    throw frameError(startLoc, "frame start cannot be UNBOUNDED FOLLOWING");
                }
                if (b1.bits == FrameOptions.START_OFFSET_FOLLOWING) {
                    throw frameError(startLoc, "frame starting from following row cannot end with current row");
                }
                options |= b1.bits | FrameOptions.END_CURRENT_ROW;
                start = b1.offset;
            }
            if (accept("exclude")) {
                if (acceptSeq("current", "row")) {
                    options |= FrameOptions.EXCLUDE_CURRENT_ROW;
                } else if (accept("group")) {
                    options |= FrameOptions.EXCLUDE_GROUP;
                } else if (accept("ties")) {
                    options |= FrameOptions.EXCLUDE_TIES;
                } else {
                    expect("no");
                    expect("others");
                }
            }
        }
        expectPunct(")");
        return new WindowDef(name, refname, partition, order, options, start, end, loc);
    }

    private record Bound(int bits, Expr offset) {
    }

    private void checkFrameEnd(int startBits, int endBits, int endLoc) {
        if (endBits == FrameOptions.END_UNBOUNDED_PRECEDING) {
            throw frameError(endLoc, "frame end cannot be UNBOUNDED PRECEDING");
        }
        if (startBits == FrameOptions.START_CURRENT_ROW && endBits == FrameOptions.END_OFFSET_PRECEDING) {
            throw frameError(endLoc, "frame starting from current row cannot have preceding rows");
        }
        if (startBits == FrameOptions.START_OFFSET_FOLLOWING && (endBits == FrameOptions.END_OFFSET_PRECEDING
                || endBits == FrameOptions.END_CURRENT_ROW)) {
            throw frameError(endLoc, "frame starting from following row cannot have preceding rows");
        }
    }

    private PgException frameError(int offset, String message) {
        return errorAt(SqlState.WINDOWING_ERROR, offset, message);
    }

    private Bound frameBound(boolean isStart) {
        if (at("unbounded") && (peek(1).isKeyword("preceding") || peek(1).isKeyword("following"))) {
            next();
            if (accept("preceding")) {
                return new Bound(isStart ? FrameOptions.START_UNBOUNDED_PRECEDING : FrameOptions.END_UNBOUNDED_PRECEDING,
                        null);
            }
            expect("following");
            return new Bound(isStart ? FrameOptions.START_UNBOUNDED_FOLLOWING : FrameOptions.END_UNBOUNDED_FOLLOWING, null);
        }
        if (acceptSeq("current", "row")) {
            return new Bound(isStart ? FrameOptions.START_CURRENT_ROW : FrameOptions.END_CURRENT_ROW, null);
        }
        Expr offset = aExpr();
        if (accept("preceding")) {
            return new Bound(isStart ? FrameOptions.START_OFFSET_PRECEDING : FrameOptions.END_OFFSET_PRECEDING, offset);
        }
        expect("following");
        return new Bound(isStart ? FrameOptions.START_OFFSET_FOLLOWING : FrameOptions.END_OFFSET_FOLLOWING, offset);
    }
}
