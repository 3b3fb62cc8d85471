package org.lakepg.server.plpgsql;

import java.util.Iterator;
import java.util.List;
import org.lakepg.server.sql.analyzer.Scope;
import org.lakepg.server.sql.plan.OutputColumn;
import org.lakepg.server.sql.plan.expr.BoundExpr;
import org.lakepg.wire.error.PgException;

/**
 * What the interpreter needs from the session it runs in: SQL analyzed and run with the variables as
 * parameters, types, casts, notices and the transaction (subtransactions for EXCEPTION blocks).
 */
public interface PlHost {

    /**
     * An analyzed statement: the host's handle, the columns it returns (null: none), whether it is INSERT/UPDATE/DELETE,
     * and whether it is a utility statement (no rows, no FOUND).
     */
    record Prepared(Object plan, List<OutputColumn> columns, boolean modifies, boolean utility) {}

    /**
     * Analyzes one SQL statement; {@code $n} means {@code arguments}, other names not found as columns are looked up
     * in {@code variables}.
     */
    Prepared prepare(String sql, List<BoundExpr> arguments, Scope variables);

    /** Runs an analyzed statement with these parameter values; its rows (for a DML statement one per row written). */
    Iterator<Object[]> run(Prepared prepared, Object[] parameters);

    /** {oid, typmod} of a type name as written in a declaration ({@code tbl.col%TYPE} included). */
    long[] resolveType(String typeText, PlNamespace names, PlFrameTypes frame);

    /** The columns of a table or composite type, for %ROWTYPE. */
    PlRecord emptyRow(String relationName);

    /** The fields (values null) of a composite type, or null when the type is not composite. */
    PlRecord compositeFields(long type);

    /** A value of one type as another, by assignment-cast rules. */
    Object coerce(Object value, long from, long to, int typmod);

    /** The text output of a value (for RAISE and string building). */
    String text(Object value, long type);

    /** The element type of an array type (0: not an array). */
    long elementType(long arrayType);

    /** The array type of an element type. */
    long arrayType(long elementType);

    /** The name of a type for messages. */
    String typeName(long type);

    void notice(PgException notice);

    /** Cached analyses are good while this object stays the same (it changes with the transaction and after DDL). */
    Object planEpoch();

    /** Makes the effects of the statement just run visible to the next one. */
    void commandCounterIncrement();

    void savepoint(String name);

    void rollbackToSavepoint(String name);

    void releaseSavepoint(String name);

    /** COMMIT or ROLLBACK inside a procedure: ends the transaction and starts a new one. */
    void endTransaction(boolean commit, boolean chain);

    void checkCancelled();

    /** The current types of the frame's variables, for %TYPE of a variable. */
    interface PlFrameTypes {
        long type(PlVariable variable);

        int typmod(PlVariable variable);
    }
}
