package org.lakepg.analytics.plan;

import java.util.List;
import java.util.Objects;
import org.lakepg.analytics.batch.PgType;

/**
 * A scalar expression over the columns of a plan node's input, evaluated a vector at a time. The server translates
 * its analyzed expressions into these; anything it cannot translate keeps the query on the row engine.
 */
public sealed interface Expr {

    /** Column {@code index} of the input. */
    record ColumnRef(int index) implements Expr {
        public ColumnRef {
            if (index < 0) {
                throw new IllegalArgumentException("column index must not be negative");
            }
        }
    }

    /** A constant (null for NULL) of a type; the value has the Java class the row engine uses for the type. */
    record Literal(Object value, PgType type) implements Expr {
        public Literal {
            Objects.requireNonNull(type, "type");
        }
    }

    /** {@code + - * / %} with PostgreSQL's result types, overflow and division-by-zero errors. */
    record Arithmetic(ArithOp op, Expr left, Expr right) implements Expr {
    }

    /** {@code = <> < <= > >=}; NULL if either side is NULL. */
    record Comparison(CompareOp op, Expr left, Expr right) implements Expr {
    }

    /** Three-valued AND. */
    record And(List<Expr> terms) implements Expr {
        public And {
            terms = List.copyOf(terms);
        }
    }

    /** Three-valued OR. */
    record Or(List<Expr> terms) implements Expr {
        public Or {
            terms = List.copyOf(terms);
        }
    }

    record Not(Expr operand) implements Expr {
    }

    /** {@code IS NULL}, or {@code IS NOT NULL} when negated; never NULL itself. */
    record IsNull(Expr operand, boolean negated) implements Expr {
    }

    /** Arithmetic operators. */
    enum ArithOp { ADD, SUBTRACT, MULTIPLY, DIVIDE, MODULO }

    /** Comparison operators. */
    enum CompareOp {
        EQ, NE, LT, LE, GT, GE;

        /** The operator with its operands swapped: {@code a < b} is {@code b > a}. */
        public CompareOp flipped() {
            return switch (this) {
                case LT -> GT;
                case LE -> GE;
                case GT -> LT;
                case GE -> LE;
                default -> this;
            };
        }
    }

    static Expr column(int index) {
        return new ColumnRef(index);
    }

    static Expr literal(Object value, PgType type) {
        return new Literal(value, type);
    }

    static Expr compare(CompareOp op, Expr left, Expr right) {
        return new Comparison(op, left, right);
    }

    static Expr and(Expr... terms) {
        return new And(List.of(terms));
    }
}
