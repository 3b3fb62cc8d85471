package org.lakepg.wire.protocol.testengine;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;
import org.lakepg.wire.protocol.ColumnDescription;
import org.lakepg.wire.protocol.CopyInStream;
import org.lakepg.wire.protocol.EngineSession;
import org.lakepg.wire.protocol.Portal;
import org.lakepg.wire.protocol.PreparedStatement;
import org.lakepg.wire.protocol.ResultSink;
import org.lakepg.wire.protocol.SessionStartup;

/** One session of the TEST-ONLY engine: transaction status, commands, statements and portals. */
final class TestSession implements EngineSession {
    private final TestEngine engine;
    private final SessionStartup startup;
    private volatile boolean cancelled;
    private boolean inBlock;
    private boolean failed;

    TestSession(TestEngine engine, SessionStartup startup) {
        this.engine = engine;
        this.startup = startup;
    }

    @Override
    public Map<String, String> initialParameterStatus() {
        Map<String, String> status = new LinkedHashMap<>();
        status.put("server_version", "15.18");
        status.put("server_encoding", "UTF8");
        status.put("client_encoding", "UTF8");
        status.put("DateStyle", "ISO, MDY");
        status.put("integer_datetimes", "on");
        status.put("standard_conforming_strings", "on");
        status.put("application_name", startup.parameters().getOrDefault("application_name", ""));
        return status;
    }

    @Override
    public char transactionStatus() {
        return failed ? 'E' : inBlock ? 'T' : 'I';
    }

    @Override
    public void simpleQuery(String sql, ResultSink sink) {
        String[] statements = sql.split(";", -1);
        boolean any = false;
        for (String statement : statements) {
            if (statement.isBlank()) {
                continue;
            }
            any = true;
            TestCommand command = guarded(() -> TestCommand.parse(statement));
            List<ColumnDescription> columns = command.columns(new int[0]);
            if (columns != null) {
                sink.rowDescription(columns);
            }
            guarded(() -> run(command, List.of(), new short[0], new int[0], 0, sink, new int[] {0}));
        }
        if (!any) {
            sink.emptyQuery();
        }
    }

    @Override
    public PreparedStatement prepare(String sql, int[] parameterTypeOids) {
        TestCommand command = guarded(() -> TestCommand.parse(sql));
        int[] types = new int[command.parameterCount()];
        for (int i = 0; i < types.length; i++) {
            types[i] = i < parameterTypeOids.length && parameterTypeOids[i] != 0 ? parameterTypeOids[i] : TestCommand.TEXT;
        }
        return new TestStatement(command, types);
    }

