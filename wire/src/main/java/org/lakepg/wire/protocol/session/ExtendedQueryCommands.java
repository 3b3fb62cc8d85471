package org.lakepg.wire.protocol.session;

import java.util.ArrayList;
import java.util.List;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;
import org.lakepg.wire.protocol.ColumnDescription;
import org.lakepg.wire.protocol.EngineSession;
import org.lakepg.wire.protocol.Portal;
import org.lakepg.wire.protocol.PreparedStatement;
import org.lakepg.wire.protocol.codec.BackendMessages;
import org.lakepg.wire.protocol.codec.FrontendMessage;

/** Parse, Bind, Describe, Execute and Close (PostgreSQL's exec_*_message). */
final class ExtendedQueryCommands {
    private final EngineSession engine;
    private final ExtendedQueryState state;
    private final BackendOutput output;
    private final WireResultSink sink;

    ExtendedQueryCommands(EngineSession engine, ExtendedQueryState state, BackendOutput output, WireResultSink sink) {
        this.engine = engine;
        this.state = state;
        this.output = output;
        this.sink = sink;
    }

    void parse(FrontendMessage.Parse parse) {
        PreparedStatement statement = engine.prepare(parse.sql(), parse.parameterTypeOids());
        state.addStatement(parse.statementName(), statement);
        BackendMessages.parseComplete(output.buffer());
    }

    void bind(FrontendMessage.Bind bind) {
        PreparedStatement statement = state.statement(bind.statementName());
        int parameterCount = bind.parameterValues().size();
        if (bind.parameterFormats().length > 1 && bind.parameterFormats().length != parameterCount) {
            throw PgException.of(SqlState.PROTOCOL_VIOLATION, "bind message has %d parameter formats but %d parameters",
                    bind.parameterFormats().length, parameterCount);
        }
        int required = statement.parameterTypeOids().length;
        if (parameterCount != required) {
            throw PgException.of(SqlState.PROTOCOL_VIOLATION,
                    "bind message supplies %d parameters, but prepared statement \"%s\" requires %d",
                    parameterCount, bind.statementName(), required);
        }
        checkFormatCodes(bind.parameterFormats());
        checkFormatCodes(bind.resultFormats());
        List<ColumnDescription> columns = statement.resultColumns();
        int resultFormatCount = bind.resultFormats().length;
        if (columns != null && resultFormatCount > 1 && resultFormatCount != columns.size()) {
            throw PgException.of(SqlState.PROTOCOL_VIOLATION, "bind message has %d result formats but query has %d columns",
                    resultFormatCount, columns.size());
        }
        state.checkPortalNameFree(bind.portalName());
        Portal portal = engine.bind(statement, bind.parameterValues(), bind.parameterFormats(), bind.resultFormats());
        state.addPortal(bind.portalName(), portal, bind.resultFormats());
        BackendMessages.bindComplete(output.buffer());
    }

    void describe(FrontendMessage.Describe describe) {
        switch (describe.kind()) {
            case 'S' -> {
                PreparedStatement statement = state.statement(describe.name());
                BackendMessages.parameterDescription(output.buffer(), statement.parameterTypeOids());
                // before Bind the result formats are unknown: PostgreSQL reports text (0)
                rowDescriptionOrNoData(textFormats(statement.resultColumns()));
            }
            case 'P' -> {
                String name = describe.name();
                rowDescriptionOrNoData(withFormats(state.portal(name).resultColumns(), state.resultFormats(name)));
            }
            default -> throw PgException.of(SqlState.PROTOCOL_VIOLATION, "invalid DESCRIBE message subtype %d",
                    describe.kind());
        }
    }

    void execute(FrontendMessage.Execute execute) {
        Portal portal = state.portal(execute.portalName());
        boolean suspended = portal.execute(Math.max(execute.maxRows(), 0), sink);
        if (suspended) {
            BackendMessages.portalSuspended(output.buffer());
        }
    }

    void close(FrontendMessage.Close close) {
        switch (close.kind()) {
            case 'S' -> state.closeStatement(close.name());
            case 'P' -> state.closePortal(close.name());
            default -> throw PgException.of(SqlState.PROTOCOL_VIOLATION, "invalid CLOSE message subtype %d", close.kind());
        }
        BackendMessages.closeComplete(output.buffer());
    }

    private void rowDescriptionOrNoData(List<ColumnDescription> columns) {
        if (columns == null) {
            BackendMessages.noData(output.buffer());
        } else {
            BackendMessages.rowDescription(output.buffer(), columns);
        }
    }

    private static List<ColumnDescription> textFormats(List<ColumnDescription> columns) {
        return withFormats(columns, new short[0]);
    }

    /** Bind's result format codes: none = all text, one = for every column, else one per column. */
    private static List<ColumnDescription> withFormats(List<ColumnDescription> columns, short[] formats) {
        if (columns == null) {
            return null;
        }
        List<ColumnDescription> formatted = new ArrayList<>(columns.size());
        for (int i = 0; i < columns.size(); i++) {
            short format = formats.length == 0 ? 0 : formats.length == 1 ? formats[0] : formats[i];
            formatted.add(columns.get(i).withFormat(format));
        }
        return formatted;
    }

    private static void checkFormatCodes(short[] formats) {
        for (short format : formats) {
            if (format != 0 && format != 1) {
                throw PgException.of(SqlState.INVALID_PARAMETER_VALUE, "unsupported format code: %d", format);
            }
        }
    }
}
