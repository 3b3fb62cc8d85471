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
    record Binding(PlVariable variable, String field, long type, int typmod, int compositeField) {
        Binding(PlVariable variable, String field, long type, int typmod) {
            this(variable, field, type, typmod, -1);
        }
    }

    private final PlNamespace names;
    private final PlFrame frame;
    private final List<Binding> bindings = new ArrayList<>();
    private final java.util.function.LongFunction<PlRecord> composites;

    PlBinder(PlNamespace names, PlFrame frame, List<PlVariable> arguments,
             java.util.function.LongFunction<PlRecord> composites) {
        this.names = names;
        this.frame = frame;
        this.composites = composites;
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
            var whole = names.find(fields.get(0)).filter(PlVariable::isRecord);
            if (whole.isPresent()) {
                return wholeRecord(whole.get());
            }
            v = names.find(fields.get(0)).orElse(null);
        } else if (fields.size() == 2) {
            var labelled = names.find(fields.get(0), fields.get(1));
            if (labelled.isPresent() && !labelled.get().isRecord()) {
                v = labelled.get();
            } else {
                var record = names.find(fields.get(0)).filter(PlVariable::isRecord);
                if (record.isPresent()) {
                    v = record.get();
                    field = fields.get(1);
                } else {
                    var composite = names.find(fields.get(0)).flatMap(x -> compositeField(x, fields.get(1)));
                    if (composite.isPresent()) {
                        return composite;
                    }
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

    /** The field name marking a binding of a whole record variable (no field can be named so). */
    private static final String WHOLE = "";

    /** A record variable named alone (RAISE NOTICE '%', OLD): a parameter holding it as an anonymous record. */
    private Optional<BoundExpr> wholeRecord(PlVariable v) {
        if (!(frame.values[v.slot()] instanceof PlRecord)) {
            return Optional.empty();
        }
        for (int i = 0; i < bindings.size(); i++) {
            Binding b = bindings.get(i);
            if (b.variable().slot() == v.slot() && WHOLE.equals(b.field())) {
                return Optional.of(new ParamRef(i + 1, b.type(), b.typmod()));
            }
        }
        bindings.add(new Binding(v, WHOLE, org.lakepg.server.catalog.TypeOids.RECORD, -1));
        return Optional.of(new ParamRef(bindings.size(), org.lakepg.server.catalog.TypeOids.RECORD, -1));
    }

    /** {@code var.field} of a (non-record) variable of a composite type, as a parameter holding the field's value. */
    private Optional<BoundExpr> compositeField(PlVariable v, String field) {
        if (v.isRecord() || !frame.declared[v.slot()] && frame.types[v.slot()] == 0) {
            return Optional.empty();
        }
        PlRecord shape = composites.apply(frame.type(v));
        int i = shape == null ? -1 : shape.indexOf(field);
        if (i < 0) {
            return Optional.empty();
        }
        for (int k = 0; k < bindings.size(); k++) {
            Binding b = bindings.get(k);
            if (b.variable().slot() == v.slot() && field.equals(b.field())) {
                return Optional.of(new ParamRef(k + 1, b.type(), b.typmod()));
            }
        }
        bindings.add(new Binding(v, field, shape.types()[i], shape.typmods()[i], i));
        return Optional.of(new ParamRef(bindings.size(), shape.types()[i], shape.typmods()[i]));
    }

    /** Whether the variables a cached analysis read still have the types it was made for. */
    static boolean stillValid(List<Binding> bindings, PlFrame frame) {
        for (Binding b : bindings) {
            if (b.field() == null) {
                if (frame.type(b.variable()) != b.type()) {
                    return false;
                }
            } else if (b.compositeField() >= 0) {
                if (frame.values[b.variable().slot()] instanceof PlRecord) {
                    return false;
                }
            } else if (WHOLE.equals(b.field())) {
                if (!(frame.values[b.variable().slot()] instanceof PlRecord)) {
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
            if (b.compositeField() >= 0) {
                value = value instanceof org.lakepg.server.catalog.types.RowValue row
                        && b.compositeField() < row.values().length ? row.values()[b.compositeField()] : null;
            } else if (WHOLE.equals(b.field())) {
                PlRecord r = (PlRecord) value;
                value = new org.lakepg.server.catalog.types.RowValue(org.lakepg.server.catalog.TypeOids.RECORD,
                        r.types().clone(), r.values().clone(), r.names());
            } else if (b.field() != null) {
                PlRecord r = (PlRecord) value;
                value = r.values()[r.indexOf(b.field())];
            }
            out[i] = value;
        }
        return out;
    }
}
