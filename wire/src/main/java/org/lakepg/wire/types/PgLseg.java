package org.lakepg.wire.types;

/** A line segment value (LSEG): its two end points, in input order. */
public record PgLseg(PgPoint p1, PgPoint p2) {
}
