package org.lakepg.server.session;

import org.lakepg.server.catalog.types.UserType;
import org.lakepg.server.exec.ExecContext;
import org.lakepg.server.exec.expr.CompiledExpr;
import org.lakepg.server.exec.expr.ExprCompiler;
import org.lakepg.server.exec.expr.WireTypeIO;
import org.lakepg.server.function.FunctionContext;
import org.lakepg.server.function.FunctionRegistry;
import org.lakepg.server.sql.analyzer.DefaultExpressions;
import org.lakepg.server.sql.analyzer.ExpressionAnalyzer;
import org.lakepg.server.sql.analyzer.Scope;
import org.lakepg.server.sql.plan.expr.InputRef;
import org.lakepg.server.table.ColumnInfo;
import org.lakepg.server.table.RowCodec;
import org.lakepg.server.table.TableCatalog;
import org.lakepg.server.table.TableInfo;
import org.lakepg.server.txn.Transaction;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/** ALTER DOMAIN ... SET NOT NULL / ADD CONSTRAINT: the stored values of columns of the domain must pass first. */
final class DomainValidation {
    private final TableCatalog tables;
    private final FunctionContext session;

    DomainValidation(TableCatalog tables, FunctionContext session) {
        this.tables = tables;
        this.session = session;
    }

    void requireNoNulls(Transaction txn, UserType.Domain domain) {
        scan(txn, domain, (table, column, value) -> {
            if (value == null) {
                throw PgException.of(SqlState.NOT_NULL_VIOLATION, "column \"%s\" of table \"%s\" contains null values",
                        column.name(), table.name());
            }
        });
    }

    void requireChecked(Transaction txn, UserType.Domain domain, UserType.DomainCheck check, ExpressionAnalyzer analyzer) {
        InputRef value = new InputRef(0, domain.baseType(), domain.baseTypmod(), "VALUE");
        Scope scope = (fields, location) -> fields.size() == 1 && fields.get(0).equals("value")
                ? java.util.Optional.of(value) : java.util.Optional.empty();
        var bound = analyzer.requireBoolean(analyzer.analyze(DefaultExpressions.parse(check.expression()), scope),
                "CHECK", -1);
        CompiledExpr code = new ExprCompiler(FunctionRegistry.builtins(), WireTypeIO.INSTANCE).compile(bound);
        ExecContext context = new ExecContext(session, new Object[0]);
        scan(txn, domain, (table, column, v) -> {
            if (Boolean.FALSE.equals(code.eval(new Object[] {v}, context))) {
                throw PgException.of(SqlState.CHECK_VIOLATION,
                        "column \"%s\" of table \"%s\" contains values that violate the new constraint", column.name(),
                        table.name());
            }
        });
    }

    private interface Visitor {
        void visit(TableInfo table, ColumnInfo column, Object value);
    }

    private void scan(Transaction txn, UserType.Domain domain, Visitor visitor) {
        for (TableInfo table : tables.tables(txn.snapshot())) {
            for (ColumnInfo column : table.columns()) {
                if (column.type() != domain.oid()) {
                    continue;
                }
                RowCodec codec = new RowCodec(table.columnTypes());
                for (var it = tables.heap(table).scan(txn.snapshot()); it.hasNext(); ) {
                    Object[] row = codec.decode(it.next().payload());
                    visitor.visit(table, column, row[column.number() - 1]);
                }
            }
        }
    }
}
