package org.lakepg.server.sql.parser;

import java.util.ArrayList;
import java.util.List;
import org.lakepg.server.sql.ast.AConst;
import org.lakepg.server.sql.ast.Expr;
import org.lakepg.server.sql.ast.TypeName;
import org.lakepg.wire.error.SqlState;

/**
 * Type names (gram.y's Typename, SimpleTypename, ConstTypename): SQL-standard spellings are
 * normalized to PostgreSQL's internal names in pg_catalog (int → int4, double precision → float8,
 * timestamp with time zone → timestamptz), interval fields become PostgreSQL's range mask typmod.
 */
abstract class TypeNameParser extends ParserBase {
    // interval field bits, as datetime.h numbers them
    static final int MONTH = 1 << 1;
    static final int YEAR = 1 << 2;
    static final int DAY = 1 << 3;
    static final int HOUR = 1 << 10;
    static final int MINUTE = 1 << 11;
    static final int SECOND = 1 << 12;
    static final int INTERVAL_FULL_RANGE = 0x7FFF;

    TypeNameParser(String sql, List<Token> tokens) {
        super(sql, tokens);
    }

    abstract Expr aExpr();

    abstract List<Expr> exprList();

    /** Typename: [SETOF] SimpleTypename [array bounds], or name%TYPE. */
    final TypeName typeName() {
        int loc = pos();
        boolean setof = accept("setof");
        TypeName t = simpleTypeName(false);
        List<Integer> bounds = arrayBounds();
        return new TypeName(t.names(), t.typmods(), bounds, setof, t.pctType(), loc);
    }

    final List<TypeName> typeList() {
        List<TypeName> types = new ArrayList<>();
        do {
            types.add(typeName());
        } while (acceptPunct(","));
        return types;
    }

    final List<Integer> arrayBounds() {
        List<Integer> bounds = new ArrayList<>();
        if (at("array")) {
            next();
            if (acceptPunct("[")) {
                bounds.add(iconst());
                expectPunct("]");
            } else {
                bounds.add(-1);
            }
            return bounds;
        }
        while (atPunct("[")) {
            next();
            if (acceptPunct("]")) {
                bounds.add(-1);
            } else {
                bounds.add(iconst());
                expectPunct("]");
            }
        }
        return bounds;
    }

    /** True when the current token starts one of the SQL-standard type names that are keywords. */
    final boolean atSqlStandardTypeKeyword() {
        Token t = peek();
        if (t.kind() != TokenKind.KEYWORD) {
            return false;
        }
        return switch (t.value()) {
            case "int", "integer", "smallint", "bigint", "real", "float", "decimal", "dec", "numeric", "boolean",
                 "bit", "character", "char", "varchar", "nchar", "national", "timestamp", "time", "interval" -> true;
            case "double" -> peek(1).isKeyword("precision");
            default -> false;
        };
    }

    /**
     * SimpleTypename; {@code constContext} is ConstTypename (a typed literal or CAST target
     * written before a string), where char and bit without length mean "no limit".
     */
    final TypeName simpleTypeName(boolean constContext) {
        int loc = pos();
        Token t = peek();
        if (t.kind() == TokenKind.KEYWORD) {
            switch (t.value()) {
                case "int", "integer" -> {
                    next();
                    return sys("int4", List.of(), loc);
                }
                case "smallint" -> {
                    next();
                    return sys("int2", List.of(), loc);
                }
                case "bigint" -> {
                    next();
                    return sys("int8", List.of(), loc);
                }
                case "real" -> {
                    next();
                    return sys("float4", List.of(), loc);
                }
                case "float" -> {
                    next();
                    if (acceptPunct("(")) {
                        Token n = peek();
                        int bits = iconst();
                        expectPunct(")");
                        if (bits < 1) {
                            throw errorAt(SqlState.INVALID_PARAMETER_VALUE, n.start(),
                                    "precision for type float must be at least 1 bit");
                        }
                        if (bits > 53) {
                            throw errorAt(SqlState.INVALID_PARAMETER_VALUE, n.start(),
                                    "precision for type float must be less than 54 bits");
                        }
                        return sys(bits <= 24 ? "float4" : "float8", List.of(), loc);
                    }
                    return sys("float8", List.of(), loc);
                }
                case "double" -> {
                    if (peek(1).isKeyword("precision")) {
                        p += 2;
                        return sys("float8", List.of(), loc);
                    }
                }
                case "decimal", "dec", "numeric" -> {
                    next();
                    return sys("numeric", optTypmods(), loc);
                }
                case "boolean" -> {
                    next();
                    return sys("bool", List.of(), loc);
                }
                case "bit" -> {
                    next();
                    boolean varying = accept("varying");
                    List<Expr> mods = optTypmods();
                    if (mods.isEmpty() && !varying && !constContext) {
                        mods = List.of(intConst(1));
                    }
                    return sys(varying ? "varbit" : "bit", mods, loc);
                }
                case "character", "char", "varchar", "nchar", "national" -> {
                    return characterType(constContext, loc);
                }
                case "timestamp", "time" -> {
                    String base = next().value();
                    List<Expr> mods = List.of();
                    if (acceptPunct("(")) {
                        mods = List.of(intConst(iconst()));
                        expectPunct(")");
                    }
                    boolean tz = false;
                    if (acceptSeq("with", "time", "zone")) {
                        tz = true;
                    } else {
                        acceptSeq("without", "time", "zone");
                    }
                    return sys(base.equals("timestamp") ? (tz ? "timestamptz" : "timestamp") : (tz ? "timetz" : "time"),
                            mods, loc);
                }
                case "interval" -> {
                    next();
                    if (acceptPunct("(")) {
                        int precision = iconst();
                        expectPunct(")");
                        return sys("interval", List.of(intConst(INTERVAL_FULL_RANGE), intConst(precision)), loc);
                    }
                    return sys("interval", optInterval(), loc);
                }
                default -> { }
            }
        }
        // GenericType: type_function_name [attrs] [typmods], or name%TYPE
        if (!isTypeFunctionName(t)) {
            throw syntaxError();
        }
        List<String> names = new ArrayList<>();
        names.add(next().value());
        while (atPunct(".") && isColLabel(peek(1))) {
            p++;
            names.add(next().value());
        }
        if (atOp("%") && peek(1).isKeyword("type")) {
            p += 2;
            return new TypeName(names, List.of(), List.of(), false, true, loc);
        }
        return new TypeName(names, optTypmods(), List.of(), false, false, loc);
    }

