package org.lakepg.server.session;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.lakepg.server.table.IndexInfo;
import java.util.function.Supplier;
import org.lakepg.server.exec.ExecContext;
import org.lakepg.server.exec.expr.WireTypeIO;
import org.lakepg.server.sql.ast.AConst;
import org.lakepg.server.sql.ast.CopyStmt;
import org.lakepg.server.sql.ast.DefElem;
import org.lakepg.server.table.ColumnInfo;
import org.lakepg.server.table.RowCodec;
import org.lakepg.server.table.TableCatalog;
import org.lakepg.server.table.TableInfo;
import org.lakepg.server.txn.Transaction;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;
import org.lakepg.wire.protocol.CopyInStream;
import org.lakepg.wire.protocol.ResultSink;

/**
 * COPY table FROM STDIN or a server file, and COPY table TO STDOUT, in PostgreSQL's text and CSV
 * formats (binary is not done yet). Values go through the column types' input and output functions.
 */
final class CopyCommand {

    /** Rows read before they are stored together (PostgreSQL's COPY buffers 1000 rows or 64 kB the same way). */
    private static final int BATCH_ROWS = 1000;
    private static final int BATCH_BYTES = 64 * 1024;
    private final TableCatalog tables;
    private final Supplier<ResultSink> sink;

    CopyCommand(TableCatalog tables, Supplier<ResultSink> sink) {
        this.tables = tables;
        this.sink = sink;
    }

    /** The options that matter here, with PostgreSQL's defaults per format. */
    private record Format(boolean csv, char delimiter, String nullString, boolean header, char quote, char escape) {

