package org.lakepg.server.session;

import java.util.List;
import java.util.Optional;
import java.util.function.LongFunction;
import org.lakepg.server.catalog.ProcEntry;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;
import org.lakepg.wire.protocol.ColumnDescription;
import org.lakepg.wire.protocol.CopyInStream;
import org.lakepg.wire.protocol.EngineSession;
import org.lakepg.wire.protocol.Portal;
import org.lakepg.wire.protocol.PreparedStatement;
import org.lakepg.wire.protocol.ResultSink;

/**
 * The fast path (PostgreSQL's fastpath.c): a FunctionCall message runs as the query {@code SELECT f($1, ...)} with the
 * message's arguments bound in their formats and the result in the requested one, then ends like a simple query
 * (an implicit transaction commits, or rolls back after an error). libpq's lo_* client functions (psql's
 * \lo_import and \lo_export) and pgjdbc's LargeObjectManager call the large object functions this way.
 */
final class FastPathCall {
    private static final long PG_CATALOG = 11;

    private FastPathCall() {}

    static byte[] call(EngineSession session, LongFunction<Optional<ProcEntry>> functions, int functionOid,
                       List<byte[]> arguments, short[] argumentFormats, short resultFormat, ResultSink client) {
        long oid = Integer.toUnsignedLong(functionOid);
        try {
            ProcEntry proc = functions.apply(oid).orElseThrow(() -> PgException.of(SqlState.UNDEFINED_FUNCTION,
                    "function with OID %d does not exist", oid));
            if (proc.namespace() != PG_CATALOG || proc.kind() != 'f' || proc.returnsSet()) {
                throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED,
                        "fast-path calls of function \"%s\" are not supported", proc.name());
            }
            long[] types = proc.argumentTypes();
            if (arguments.size() != types.length) {
                throw PgException.of(SqlState.PROTOCOL_VIOLATION,
                        "function call message contains %d arguments but function requires %d",
                        arguments.size(), types.length);
            }
            if (argumentFormats.length > 1 && argumentFormats.length != arguments.size()) {
                throw PgException.of(SqlState.PROTOCOL_VIOLATION,
                        "function call message contains %d argument formats but %d arguments",
                        argumentFormats.length, arguments.size());
            }
            StringBuilder sql = new StringBuilder("SELECT pg_catalog.\"").append(proc.name().replace("\"", "\"\""))
                    .append("\"(");
            int[] parameterTypes = new int[types.length];
            for (int i = 0; i < types.length; i++) {
                sql.append(i == 0 ? "$" : ", $").append(i + 1);
                parameterTypes[i] = (int) types[i];
            }
            sql.append(')');
            PreparedStatement statement = session.prepare(sql.toString(), parameterTypes);
            Portal portal = session.bind(statement, arguments, argumentFormats, new short[] {resultFormat});
            Result result = new Result(client);
            portal.execute(0, result);
            return result.value;
        } finally {
            session.sync(); // the implicit transaction ends here, as after a simple query
        }
    }

    /** Keeps the one value of the call's row; notices and parameter changes go to the client. */
    private static final class Result implements ResultSink {
        private final ResultSink client;
        private byte[] value;

        Result(ResultSink client) {
            this.client = client;
        }

        @Override
        public void rowDescription(List<ColumnDescription> columns) {
        }

        @Override
        public void dataRow(byte[][] cells) {
            value = cells[0];
        }

        @Override
        public void commandComplete(String tag) {
        }

        @Override
        public void emptyQuery() {
        }

        @Override
        public void notice(PgException notice) {
            client.notice(notice);
        }

        @Override
        public void parameterStatus(String name, String value) {
            client.parameterStatus(name, value);
        }

        @Override
        public CopyInStream beginCopyIn(boolean binary, short[] columnFormats) {
            throw new IllegalStateException("a function call does not copy");
        }

        @Override
        public void beginCopyOut(boolean binary, short[] columnFormats) {
            throw new IllegalStateException("a function call does not copy");
        }

        @Override
        public void copyData(byte[] data) {
        }

        @Override
        public void endCopyOut() {
        }

        @Override
        public boolean isCancelled() {
            return client.isCancelled();
        }
    }
}
