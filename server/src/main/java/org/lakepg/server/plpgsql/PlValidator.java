package org.lakepg.server.plpgsql;

import java.util.List;
import org.lakepg.server.catalog.TypeOids;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/** The checks pl_gram.y makes while compiling: what RETURN, RETURN NEXT and RETURN QUERY may say in this function. */
final class PlValidator {
    private final PlFunction function;

    private PlValidator(PlFunction function) {
        this.function = function;
    }

    static void check(PlFunction function) {
        new PlValidator(function).statements(List.of(function.body()));
    }

    private void statements(List<PlStmt> list) {
        for (PlStmt s : list) {
            statement(s);
        }
    }

    private void statement(PlStmt s) {
        switch (s) {
            case PlStmt.Block b -> {
                statements(b.body());
                b.handlers().forEach(h -> statements(h.body()));
            }
            case PlStmt.If i -> {
                i.branches().forEach(b -> statements(b.body()));
                statements(i.otherwise());
            }
            case PlStmt.Case c -> {
                c.whens().forEach(b -> statements(b.body()));
                statements(c.otherwise());
            }
            case PlStmt.Loop l -> statements(l.body());
            case PlStmt.While w -> statements(w.body());
            case PlStmt.ForRange f -> statements(f.body());
            case PlStmt.ForQuery f -> statements(f.body());
            case PlStmt.ForEach f -> statements(f.body());
            case PlStmt.ForCursor f -> statements(f.body());
            case PlStmt.Return r -> returnStatement(r);
            case PlStmt.ReturnNext r -> {
                if (!function.returnsSet()) {
                    throw PgException.of(SqlState.DATATYPE_MISMATCH, "cannot use RETURN NEXT in a non-SETOF function");
                }
                if (r.value() != null && !function.outputs().isEmpty()) {
                    throw PgException.of(SqlState.DATATYPE_MISMATCH,
                            "RETURN NEXT cannot have a parameter in function with OUT parameters");
                }
            }
            case PlStmt.ReturnQuery r -> {
                if (!function.returnsSet()) {
                    throw PgException.of(SqlState.DATATYPE_MISMATCH, "cannot use RETURN QUERY in a non-SETOF function");
                }
            }
            default -> { }
        }
    }

    private void returnStatement(PlStmt.Return r) {
        if (r.value() == null) {
            if (!function.returnsSet() && function.outputs().isEmpty() && !function.procedure()
                    && function.returnType() != TypeOids.VOID && function.trigger() == null
                    && function.eventTrigger() == null) {
                throw PgException.of(SqlState.SYNTAX_ERROR, "missing expression at or near \";\"");
            }
            return;
        }
        if (function.returnsSet()) {
            throw PgException.of(SqlState.DATATYPE_MISMATCH, "RETURN cannot have a parameter in function returning set")
                    .withHint("Use RETURN NEXT or RETURN QUERY.");
        }
        if (function.procedure() && function.name() != null && !function.name().equals("inline_code_block")) {
            throw PgException.of(SqlState.DATATYPE_MISMATCH, "RETURN cannot have a parameter in a procedure");
        }
        if (!function.outputs().isEmpty()) {
            throw PgException.of(SqlState.DATATYPE_MISMATCH, "RETURN cannot have a parameter in function with OUT parameters");
        }
        if (function.returnType() == TypeOids.VOID && !function.procedure()) {
            throw PgException.of(SqlState.DATATYPE_MISMATCH, "RETURN cannot have a parameter in function returning void");
        }
    }
}
