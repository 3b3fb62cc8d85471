package org.lakepg.server.catalog;

/** A row of pg_operator; kind 'b' infix, 'l' prefix (left operand 0). */
public record OperatorEntry(
        long oid,
        String name,
        long namespace,
        char kind,
        boolean canMerge,
        boolean canHash,
        long leftType,
        long rightType,
        long resultType,
        long commutator,
        long negator,
        long procedure) {
}
