package org.lakepg.wire.types;

import java.util.List;

/** A path value (PATH): open or closed, at least one point. */
public record PgPath(boolean closed, List<PgPoint> points) {

    public PgPath {
        points = List.copyOf(points);
    }
}
