package org.lakepg.wire.types;

import java.util.List;

/**
 * A jsonpath value: lax or strict mode and its expression. An expression is a {@link Chain}: a
 * primary item followed by accessors, as PostgreSQL links path items with "next" pointers.
 * toString is jsonpath_out.
 */
public record JsonPath(boolean lax, Chain expr) {

    @Override
    public String toString() {
        return JsonPathPrinter.print(this);
    }

    /** Items applied left to right; the first is a primary (or operator), the rest are accessors. */
    public record Chain(List<Item> items) {
        public Chain {
            items = List.copyOf(items);
        }

        public Item head() {
            return items.get(0);
        }

        public Chain then(Item next) {
            List<Item> all = new java.util.ArrayList<>(items);
            all.add(next);
            return new Chain(all);
        }
    }

    /** Binary operators, in PostgreSQL's names. */
    public enum BinaryOp {
        AND("&&", 1), OR("||", 0), EQUAL("==", 2), NOT_EQUAL("!=", 2), LESS("<", 2), GREATER(">", 2),
        LESS_OR_EQUAL("<=", 2), GREATER_OR_EQUAL(">=", 2), ADD("+", 3), SUB("-", 3), MUL("*", 4), DIV("/", 4),
        MOD("%", 4), STARTS_WITH("starts with", 2);

        public final String symbol;
        public final int priority;

        BinaryOp(String symbol, int priority) {
            this.symbol = symbol;
            this.priority = priority;
        }

        public boolean isPredicate() {
            return priority <= 2;
        }
    }

    /** The item methods PostgreSQL 15 has. */
    public enum Method { TYPE, SIZE, DOUBLE, CEILING, FLOOR, ABS, KEYVALUE }

    /** like_regex flags as jsonpath stores them. */
    public static final int REGEX_ICASE = 1;
    public static final int REGEX_DOTALL = 2;
    public static final int REGEX_MLINE = 4;
    public static final int REGEX_WSPACE = 8;
    public static final int REGEX_QUOTE = 16;

    /** One path item. */
    public sealed interface Item {
    }

    public record Root() implements Item {
    }

    public record Current() implements Item {
    }

    public record Last() implements Item {
    }

    public record Variable(String name) implements Item {
    }

    public record NullLiteral() implements Item {
    }

    public record BoolLiteral(boolean value) implements Item {
    }

    public record StringLiteral(String value) implements Item {
    }

    public record NumericLiteral(PgNumeric value) implements Item {
    }

    public record Binary(BinaryOp op, Chain left, Chain right) implements Item {
    }

    /** Unary plus or minus. */
    public record Unary(boolean minus, Chain arg) implements Item {
    }

    public record Not(Chain arg) implements Item {
    }

    public record IsUnknown(Chain arg) implements Item {
    }

    public record Exists(Chain arg) implements Item {
    }

    public record LikeRegex(Chain expr, String pattern, int flags) implements Item {
    }

    public record Key(String name) implements Item {
    }

    public record AnyKey() implements Item {
    }

    public record AnyArray() implements Item {
    }

    /** [a, b to c]: {@code to} is null for a single subscript. */
    public record Subscript(Chain from, Chain to) {
    }

    public record IndexArray(List<Subscript> subscripts) implements Item {
        public IndexArray {
            subscripts = List.copyOf(subscripts);
        }
    }

    /** .** with level bounds; -1 stands for "last" (PostgreSQL's PG_UINT32_MAX). */
    public record Any(long first, long last) implements Item {
        public static final long LAST = 0xFFFFFFFFL;
    }

    public record Filter(Chain predicate) implements Item {
    }

    public record MethodCall(Method method) implements Item {
    }

    /** .datetime() or .datetime("template"). */
    public record Datetime(Chain template) implements Item {
    }
}