    @Override
    public Portal bind(PreparedStatement statement, List<byte[]> values, short[] parameterFormats, short[] resultFormats) {
        TestCommand command = ((TestStatement) statement).command();
        int[] types = statement.parameterTypeOids();
        List<String> parameters = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            parameters.add(TestValues.decode(values.get(i), types[i], format(parameterFormats, i)));
        }
        List<ColumnDescription> columns = statement.resultColumns();
        List<ColumnDescription> described = null;
        if (columns != null) {
            described = new ArrayList<>();
            for (int i = 0; i < columns.size(); i++) {
                described.add(columns.get(i).withFormat(format(resultFormats, i)));
            }
        }
        List<ColumnDescription> portalColumns = described;
        int[] position = {0};
        return new Portal() {
            @Override
            public List<ColumnDescription> resultColumns() {
                return portalColumns;
            }

            @Override
            public boolean execute(int maxRows, ResultSink sink) {
                return guarded(() -> run(command, parameters, resultFormats, types, maxRows, sink, position));
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public void sync() {
    }

    @Override
    public void errorReported(PgException error) {
        if (inBlock) {
            failed = true;
        }
    }

    @Override
    public void cancel() {
        cancelled = true;
    }

    @Override
    public void close() {
        engine.openSessions.decrementAndGet();
    }

    /** Runs one command; returns true when it stopped after maxRows rows with more to come. */
    private boolean run(TestCommand command, List<String> parameters, short[] resultFormats, int[] parameterTypes,
                        int maxRows, ResultSink sink, int[] position) {
        if (failed && !(command instanceof TestCommand.Commit) && !(command instanceof TestCommand.Rollback)) {
            throw PgException.of(SqlState.IN_FAILED_SQL_TRANSACTION,
                    "current transaction is aborted, commands ignored until end of transaction block");
        }
        cancelled = false;
        switch (command) {
            case TestCommand.Empty e -> sink.emptyQuery();
            case TestCommand.SelectOne s -> {
                return rows(List.of(List.of("1")), resultFormats, new int[] {TestCommand.INT4}, maxRows, sink, position);
            }
            case TestCommand.Series s -> {
                List<List<String>> rows = new ArrayList<>();
                for (int i = 1; i <= s.rows(); i++) {
                    rows.add(List.of(Integer.toString(i)));
                }
                return rows(rows, resultFormats, new int[] {TestCommand.INT4}, maxRows, sink, position);
            }
            case TestCommand.Count c -> {
                return rows(List.of(List.of(Integer.toString(engine.table.size()))), resultFormats,
                        new int[] {TestCommand.INT4}, maxRows, sink, position);
            }
            case TestCommand.Echo e -> {
                return rows(List.of(parameters), resultFormats, parameterTypes, maxRows, sink, position);
            }
            case TestCommand.Sleep s -> {
                long end = System.nanoTime() + (long) (s.seconds() * 1e9);
                while (System.nanoTime() < end) {
                    if (cancelled || sink.isCancelled()) {
                        throw PgException.of(SqlState.QUERY_CANCELED, "canceling statement due to user request");
                    }
                    sleepBriefly();
                }
                sink.commandComplete("SLEEP");
            }
            case TestCommand.Fail f -> throw PgException.of(f.state(), "%s", f.message());
            case TestCommand.Notice n -> {
                sink.notice(PgException.of(SqlState.SUCCESSFUL_COMPLETION, "%s", n.message())
                        .withSeverity(PgException.Severity.NOTICE));
                sink.commandComplete("DO");
            }
            case TestCommand.Set s -> {
                sink.parameterStatus(s.name(), s.value());
                sink.commandComplete("SET");
            }
            case TestCommand.Begin b -> {
                inBlock = true;
                sink.commandComplete("BEGIN");
            }
            case TestCommand.Commit c -> {
                sink.commandComplete(failed ? "ROLLBACK" : "COMMIT");
                inBlock = false;
                failed = false;
            }
            case TestCommand.Rollback r -> {
                sink.commandComplete("ROLLBACK");
                inBlock = false;
                failed = false;
            }
            case TestCommand.Insert i -> {
                engine.table.add(i.value() != null ? i.value() : parameters.get(0));
                sink.commandComplete("INSERT 0 1");
            }
            case TestCommand.CopyIn c -> copyIn(sink);
            case TestCommand.CreateTable c -> sink.commandComplete("CREATE TABLE");
            case TestCommand.CopyOut c -> {
                sink.beginCopyOut(false, new short[] {0});
                for (String row : engine.table) {
                    sink.copyData((row + "\n").getBytes(StandardCharsets.UTF_8));
                }
                sink.endCopyOut();
                sink.commandComplete("COPY " + engine.table.size());
            }
        }
        return false;
    }

    private void copyIn(ResultSink sink) {
        CopyInStream in = sink.beginCopyIn(false, new short[] {0});
        StringBuilder text = new StringBuilder();
        for (byte[] chunk = in.next(); chunk != null; chunk = in.next()) {
            text.append(new String(chunk, StandardCharsets.UTF_8));
        }
        List<String> lines = new ArrayList<>(Arrays.asList(text.toString().split("\n")));
        lines.removeIf(line -> line.isEmpty() || line.equals("\\."));
        engine.table.addAll(lines);
        sink.commandComplete("COPY " + lines.size());
    }

    private boolean rows(List<List<String>> rows, short[] formats, int[] types, int maxRows, ResultSink sink,
                         int[] position) {
        int sent = 0;
        while (position[0] < rows.size()) {
            if (maxRows > 0 && sent == maxRows) {
                return true;
            }
            List<String> row = rows.get(position[0]++);
            byte[][] cells = new byte[row.size()][];
            for (int i = 0; i < cells.length; i++) {
                cells[i] = TestValues.encode(row.get(i), types[i], format(formats, i));
            }
            sink.dataRow(cells);
            sent++;
        }
        sink.commandComplete("SELECT " + sent);
        return false;
    }

    /** Engine errors inside a transaction block make it a failed block, as in PostgreSQL. */
    private <T> T guarded(java.util.function.Supplier<T> action) {
        try {
            return action.get();
        } catch (PgException e) {
            if (inBlock) {
                failed = true;
            }
            throw e;
        }
    }

    private static short format(short[] formats, int index) {
        return formats.length == 0 ? 0 : formats.length == 1 ? formats[0] : formats[index];
    }

    private static void sleepBriefly() {
        try {
            Thread.sleep(5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw PgException.of(SqlState.QUERY_CANCELED, "canceling statement due to user request");
        }
    }
}
