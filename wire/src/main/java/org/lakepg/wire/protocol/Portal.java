package org.lakepg.wire.protocol;

import org.lakepg.wire.error.PgException;
import java.util.List;

/** A bound statement ready to execute (Bind creates it, Execute runs it). */
public interface Portal {
    /** Null when the portal returns no rows; formats are the Bind message's result formats. */
    List<ColumnDescription> resultColumns();

    /**
     * Runs until done or until {@code maxRows} rows were sent (0 = all). Returns true when suspended
     * (the wire sends PortalSuspended); otherwise the engine has called {@link ResultSink#commandComplete}.
     */
    boolean execute(int maxRows, ResultSink sink) throws PgException;

    void close();
}
