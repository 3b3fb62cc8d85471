package org.lakepg.server.exec.spill;

import java.math.BigDecimal;
import org.lakepg.wire.types.PgArray;
import org.lakepg.wire.types.PgNumeric;

/**
 * Estimates the heap bytes a row holds, for work_mem accounting: object headers, references and payloads of the
 * common value classes; anything else counts as a small object (a guess, like palloc chunk rounding in PostgreSQL).
 */
public final class RowSize {
    private RowSize() {}

    public static long of(Object[] row) {
        long size = 16 + 4L * row.length; // array header and compressed references
        for (Object value : row) {
            size += ofValue(value);
        }
        return size;
    }

    static long ofValue(Object value) {
        return switch (value) {
            case null -> 0;
            case Boolean b -> 0; // shared instances
            case Integer i -> 16;
            case Short s -> 16;
            case Long l -> 24;
            case Double d -> 24;
            case Float f -> 16;
            case String s -> 56 + s.length(); // String + its byte[] (Latin-1 compact)
            case byte[] b -> 16 + b.length;
            case PgNumeric n -> 24 + decimal(n.value());
            case BigDecimal d -> decimal(d);
            case PgArray a -> 64 + of(a.elements());
            case Object[] nested -> of(nested);
            default -> 48;
        };
    }

    private static long decimal(BigDecimal d) {
        return d == null ? 0 : 72 + d.unscaledValue().bitLength() / 8;
    }
}
