package org.lakepg.wire.types;

import java.util.ArrayList;
import java.util.List;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;
import org.lakepg.wire.types.JsonPath.BinaryOp;
import org.lakepg.wire.types.JsonPath.Chain;
import org.lakepg.wire.types.JsonPath.Item;
import org.lakepg.wire.types.JsonPathLexer.Kind;
import org.lakepg.wire.types.JsonPathLexer.Token;

/**
 * jsonpath input (jsonpath_gram.y): recursive descent with PostgreSQL's precedences, keeping
 * track of which results are predicates, since the grammar accepts each only where it belongs.
 */
final class JsonPathParser {

    /** A parsed expression and whether it is a predicate (a comparison, &&, ||, !, exists ...). */
    private record Parsed(Chain chain, boolean predicate) {
    }

    private final List<Token> tokens;
    private int pos;

    private JsonPathParser(List<Token> tokens) {
        this.tokens = tokens;
    }

    static JsonPath parse(String text) {
        List<Token> tokens = JsonPathLexer.tokens(text);
        if (tokens.size() == 1) {
            throw TypeErrors.invalidSyntax("jsonpath", text);
        }
        JsonPathParser p = new JsonPathParser(tokens);
        boolean lax = true;
        if (p.peek().kind() == Kind.STRICT) {
            lax = false;
            p.pos++;
        } else if (p.peek().kind() == Kind.LAX) {
            p.pos++;
        }
        Parsed result = p.orLevel();
        if (p.peek().kind() != Kind.END) {
            throw p.syntaxError();
        }
        validate(result.chain(), 0, false);
        return new JsonPath(lax, result.chain());
    }

    private Token peek() {
        return tokens.get(pos);
    }

    private Token peek(int ahead) {
        return tokens.get(Math.min(pos + ahead, tokens.size() - 1));
    }

    private PgException syntaxError() {
        return JsonPathLexer.error("syntax error", peek().text());
    }

    private void expectChar(char c) {
        if (!peek().is(c)) {
            throw syntaxError();
        }
        pos++;
    }

    private Chain predicate(Parsed p, int at) {
        if (!p.predicate()) {
            throw syntaxErrorAt(at);
        }
        return p.chain();
    }

    private Chain expression(Parsed p, int at) {
        if (p.predicate()) {
            throw syntaxErrorAt(at);
        }
        return p.chain();
    }

    private PgException syntaxErrorAt(int at) {
        return JsonPathLexer.error("syntax error", tokens.get(Math.min(at, tokens.size() - 1)).text());
    }

    private static Chain single(Item item) {
        return new Chain(List.of(item));
    }

    private Parsed orLevel() {
        Parsed left = andLevel();
        while (peek().kind() == Kind.OR) {
            int at = pos++;
            Parsed right = andLevel();
            left = new Parsed(single(new JsonPath.Binary(BinaryOp.OR, predicate(left, at), predicate(right, pos))), true);
        }
        return left;
    }

    private Parsed andLevel() {
        Parsed left = notLevel();
        while (peek().kind() == Kind.AND) {
            int at = pos++;
            Parsed right = notLevel();
            left = new Parsed(single(new JsonPath.Binary(BinaryOp.AND, predicate(left, at), predicate(right, pos))), true);
        }
        return left;
    }

    private Parsed notLevel() {
        if (peek().kind() == Kind.NOT) {
            pos++;
            int at = pos;
            if (peek().kind() == Kind.EXISTS) {
                return new Parsed(single(new JsonPath.Not(exists())), true);
            }
            if (!peek().is('(')) {
                throw syntaxError();
            }
            pos++;
            Parsed inner = orLevel();
            Chain arg = predicate(inner, pos);
            expectChar(')');
            return new Parsed(single(new JsonPath.Not(arg)), true);
        }
        return comparison();
    }

    private Chain exists() {
        pos++;
        expectChar('(');
        int at = pos;
        Parsed arg = orLevel();
        expectChar(')');
        return single(new JsonPath.Exists(expression(arg, at)));
    }

