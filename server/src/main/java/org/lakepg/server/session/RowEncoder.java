package org.lakepg.server.session;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.lakepg.server.exec.expr.WireTypeIO;
import org.lakepg.server.function.FunctionContext;
import org.lakepg.server.sql.plan.OutputColumn;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;
import org.lakepg.wire.protocol.ColumnDescription;
import org.lakepg.wire.types.FormatSettings;
import org.lakepg.wire.types.PgType;

/** Encodes result rows for DataRow messages in each column's format (0 text, 1 binary). */
final class RowEncoder {
    private final PgType<?>[] codecs;
    private final short[] formats;
    private final FormatSettings settings;

    RowEncoder(List<OutputColumn> columns, short[] resultFormats, FunctionContext context) {
        this.codecs = new PgType<?>[columns.size()];
        this.formats = expandFormats(resultFormats, columns.size());
        for (int i = 0; i < codecs.length; i++) {
            codecs[i] = WireTypeIO.codec(columns.get(i).type(), context);
        }
        this.settings = context instanceof LakepgSession session ? session.formatSettings()
                : WireTypeIO.formatSettings(context);
    }

    /** Bind's result-format rule: none = all text, one = all that one, else one per column. */
    static short[] expandFormats(short[] given, int columns) {
        short[] out = new short[columns];
        if (given == null || given.length == 0) {
            return out;
        }
        if (given.length == 1) {
            java.util.Arrays.fill(out, given[0]);
            return out;
        }
        if (given.length != columns) {
            throw PgException.of(SqlState.PROTOCOL_VIOLATION,
                    "bind message has %d result formats but query has %d columns", given.length, columns);
        }
        return given.clone();
    }

    byte[][] encode(Object[] row) {
        byte[][] cells = new byte[row.length][];
        for (int i = 0; i < row.length; i++) {
            Object v = row[i];
            if (v != null) {
                cells[i] = formats[i] == 1 ? codecs[i].encodeBinaryUnchecked(v)
                        : codecs[i].formatTextUnchecked(v, settings).getBytes(StandardCharsets.UTF_8);
            }
        }
        return cells;
    }

    static List<ColumnDescription> describe(List<OutputColumn> columns, short[] resultFormats) {
        short[] formats = expandFormats(resultFormats, columns.size());
        List<ColumnDescription> out = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            OutputColumn c = columns.get(i);
            PgType<?> codec = WireTypeIO.codec(c.type());
            long type = c.type();
            int typmod = c.typmod();
            // as PostgreSQL's printtup: a domain's column is sent as its base type, with the domain's typmod
            for (int guard = 0; guard < 64 && org.lakepg.server.catalog.types.UserTypeRegistry.find(type)
                    instanceof org.lakepg.server.catalog.types.UserType.Domain d && d.oid() == type; guard++) {
                type = d.baseType();
                typmod = d.baseTypmod();
            }
            out.add(new ColumnDescription(c.name(), (int) c.tableOid(), c.columnNumber(), (int) type,
                    codec.typeLength(), typmod, formats[i]));
        }
        return out;
    }
}
