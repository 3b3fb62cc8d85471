package org.lakepg.wire.types;

/** A circle value (CIRCLE): center and radius. */
public record PgCircle(PgPoint center, double radius) {
}
