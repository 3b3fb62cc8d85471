package org.lakepg.wire.types;

/**
 * A failure inside interval input, before it is worded: PostgreSQL's DTERR_BAD_FORMAT (the
 * caller may still try ISO 8601) or DTERR_FIELD_OVERFLOW. Carries no stack: it is control flow.
 */
final class IntervalInputError extends RuntimeException {

    enum Kind { BAD_FORMAT, FIELD_OVERFLOW }

    final Kind kind;

    private IntervalInputError(Kind kind) {
        super(null, null, false, false);
        this.kind = kind;
    }

    static IntervalInputError badFormat() {
        return new IntervalInputError(Kind.BAD_FORMAT);
    }

    static IntervalInputError overflow() {
        return new IntervalInputError(Kind.FIELD_OVERFLOW);
    }
}