    private Parsed comparison() {
        int at = pos;
        Parsed left = additive();
        BinaryOp op = switch (peek().kind()) {
            case EQUAL -> BinaryOp.EQUAL;
            case NOT_EQUAL -> BinaryOp.NOT_EQUAL;
            case LESS -> BinaryOp.LESS;
            case LESS_EQUAL -> BinaryOp.LESS_OR_EQUAL;
            case GREATER -> BinaryOp.GREATER;
            case GREATER_EQUAL -> BinaryOp.GREATER_OR_EQUAL;
            default -> null;
        };
        if (op != null) {
            int opAt = pos++;
            Parsed right = additive();
            return new Parsed(single(new JsonPath.Binary(op, expression(left, opAt), expression(right, pos))), true);
        }
        if (peek().kind() == Kind.STARTS) {
            int opAt = pos++;
            if (peek().kind() != Kind.WITH) {
                throw syntaxError();
            }
            pos++;
            Token initial = peek();
            Item init = switch (initial.kind()) {
                case STRING -> new JsonPath.StringLiteral(initial.value());
                case VARIABLE -> new JsonPath.Variable(initial.value());
                default -> throw syntaxError();
            };
            pos++;
            return new Parsed(single(new JsonPath.Binary(BinaryOp.STARTS_WITH, expression(left, opAt), single(init))),
                    true);
        }
        if (peek().kind() == Kind.LIKE_REGEX) {
            int opAt = pos++;
            if (peek().kind() != Kind.STRING) {
                throw syntaxError();
            }
            String pattern = peek().value();
            pos++;
            int flags = 0;
            if (peek().kind() == Kind.FLAG) {
                pos++;
                if (peek().kind() != Kind.STRING) {
                    throw syntaxError();
                }
                flags = regexFlags(peek().value());
                pos++;
            }
            JsonPathRegexCheck.check(pattern, flags);
            return new Parsed(single(new JsonPath.LikeRegex(expression(left, opAt), pattern, flags)), true);
        }
        return left;
    }

