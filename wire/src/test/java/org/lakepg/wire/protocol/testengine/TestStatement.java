package org.lakepg.wire.protocol.testengine;

import java.util.List;
import org.lakepg.wire.protocol.ColumnDescription;
import org.lakepg.wire.protocol.PreparedStatement;

/** A parsed test command with its parameter types. */
record TestStatement(TestCommand command, int[] types) implements PreparedStatement {
    @Override
    public int[] parameterTypeOids() {
        return types.clone();
    }

    @Override
    public List<ColumnDescription> resultColumns() {
        return command.columns(types);
    }

    @Override
    public void close() {
    }
}
