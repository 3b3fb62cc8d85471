package org.lakepg.wire.types;

/** A point value (PostgreSQL's Point): two float8 coordinates. */
public record PgPoint(double x, double y) {
}