    private TypeName characterType(boolean constContext, int loc) {
        String first = next().value();
        boolean varying;
        if (first.equals("varchar")) {
            varying = true;
        } else {
            if (first.equals("national")) {
                if (!accept("character")) {
                    expect("char");
                }
            }
            varying = accept("varying");
        }
        List<Expr> mods = List.of();
        if (acceptPunct("(")) {
            mods = List.of(intConst(iconst()));
            expectPunct(")");
        }
        if (acceptSeq("character", "set")) {
            nonReservedWordOrSconst();
        }
        if (mods.isEmpty() && !varying && !constContext) {
            mods = List.of(intConst(1));
        }
        return sys(varying ? "varchar" : "bpchar", mods, loc);
    }

    final List<Expr> optTypmods() {
        if (!atPunct("(")) {
            return List.of();
        }
        next();
        List<Expr> mods = exprList();
        expectPunct(")");
        return mods;
    }

    /** opt_interval as PostgreSQL's typmod list: [range mask] or [range mask, seconds precision]. */
    final List<Expr> optInterval() {
        Token t = peek();
        if (t.kind() != TokenKind.KEYWORD) {
            return List.of();
        }
        switch (t.value()) {
            case "year" -> {
                next();
                if (accept("to")) {
                    expect("month");
                    return List.of(intConst(YEAR | MONTH));
                }
                return List.of(intConst(YEAR));
            }
            case "month" -> {
                next();
                return List.of(intConst(MONTH));
            }
            case "day" -> {
                next();
                if (accept("to")) {
                    if (accept("hour")) {
                        return List.of(intConst(DAY | HOUR));
                    }
                    if (accept("minute")) {
                        return List.of(intConst(DAY | HOUR | MINUTE));
                    }
                    return intervalSecond(DAY | HOUR | MINUTE | SECOND);
                }
                return List.of(intConst(DAY));
            }
            case "hour" -> {
                next();
                if (accept("to")) {
                    if (accept("minute")) {
                        return List.of(intConst(HOUR | MINUTE));
                    }
                    return intervalSecond(HOUR | MINUTE | SECOND);
                }
                return List.of(intConst(HOUR));
            }
            case "minute" -> {
                next();
                if (accept("to")) {
                    return intervalSecond(MINUTE | SECOND);
                }
                return List.of(intConst(MINUTE));
            }
            case "second" -> {
                return intervalSecond(SECOND);
            }
            default -> {
                return List.of();
            }
        }
    }

    private List<Expr> intervalSecond(int mask) {
        expect("second");
        if (acceptPunct("(")) {
            int precision = iconst();
            expectPunct(")");
            return List.of(intConst(mask), intConst(precision));
        }
        return List.of(intConst(mask));
    }

    static AConst intConst(int v) {
        return new AConst(AConst.Kind.INTEGER, Integer.toString(v), -1);
    }

    static TypeName sys(String name, List<Expr> typmods, int loc) {
        return new TypeName(List.of("pg_catalog", name), typmods, List.of(), false, false, loc);
    }
}
