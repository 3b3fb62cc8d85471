package org.lakepg.wire.protocol;

import java.util.List;
import org.lakepg.wire.error.PgException;

/** Where the engine sends a statement's results; called from the session's worker thread. */
public interface ResultSink {
    /** Simple query only (in the extended protocol the wire sends it on Describe). */
    void rowDescription(List<ColumnDescription> columns);

    /** Cells already encoded in the column's format; a null cell is SQL NULL. */
    void dataRow(byte[][] cells);

    /** E.g. "SELECT 1", "INSERT 0 3", "BEGIN". */
    void commandComplete(String tag);

    void emptyQuery();

    /** A NoticeResponse (severity NOTICE, WARNING, INFO...). */
    void notice(PgException notice);

    /** A GUC_REPORT setting changed. */
    void parameterStatus(String name, String value);

    /** Sends CopyInResponse; the returned stream blocks for the client's CopyData. */
    CopyInStream beginCopyIn(boolean binary, short[] columnFormats);

    /** Sends CopyOutResponse. */
    void beginCopyOut(boolean binary, short[] columnFormats);

    void copyData(byte[] data);

    /** Sends CopyDone. */
    void endCopyOut();

    /** True once a CancelRequest for the running statement arrived or the client went away. */
    boolean isCancelled();
}
