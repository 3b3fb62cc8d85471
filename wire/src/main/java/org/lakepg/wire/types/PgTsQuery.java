package org.lakepg.wire.types;

/** A tsquery: an expression tree of lexeme operands and !, &, |, <N> operators; root null when empty. */
public record PgTsQuery(Node root) {

    public sealed interface Node {
    }

    /** weights: bit 3 = A, 2 = B, 1 = C, 0 = D (none set means any). */
    public record Operand(String word, int weights, boolean prefix) implements Node {
    }

    public record Not(Node arg) implements Node {
    }

    public enum Op { AND, OR, PHRASE }

    /** distance matters for PHRASE only (1 is <->). */
    public record Binary(Op op, int distance, Node left, Node right) implements Node {
    }

    /** tsearch_op_priority: ! 4, <-> 3, & 2, | 1. */
    public static int priority(Node n) {
        return switch (n) {
            case Not x -> 4;
            case Binary b -> switch (b.op()) {
                case PHRASE -> 3;
                case AND -> 2;
                case OR -> 1;
            };
            case Operand o -> 5;
        };
    }

    @Override
    public String toString() {
        return TsText.formatQuery(this);
    }
}