        static Format of(List<DefElem> options) {
            boolean csv = false;
            Character delimiter = null;
            String nullString = null;
            boolean header = false;
            char quote = '"';
            Character escape = null;
            for (DefElem o : options) {
                String v = o.arg() instanceof AConst c ? c.value() : o.arg() == null ? null : String.valueOf(o.arg());
                switch (o.defname()) {
                    case "format" -> {
                        switch (v) {
                            case "csv" -> csv = true;
                            case "text" -> csv = false;
                            case "binary" -> throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED,
                                    "COPY in binary format is not supported yet");
                            default -> throw PgException.of(SqlState.INVALID_PARAMETER_VALUE,
                                    "COPY format \"%s\" not recognized", v);
                        }
                    }
                    case "csv" -> csv = true;
                    case "delimiter" -> {
                        if (v.length() != 1) {
                            throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED,
                                    "COPY delimiter must be a single one-byte character");
                        }
                        delimiter = v.charAt(0);
                    }
                    case "null" -> nullString = v;
                    case "header" -> header = v == null || v.equals("true") || v.equals("on") || v.equals("1");
                    case "quote" -> quote = v.charAt(0);
                    case "escape" -> escape = v.charAt(0);
                    default -> { }
                }
            }
            return new Format(csv, delimiter != null ? delimiter : csv ? ',' : '\t',
                    nullString != null ? nullString : csv ? "" : "\\N", header, quote, escape != null ? escape : quote);
        }
    }

    Execution run(CopyStmt s, Transaction txn, ExecContext context, SessionRelations relations,
                  java.util.function.Supplier<DdlContext> rules) {
        if (s.relation() == null || s.isProgram() || s.whereClause() != null) {
            throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED, "COPY of a query, PROGRAM or WHERE is not supported yet");
        }
        TableInfo table = relations.requireTable(txn.snapshot(), s.relation());
        List<ColumnInfo> columns = columns(table, s.attlist());
        Format format = Format.of(s.options() == null ? List.of() : s.options());
        if (!s.isFrom()) {
            return copyTo(s, txn, context, table, columns, format);
        }
        DdlContext ddl = rules.get();
        return copyFrom(s, txn, context, table, columns, format, new CopyRowRules(table, columns, ddl), ddl);
    }

    private static List<ColumnInfo> columns(TableInfo table, List<String> names) {
        if (names == null || names.isEmpty()) {
            return table.columns().stream().filter(c -> !c.generated()).toList();
        }
        List<ColumnInfo> out = new ArrayList<>();
        for (String n : names) {
            out.add(table.columns().stream().filter(c -> c.name().equals(n)).findFirst().orElseThrow(() ->
                    PgException.of(SqlState.UNDEFINED_COLUMN, "column \"%s\" of relation \"%s\" does not exist", n,
                            table.name())));
            if (out.getLast().generated()) {
                throw PgException.of(SqlState.INVALID_COLUMN_REFERENCE, "column \"%s\" is a generated column", n)
                        .withDetail("Generated columns cannot be used in COPY.");
            }
        }
        return out;
    }

    private Execution copyFrom(CopyStmt s, Transaction txn, ExecContext context, TableInfo table,
                               List<ColumnInfo> columns, Format format, CopyRowRules rules, DdlContext ddl) {
        // rows for a partitioned table (or a partition) go through partition routing, a batch at a time
        boolean routed = ddl.binder().routedInsert(table, new org.lakepg.server.sql.plan.ValuesNode(List.of(),
                table.columns().size())) != null;
        List<List<org.lakepg.server.sql.plan.expr.BoundExpr>> batch = new ArrayList<>();
        Iterator<String> lines;
        if (s.filename() == null) {
            CopyInStream in = sink.get().beginCopyIn(false, new short[columns.size()]);
            lines = new CopyLines(() -> in.next());
        } else {
            Path file = Path.of(s.filename());
            if (!file.isAbsolute()) {
                throw PgException.of(SqlState.INVALID_NAME, "relative path not allowed for COPY to file");
            }
            try {
                InputStream stream = Files.newInputStream(file);
                byte[] whole = stream.readAllBytes();
                stream.close();
                lines = new CopyLines(whole);
            } catch (NoSuchFileException e) {
                throw PgException.of(SqlState.UNDEFINED_FILE, "could not open file \"%s\" for reading: No such file or directory",
                        s.filename());
            } catch (IOException e) {
                throw PgException.of(SqlState.IO_ERROR, "could not open file \"%s\" for reading: %s", s.filename(),
                        e.getMessage());
            }
        }
        RowCodec codec = new RowCodec(table.columnTypes());
        var indexes = tables.indexes(txn.snapshot(), table.oid());
        List<Object[]> pending = new ArrayList<>();
        long pendingBytes = 0;
        var settings = WireTypeIO.formatSettings(context);
        var inputCodecs = new org.lakepg.wire.types.PgType<?>[columns.size()];
        for (int i = 0; i < inputCodecs.length; i++) {
            inputCodecs[i] = WireTypeIO.codec(columns.get(i).type(), context);
        }
        long count = 0;
        boolean first = true;
        long lineNumber = 0;
        while (lines.hasNext()) {
            String line = lines.next();
            lineNumber++;
            if (first && format.header()) {
                first = false;
                continue;
            }
            first = false;
            if (line.equals("\\.")) {
                break; // the end-of-data marker, alone on its line, in CSV too (psql sends it)
            }
            context.checkCancelled();
            List<String> fields = format.csv() ? CopyFields.csv(line, format.delimiter(), format.quote(),
                    format.escape(), format.nullString()) : CopyFields.text(line, format.delimiter(), format.nullString());
            // errors name the line (and the column) as PostgreSQL's CONTEXT line does
            String where = "COPY " + table.name() + ", line " + lineNumber;
            if (fields.size() < columns.size()) {
                throw PgException.of(SqlState.BAD_COPY_FILE_FORMAT, "missing data for column \"%s\"",
                        columns.get(fields.size()).name()).withContext(where + ": \"" + line + "\"");
            }
            if (fields.size() > columns.size()) {
                throw PgException.of(SqlState.BAD_COPY_FILE_FORMAT, "extra data after last expected column")
                        .withContext(where + ": \"" + line + "\"");
            }
            Object[] row = new Object[table.columns().size()];
            for (int i = 0; i < columns.size(); i++) {
                ColumnInfo c = columns.get(i);
                String v = fields.get(i);
                if (v != null) {
                    try {
                        row[c.number() - 1] = WireTypeIO.INSTANCE.input(inputCodecs[i], c.typmod(), v, settings,
                                context);
                    } catch (PgException e) {
                        throw e.context() != null ? e : e.withContext(where + ", column " + c.name() + ": \"" + v + "\"");
                    }
                }
            }
            rules.apply(row);
            if (routed) {
                List<org.lakepg.server.sql.plan.expr.BoundExpr> values = new ArrayList<>();
                for (ColumnInfo c : table.columns()) {
                    values.add(new org.lakepg.server.sql.plan.expr.Const(c.type(), c.typmod(), row[c.number() - 1]));
                }
                batch.add(values);
                if (batch.size() >= 1000) {
                    route(ddl, context, table, batch);
                }
                rules.inserted(row);
            } else {
                pending.add(row);
                pendingBytes += line.length();
                if (pending.size() >= BATCH_ROWS || pendingBytes >= BATCH_BYTES) {
                    insertPending(txn, table, indexes, codec, rules, pending);
                    pendingBytes = 0;
                }
            }
            count++;
        }
        insertPending(txn, table, indexes, codec, rules, pending);
        route(ddl, context, table, batch);
        rules.finish();
        return Execution.done("COPY " + count);
    }

    /** Stores the rows read since the last call, a page at a time, then their foreign keys; empties the list. */
    private void insertPending(Transaction txn, TableInfo table, List<IndexInfo> indexes, RowCodec codec,
                               CopyRowRules rules, List<Object[]> pending) {
        if (pending.isEmpty()) {
            return;
        }
        tables.insertRows(txn, table, indexes, codec, pending);
        for (Object[] row : pending) {
            rules.inserted(row);
        }
        pending.clear();
    }

    private Execution copyTo(CopyStmt s, Transaction txn, ExecContext context, TableInfo table,
                             List<ColumnInfo> columns, Format format) {
        RowCodec codec = new RowCodec(table.columnTypes());
        var rows = tables.heap(table).scan(txn.snapshot());
        Iterator<Object[]> projected = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return rows.hasNext();
            }

            @Override
            public Object[] next() {
                Object[] row = codec.decode(rows.next().payload());
                Object[] out = new Object[columns.size()];
                for (int i = 0; i < out.length; i++) {
                    out[i] = row[columns.get(i).number() - 1];
                }
                return out;
            }
        };
        return copyOut(s, context, columns.stream().map(ColumnInfo::name).toList(),
                columns.stream().mapToLong(ColumnInfo::type).toArray(), projected, format);
    }

    /** {@code COPY (query) TO STDOUT}: the query's rows, formatted as a table's would be. */
    Execution runQuery(CopyStmt s, org.lakepg.server.sql.plan.QueryPlan plan,
                       java.util.function.Supplier<Iterator<Object[]>> rows, ExecContext context) {
        if (s.isFrom()) {
            throw PgException.of(SqlState.SYNTAX_ERROR, "COPY FROM a query is not possible");
        }
        Format format = Format.of(s.options() == null ? List.of() : s.options());
        return copyOut(s, context, plan.columns().stream().map(org.lakepg.server.sql.plan.OutputColumn::name).toList(),
                plan.columns().stream().mapToLong(org.lakepg.server.sql.plan.OutputColumn::type).toArray(), rows.get(),
                format);
    }

    private Execution copyOut(CopyStmt s, ExecContext context, List<String> names, long[] types,
                              Iterator<Object[]> rows, Format format) {
        if (s.filename() != null) {
            throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED, "COPY TO a server file is not supported yet");
        }
        ResultSink out = sink.get();
        out.beginCopyOut(false, new short[names.size()]);
        long count = 0;
        if (format.header()) {
            out.copyData((String.join(String.valueOf(format.delimiter()), names.stream().map(n -> format.csv()
                    ? CopyFields.csvQuote(n, format.delimiter(), format.quote()) : n).toList()) + "\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        for (; rows.hasNext(); count++) {
            context.checkCancelled();
            Object[] row = rows.next();
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < names.size(); i++) {
                if (i > 0) {
                    line.append(format.delimiter());
                }
                Object v = row[i];
                if (v == null) {
                    line.append(format.nullString());
                } else {
                    String text = WireTypeIO.INSTANCE.output(types[i], v, context);
                    line.append(format.csv() ? CopyFields.csvQuote(text, format.delimiter(), format.quote())
                            : CopyFields.textEscape(text, format.delimiter()));
                }
            }
            out.copyData((line + "\n").getBytes(StandardCharsets.UTF_8));
        }
        out.endCopyOut();
        return Execution.done("COPY " + count);
    }

    /** Lines of COPY data arriving in chunks that may split lines (and UTF-8 characters) anywhere. */
    private static final class CopyLines implements Iterator<String> {
        private final Supplier<byte[]> chunks;
        private final java.io.ByteArrayOutputStream pending = new java.io.ByteArrayOutputStream();
        private final List<String> ready = new ArrayList<>();
        private boolean ended;

        CopyLines(Supplier<byte[]> chunks) {
            this.chunks = chunks;
        }

        CopyLines(byte[] whole) {
            this.chunks = () -> null;
            accept(whole);
            finish();
        }

        @Override
        public boolean hasNext() {
            while (ready.isEmpty() && !ended) {
                byte[] chunk;
                try {
                    chunk = chunks.get();
                } catch (UncheckedIOException e) {
                    throw PgException.of(SqlState.IO_ERROR, "%s", e.getMessage());
                }
                if (chunk == null) {
                    finish();
                } else {
                    accept(chunk);
                }
            }
            return !ready.isEmpty();
        }

        private void accept(byte[] chunk) {
            for (byte b : chunk) {
                if (b == '\n') {
                    String line = pending.toString(StandardCharsets.UTF_8);
                    ready.add(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
                    pending.reset();
                } else {
                    pending.write(b);
                }
            }
        }

        private void finish() {
            if (pending.size() > 0) {
                ready.add(pending.toString(StandardCharsets.UTF_8));
                pending.reset();
            }
            ended = true;
        }

        @Override
        public String next() {
            if (!hasNext()) {
                throw new java.util.NoSuchElementException();
            }
            return ready.remove(0);
        }
    }

    private static void route(DdlContext ddl, ExecContext context, TableInfo table,
                              List<List<org.lakepg.server.sql.plan.expr.BoundExpr>> batch) {
        if (batch.isEmpty()) {
            return;
        }
        var plan = ddl.binder().routedInsert(table, new org.lakepg.server.sql.plan.ValuesNode(List.copyOf(batch),
                table.columns().size()));
        new org.lakepg.server.exec.Executor(ddl.compiler(), org.lakepg.server.function.FunctionRegistry.builtins())
                .open(plan, context).forEachRemaining(r -> { });
        batch.clear();
    }
}
