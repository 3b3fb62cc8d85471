package org.lakepg.server.plpgsql;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.lakepg.server.sql.analyzer.Scope;
import org.lakepg.server.sql.plan.expr.BoundExpr;
import org.lakepg.server.sql.plan.expr.ParamRef;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * The names of PL/pgSQL variables as the analyzer sees them: each variable (or record field) an embedded statement
 * reads becomes one parameter of that statement, numbered in the order first met.
 */
final class PlBinder implements Scope {

    /** One parameter of an analyzed statement: the variable (and field) it reads, with the type it had then. */
    record Binding(PlVariable variable, String field, long type, int typmod) {}

    private final PlNamespace names;
    private final PlFrame frame;
    private final List<Binding> bindings = new ArrayList<>();

    PlBinder(PlNamespace names, PlFrame frame, List<PlVariable> arguments) {
        this.names = names;
        this.frame = frame;
        for (PlVariable a : arguments) {
            bindings.add(new Binding(a, null, frame.type(a), frame.typmod(a)));
        }
    }

    List<Binding> bindings() {
        return bindings;
    }

    /** The $n of the function's arguments, as parameters 1..n. */
    List<BoundExpr> argumentRefs() {
        List<BoundExpr> out = new ArrayList<>();
        for (int i = 0; i < bindings.size(); i++) {
            out.add(new ParamRef(i + 1, bindings.get(i).type(), bindings.get(i).typmod()));
        }
        return out;
    }

    @Override
    public Optional<BoundExpr> column(List<String> fields, int location) {
        PlVariable v = null;
        String field = null;
        if (fields.size() == 1) {
            v = names.find(fields.get(0)).filter(x -> !x.isRecord()).orElse(null);
        } else if (fields.size() == 2) {
            var labelled = names.find(fields.get(0), fields.get(1));
            if (labelled.isPresent() && !labelled.get().isRecord()) {
                v = labelled.get();
            } else {
                var record = names.find(fields.get(0)).filter(PlVariable::isRecord);
                if (record.isPresent()) {
                    v = record.get();
                    field = fields.get(1);
                }
            }
        } else if (fields.size() == 3) {
            var record = names.find(fields.get(0), fields.get(1)).filter(PlVariable::isRecord);
            if (record.isPresent()) {
                v = record.get();
                field = fields.get(2);
            }
        }
        if (v == null || "*".equals(field)) {
            return Optional.empty();
        }
        long type;
        int typmod;
        if (field != null) {
            PlRecord r = PlValues.record(frame, v);
            int i = r.indexOf(field);
            if (i < 0) {
                throw PgException.of(SqlState.UNDEFINED_COLUMN, "record \"%s\" has no field \"%s\"", v.name(), field);
            }
            type = r.types()[i];
            typmod = r.typmods()[i];
        } else {
            if (!frame.declared[v.slot()] && frame.types[v.slot()] == 0) {
                return Optional.empty();
            }
            type = frame.type(v);
            typmod = frame.typmod(v);
        }
        for (int i = 0; i < bindings.size(); i++) {
            Binding b = bindings.get(i);
            if (b.variable().slot() == v.slot() && java.util.Objects.equals(b.field(), field)) {
                return Optional.of(new ParamRef(i + 1, b.type(), b.typmod()));
            }
        }
        bindings.add(new Binding(v, field, type, typmod));
        return Optional.of(new ParamRef(bindings.size(), type, typmod));
    }

    /** Whether the variables a cached analysis read still have the types it was made for. */
    static boolean stillValid(List<Binding> bindings, PlFrame frame) {
        for (Binding b : bindings) {
            if (b.field() == null) {
                if (frame.type(b.variable()) != b.type()) {
                    return false;
                }
            } else {
                Object value = frame.values[b.variable().slot()];
                if (!(value instanceof PlRecord r)) {
                    return false;
                }
                int i = r.indexOf(b.field());
                if (i < 0 || r.types()[i] != b.type()) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The parameter values: the variables' (and fields') current values. */
    static Object[] values(List<Binding> bindings, PlFrame frame) {
        Object[] out = new Object[bindings.size()];
        for (int i = 0; i < out.length; i++) {
            Binding b = bindings.get(i);
            Object value = frame.values[b.variable().slot()];
            if (b.field() != null) {
                PlRecord r = (PlRecord) value;
                value = r.values()[r.indexOf(b.field())];
            }
            out[i] = value;
        }
        return out;
    }
}
