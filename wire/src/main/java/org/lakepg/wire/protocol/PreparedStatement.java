package org.lakepg.wire.protocol;

import java.util.List;

/** A statement prepared by a Parse message. */
public interface PreparedStatement {
    int[] parameterTypeOids();

    /** Null when the statement returns no rows. */
    List<ColumnDescription> resultColumns();

    void close();
}