    private static int regexFlags(String text) {
        int flags = 0;
        for (int i = 0; i < text.length(); i++) {
            flags |= switch (text.charAt(i)) {
                case 'i' -> JsonPath.REGEX_ICASE;
                case 's' -> JsonPath.REGEX_DOTALL;
                case 'm' -> JsonPath.REGEX_MLINE;
                case 'x' -> JsonPath.REGEX_WSPACE;
                case 'q' -> JsonPath.REGEX_QUOTE;
                default -> throw PgException.of(SqlState.SYNTAX_ERROR, "invalid input syntax for type %s", "jsonpath")
                        .withDetail("Unrecognized flag character \"" + new String(Character.toChars(text.codePointAt(i)))
                                + "\" in LIKE_REGEX predicate.");
            };
        }
        if ((flags & JsonPath.REGEX_WSPACE) != 0 && (flags & JsonPath.REGEX_QUOTE) == 0) {
            throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED,
                    "XQuery \"x\" flag (expanded regular expressions) is not implemented");
        }
        return flags;
    }

    private Parsed additive() {
        Parsed left = multiplicative();
        while (peek().is('+') || peek().is('-')) {
            int at = pos;
            BinaryOp op = peek().is('+') ? BinaryOp.ADD : BinaryOp.SUB;
            pos++;
            Parsed right = multiplicative();
            left = new Parsed(single(new JsonPath.Binary(op, expression(left, at), expression(right, pos))), false);
        }
        return left;
    }

    private Parsed multiplicative() {
        Parsed left = unary();
        while (peek().is('*') || peek().is('/') || peek().is('%')) {
            int at = pos;
            BinaryOp op = peek().is('*') ? BinaryOp.MUL : peek().is('/') ? BinaryOp.DIV : BinaryOp.MOD;
            pos++;
            Parsed right = unary();
            left = new Parsed(single(new JsonPath.Binary(op, expression(left, at), expression(right, pos))), false);
        }
        return left;
    }

    /** makeItemUnary: + on a lone number is the number, - negates it, else an operator item. */
    private Parsed unary() {
        if (peek().is('+') || peek().is('-')) {
            boolean minus = peek().is('-');
            pos++;
            Parsed operand = unary();
            Chain arg = expression(operand, pos);
            if (arg.items().size() == 1 && arg.head() instanceof JsonPath.NumericLiteral n) {
                if (!minus) {
                    return new Parsed(arg, false);
                }
                PgNumeric v = n.value();
                PgNumeric negated = v.isFinite() ? PgNumeric.of(v.value().negate()) : v;
                return new Parsed(single(new JsonPath.NumericLiteral(negated)), false);
            }
            return new Parsed(single(new JsonPath.Unary(minus, arg)), false);
        }
        return accessorExpression();
    }

    private Parsed accessorExpression() {
        Parsed primary = primary();
        Chain chain = primary.chain();
        boolean predicate = primary.predicate();
        while (true) {
            Item accessor = accessor();
            if (accessor == null) {
                return new Parsed(chain, predicate);
            }
            chain = chain.then(accessor);
            predicate = false;
        }
    }

    private Parsed primary() {
        Token t = peek();
        switch (t.kind()) {
            case STRING -> {
                pos++;
                return new Parsed(single(new JsonPath.StringLiteral(t.value())), false);
            }
            case VARIABLE -> {
                pos++;
                return new Parsed(single(new JsonPath.Variable(t.value())), false);
            }
            case NULL -> {
                pos++;
                return new Parsed(single(new JsonPath.NullLiteral()), false);
            }
            case TRUE, FALSE -> {
                pos++;
                return new Parsed(single(new JsonPath.BoolLiteral(t.kind() == Kind.TRUE)), false);
            }
            case INT, NUMERIC -> {
                pos++;
                return new Parsed(single(new JsonPath.NumericLiteral(NumericType.INSTANCE.parseText(t.value()))), false);
            }
            case LAST -> {
                pos++;
                return new Parsed(single(new JsonPath.Last()), false);
            }
            case EXISTS -> {
                return new Parsed(exists(), true);
            }
            default -> {
            }
        }
        if (t.is('$')) {
            pos++;
            return new Parsed(single(new JsonPath.Root()), false);
        }
        if (t.is('@')) {
            pos++;
            return new Parsed(single(new JsonPath.Current()), false);
        }
        if (t.is('(')) {
            pos++;
            Parsed inner = orLevel();
            expectChar(')');
            if (inner.predicate() && peek().kind() == Kind.IS && peek(1).kind() == Kind.UNKNOWN) {
                pos += 2;
                return new Parsed(single(new JsonPath.IsUnknown(inner.chain())), true);
            }
            return inner;
        }
        throw syntaxError();
    }

    /** One accessor after a primary, or null when none follows. */
    private Item accessor() {
        Token t = peek();
        if (t.is('[')) {
            pos++;
            if (peek().is('*') && peek(1).is(']')) {
                pos += 2;
                return new JsonPath.AnyArray();
            }
            List<JsonPath.Subscript> subscripts = new ArrayList<>();
            while (true) {
                int at = pos;
                Chain from = expression(orLevel(), at);
                Chain to = null;
                if (peek().kind() == Kind.TO) {
                    pos++;
                    at = pos;
                    to = expression(orLevel(), at);
                }
                subscripts.add(new JsonPath.Subscript(from, to));
                if (peek().is(',')) {
                    pos++;
                    continue;
                }
                expectChar(']');
                return new JsonPath.IndexArray(subscripts);
            }
        }
        if (t.is('?')) {
            pos++;
            expectChar('(');
            Parsed inner = orLevel();
            Chain filter = predicate(inner, pos);
            expectChar(')');
            return new JsonPath.Filter(filter);
        }
        if (!t.is('.')) {
            return null;
        }
        pos++;
        Token k = peek();
        if (k.is('*')) {
            pos++;
            return new JsonPath.AnyKey();
        }
        if (k.kind() == Kind.ANY) {
            pos++;
            return anyPath();
        }
        JsonPath.Method method = switch (k.kind()) {
            case ABS -> JsonPath.Method.ABS;
            case SIZE -> JsonPath.Method.SIZE;
            case TYPE -> JsonPath.Method.TYPE;
            case FLOOR -> JsonPath.Method.FLOOR;
            case DOUBLE -> JsonPath.Method.DOUBLE;
            case CEILING -> JsonPath.Method.CEILING;
            case KEYVALUE -> JsonPath.Method.KEYVALUE;
            default -> null;
        };
        if (method != null && peek(1).is('(')) {
            pos += 2;
            expectChar(')');
            return new JsonPath.MethodCall(method);
        }
        if (k.kind() == Kind.DATETIME && peek(1).is('(')) {
            pos += 2;
            Chain template = null;
            if (peek().kind() == Kind.STRING) {
                template = single(new JsonPath.StringLiteral(peek().value()));
                pos++;
            }
            expectChar(')');
            return new JsonPath.Datetime(template);
        }
        if (k.kind() == Kind.IDENT || k.kind() == Kind.STRING || k.kind().ordinal() >= Kind.IS.ordinal()) {
            pos++;
            return new JsonPath.Key(k.value());
        }
        throw syntaxError();
    }

    private Item anyPath() {
        if (!peek().is('{')) {
            return new JsonPath.Any(0, JsonPath.Any.LAST);
        }
        pos++;
        long first = anyLevel();
        long last = first;
        if (peek().kind() == Kind.TO) {
            pos++;
            last = anyLevel();
        }
        expectChar('}');
        return new JsonPath.Any(first, last);
    }

    private long anyLevel() {
        Token t = peek();
        if (t.kind() == Kind.LAST) {
            pos++;
            return JsonPath.Any.LAST;
        }
        if (t.kind() == Kind.INT) {
            pos++;
            return Long.parseLong(t.value()) & 0xFFFFFFFFL;
        }
        throw syntaxError();
    }

    /** flattenJsonPathParseItem's checks: @ only inside filters, last only inside array subscripts. */
    private static void validate(Chain chain, int nesting, boolean inSubscript) {
        for (Item item : chain.items()) {
            switch (item) {
                case JsonPath.Current c -> {
                    if (nesting <= 0) {
                        throw PgException.of(SqlState.SYNTAX_ERROR, "@ is not allowed in root expressions");
                    }
                }
                case JsonPath.Last l -> {
                    if (!inSubscript) {
                        throw PgException.of(SqlState.SYNTAX_ERROR, "LAST is allowed only in array subscripts");
                    }
                }
                case JsonPath.Binary b -> {
                    validate(b.left(), nesting, inSubscript);
                    validate(b.right(), nesting, inSubscript);
                }
                case JsonPath.Unary u -> validate(u.arg(), nesting, inSubscript);
                case JsonPath.Not n -> validate(n.arg(), nesting, inSubscript);
                case JsonPath.IsUnknown u -> validate(u.arg(), nesting, inSubscript);
                case JsonPath.Exists e -> validate(e.arg(), nesting, inSubscript);
                case JsonPath.LikeRegex r -> validate(r.expr(), nesting, inSubscript);
                case JsonPath.Filter f -> validate(f.predicate(), nesting + 1, inSubscript);
                case JsonPath.Datetime d -> {
                    if (d.template() != null) {
                        validate(d.template(), nesting, inSubscript);
                    }
                }
                case JsonPath.IndexArray a -> {
                    for (JsonPath.Subscript s : a.subscripts()) {
                        validate(s.from(), nesting, true);
                        if (s.to() != null) {
                            validate(s.to(), nesting, true);
                        }
                    }
                }
                default -> {
                }
            }
        }
    }
}
