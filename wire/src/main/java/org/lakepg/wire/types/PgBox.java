package org.lakepg.wire.types;

/** A box value (BOX): the upper right corner {@code high} and the lower left {@code low}. */
public record PgBox(PgPoint high, PgPoint low) {

    /** The box with these two opposite corners, ordered so high is upper right (box_construct). */
    public static PgBox of(PgPoint a, PgPoint b) {
        boolean ax = gt(a.x(), b.x());
        boolean ay = gt(a.y(), b.y());
        return new PgBox(new PgPoint(ax ? a.x() : b.x(), ay ? a.y() : b.y()),
                new PgPoint(ax ? b.x() : a.x(), ay ? b.y() : a.y()));
    }

    /** float8_gt: NaN sorts above every number. */
    private static boolean gt(double a, double b) {
        return !Double.isNaN(b) && (Double.isNaN(a) || a > b);
    }
}
