package org.lakepg.wire.protocol.session;

import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;
import org.lakepg.wire.protocol.CopyInStream;
import org.lakepg.wire.protocol.codec.FrontendMessage;

/** The CopyData/CopyDone/CopyFail sub-protocol of COPY FROM STDIN (PostgreSQL's CopyGetData). */
final class WireCopyInStream implements CopyInStream {
    private final SessionWorker session;
    private boolean finished;

    WireCopyInStream(SessionWorker session) {
        this.session = session;
    }

    @Override
    public byte[] next() {
        while (!finished) {
            FrontendMessage message = session.nextCommand();
            switch (message) {
                case FrontendMessage.CopyData data -> {
                    return data.data();
                }
                case FrontendMessage.CopyDone done -> finished = true;
                case FrontendMessage.CopyFail fail -> {
                    finished = true;
                    throw PgException.of(SqlState.QUERY_CANCELED, "COPY from stdin failed: %s", fail.message());
                }
                // libpq and drivers may send these during COPY; PostgreSQL ignores them here
                case FrontendMessage.Flush flush -> {
                }
                case FrontendMessage.Sync sync -> {
                }
                case FrontendMessage.Fatal fatal -> {
                    finished = true;
                    throw fatal.error() != null ? fatal.error().withSeverity(PgException.Severity.FATAL)
                            : lostConnection();
                }
                case null -> {
                    finished = true;
                    throw lostConnection();
                }
                default -> {
                    finished = true;
                    // PostgreSQL cannot tell where the stream stands now and ends the connection after this error
                    session.closeAfterThisCommand(PgException.of(SqlState.PROTOCOL_VIOLATION,
                            "terminating connection because protocol synchronization was lost"));
                    throw PgException.of(SqlState.PROTOCOL_VIOLATION, "unexpected message type 0x%02X during COPY from stdin",
                            MessageTypeNames.typeByte(message));
                }
            }
        }
        return null;
    }

    private static PgException lostConnection() {
        return PgException.of(SqlState.CONNECTION_FAILURE, "unexpected EOF on client connection with an open transaction")
                .withSeverity(PgException.Severity.FATAL);
    }
}
