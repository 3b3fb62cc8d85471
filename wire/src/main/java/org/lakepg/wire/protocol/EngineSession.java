package org.lakepg.wire.protocol;

import java.util.List;
import java.util.Map;
import org.lakepg.wire.error.PgException;

/**
 * One client connection's state in the engine. All methods but {@link #cancel()} are called
 * serially from the connection's own worker thread.
 */
public interface EngineSession extends AutoCloseable {
    /** Sent as ParameterStatus messages right after AuthenticationOk. */
    Map<String, String> initialParameterStatus();

    /** 'I' idle, 'T' in a transaction block, 'E' in a failed transaction block: sent in ReadyForQuery. */
    char transactionStatus();

    /** A Query message: the engine splits statements and applies implicit-transaction rules; throws at the failing statement. */
    void simpleQuery(String sql, ResultSink sink) throws PgException;

    /** A Parse message; {@code parameterTypeOids} may hold 0 for "unspecified". */
    PreparedStatement prepare(String sql, int[] parameterTypeOids) throws PgException;

    /** A Bind message; a null entry in {@code parameterValues} is SQL NULL. */
    Portal bind(PreparedStatement statement, List<byte[]> parameterValues, short[] parameterFormats,
                short[] resultFormats) throws PgException;

    /**
     * A FunctionCall message (the fast path libpq's lo_* functions and pgjdbc's LargeObjectManager use): calls the
     * function with the given OID on the arguments in their formats, as a query of its own would (in an implicit
     * transaction outside a block); returns the result in {@code resultFormat}, null for NULL. Notices and parameter
     * changes go to {@code sink}, which gets no rows.
     */
    default byte[] functionCall(int functionOid, List<byte[]> arguments, short[] argumentFormats, short resultFormat,
                                ResultSink sink) throws PgException {
        throw PgException.of(org.lakepg.wire.error.SqlState.FEATURE_NOT_SUPPORTED,
                "function call messages are not supported");
    }

    /** A Sync message: ends an implicit extended-protocol transaction. */
    void sync() throws PgException;

    /**
     * Called after every ERROR the client is sent for this session, including errors the wire layer
     * raises itself (unknown statement or portal, malformed message, COPY sub-protocol errors) that
     * the engine never saw. PostgreSQL aborts the current transaction at any ERROR: a block becomes
     * failed ('E'), an implicit extended-protocol transaction is rolled back at Sync. An engine that
     * already did this for its own exception can ignore the call.
     */
    default void errorReported(PgException error) {
    }

    /** Called from ANOTHER thread when a valid CancelRequest for this session arrives. */
    void cancel();

    /** The connection is gone. */
    @Override
    void close();
}
