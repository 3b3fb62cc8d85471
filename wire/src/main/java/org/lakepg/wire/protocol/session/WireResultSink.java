package org.lakepg.wire.protocol.session;

import java.util.List;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.protocol.ColumnDescription;
import org.lakepg.wire.protocol.CopyInStream;
import org.lakepg.wire.protocol.ResultSink;
import org.lakepg.wire.protocol.codec.BackendMessages;

/** Turns the engine's results into backend messages on the session's output. */
final class WireResultSink implements ResultSink {
    private final SessionWorker session;
    private final BackendOutput output;
    /** In the extended protocol RowDescription is sent on Describe only. */
    private final boolean sendsRowDescription;

    WireResultSink(SessionWorker session, BackendOutput output, boolean sendsRowDescription) {
        this.session = session;
        this.output = output;
        this.sendsRowDescription = sendsRowDescription;
    }

    @Override
    public void rowDescription(List<ColumnDescription> columns) {
        if (sendsRowDescription) {
            BackendMessages.rowDescription(output.buffer(), columns);
        }
    }

    @Override
    public void dataRow(byte[][] cells) {
        BackendMessages.dataRow(output.buffer(), cells);
        output.flushIfLarge();
    }

    @Override
    public void commandComplete(String tag) {
        BackendMessages.commandComplete(output.buffer(), tag);
    }

    @Override
    public void emptyQuery() {
        BackendMessages.emptyQueryResponse(output.buffer());
    }

    @Override
    public void notice(PgException notice) {
        PgException.Severity severity = notice.severity().compareTo(PgException.Severity.ERROR) >= 0
                ? PgException.Severity.NOTICE : notice.severity();
        BackendMessages.errorOrNotice(output.buffer(), 'N', notice, severity);
    }

    @Override
    public void parameterStatus(String name, String value) {
        BackendMessages.parameterStatus(output.buffer(), name, value);
    }

    @Override
    public CopyInStream beginCopyIn(boolean binary, short[] columnFormats) {
        BackendMessages.copyInResponse(output.buffer(), binary, columnFormats);
        output.flush(); // the client waits for CopyInResponse before it sends data
        return new WireCopyInStream(session);
    }

    @Override
    public void beginCopyOut(boolean binary, short[] columnFormats) {
        BackendMessages.copyOutResponse(output.buffer(), binary, columnFormats);
    }

    @Override
    public void copyData(byte[] data) {
        BackendMessages.copyData(output.buffer(), data);
        output.flushIfLarge();
    }

    @Override
    public void endCopyOut() {
        BackendMessages.copyDone(output.buffer());
    }

    @Override
    public boolean isCancelled() {
        return session.isCancelRequested();
    }
}
