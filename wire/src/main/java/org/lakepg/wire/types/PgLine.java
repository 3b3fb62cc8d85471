package org.lakepg.wire.types;

/** A line value (LINE): the equation Ax + By + C = 0. */
public record PgLine(double a, double b, double c) {
}
