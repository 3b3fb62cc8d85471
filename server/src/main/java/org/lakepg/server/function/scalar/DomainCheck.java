package org.lakepg.server.function.scalar;

import java.util.List;
import org.lakepg.server.exec.ExecContext;
import org.lakepg.server.exec.expr.CompiledExpr;
import org.lakepg.server.exec.expr.ExprCompiler;
import org.lakepg.server.exec.expr.WireTypeIO;
import org.lakepg.server.function.FunctionContext;
import org.lakepg.server.function.FunctionRegistry;
import org.lakepg.server.sql.plan.expr.BoundExpr;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * The run-time half of CoerceToDomain: lakepg_domain_check(value, program) returns the value when it passes the
 * domain's NOT NULL and CHECK tests, else raises PostgreSQL's 23502 / 23514.
 */
public final class DomainCheck {
    private DomainCheck() {}

    public static final long FUNCTION_OID = 8960;
    public static final String NAME = "lakepg_domain_check";

    /** A domain's tests; each check reads the value as input column 0. Compiled on first use. */
    public static final class Program {
        private final String domain;
        private final boolean notNull;
        private final List<String> names;
        private final List<BoundExpr> checks;
        private volatile CompiledExpr[] compiled;

        public Program(String domain, boolean notNull, List<String> names, List<BoundExpr> checks) {
            this.domain = domain;
            this.notNull = notNull;
            this.names = List.copyOf(names);
            this.checks = List.copyOf(checks);
        }

        public String domain() {
            return domain;
        }

        Object run(Object value, FunctionContext context) {
            if (value == null && notNull) {
                throw PgException.of(SqlState.NOT_NULL_VIOLATION, "domain %s does not allow null values", domain);
            }
            CompiledExpr[] code = compiled;
            if (code == null) {
                ExprCompiler compiler = new ExprCompiler(FunctionRegistry.builtins(), WireTypeIO.INSTANCE);
                code = checks.stream().map(compiler::compile).toArray(CompiledExpr[]::new);
                compiled = code;
            }
            ExecContext exec = context instanceof ExecContext e ? e : new ExecContext(context, new Object[0]);
            Object[] row = {value};
            for (int i = 0; i < code.length; i++) {
                if (Boolean.FALSE.equals(code[i].eval(row, exec))) {
                    throw PgException.of(SqlState.CHECK_VIOLATION, "value for domain %s violates check constraint \"%s\"",
                            domain, names.get(i));
                }
            }
            return value;
        }

        @Override
        public String toString() {
            return domain;
        }
    }

    public static void register(FunctionRegistry r) {
        r.register(NAME, (args, context) -> ((Program) args[1]).run(args[0], context));
    }
}
