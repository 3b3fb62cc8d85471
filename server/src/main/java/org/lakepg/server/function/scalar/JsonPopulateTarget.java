package org.lakepg.server.function.scalar;

import java.util.ArrayList;
import java.util.List;
import org.lakepg.server.catalog.types.RowValue;
import org.lakepg.server.function.FunctionContext;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;
import org.lakepg.wire.types.PgArray;

/**
 * What json(b)_populate_record builds from a JSON value for one SQL type (jsonfuncs.c's populate_record_field):
 * a scalar through its type's input, an array from nested JSON arrays, a row from a JSON object; a JSON string
 * always through the type's input. The analyzer makes one per column type; {@code check} (may be null) runs a
 * domain's tests over the built array or row.
 */
public sealed interface JsonPopulateTarget {

    /** A scalar type: {@code fromText} reads a text; json and jsonb columns take the value's JSON text. */
    record Scalar(boolean jsonText, JsonPopulateConversion fromText) implements JsonPopulateTarget {}

    record ArrayOf(int elementType, JsonPopulateTarget element, JsonPopulateConversion fromText,
                   JsonPopulateConversion check) implements JsonPopulateTarget {}

    /** A row type; {@code type} is the composite (or RECORD) type of the RowValue built. */
    record Composite(long type, List<String> names, long[] fieldTypes, List<JsonPopulateTarget> fields,
                     JsonPopulateConversion fromText, JsonPopulateConversion check) implements JsonPopulateTarget {

        /** The row of a JSON object: members by column name, the base row's values (or NULLs) for the others. */
        RowValue fromObject(JsonPopulateInput object, RowValue base, FunctionContext context) {
            Object[] values = new Object[names.size()];
            for (int i = 0; i < values.length; i++) {
                JsonPopulateInput member = object.members().get(names.get(i));
                Object baseValue = base != null && i < base.size() ? base.values()[i] : null;
                if (member == null && base != null) {
                    values[i] = baseValue;
                } else if (fields.get(i) instanceof Composite nested && baseValue instanceof RowValue nestedBase
                        && member.kind() == JsonText.Kind.OBJECT) {
                    // a nested object fills in the base row's nested row (populate_composite with its default)
                    values[i] = nested.row(member, nestedBase, context);
                } else {
                    values[i] = fields.get(i).convert(member, names.get(i), context);
                }
            }
            return new RowValue(type, fieldTypes.clone(), values);
        }

        /** The whole function's result: a row checked by the domain, if the type is one. */
        Object row(JsonPopulateInput json, RowValue base, FunctionContext context) {
            if (json.kind() != JsonText.Kind.OBJECT) {
                throw notComposite(json);
            }
            RowValue row = fromObject(json, base, context);
            return check == null ? row : check.apply(row, context);
        }
    }

    /** The value for a JSON value (null: the key is absent) of the column named {@code key}. */
    default Object convert(JsonPopulateInput json, String key, FunctionContext context) {
        boolean isNull = json == null || json.isNull();
        return switch (this) {
            case Scalar s -> s.fromText().apply(isNull ? null : s.jsonText() ? json.text() : json.scalarText(), context);
            case ArrayOf a -> {
                if (isNull) {
                    yield a.check() == null ? null : a.check().apply(null, context);
                }
                if (json.kind() == JsonText.Kind.STRING) {
                    yield a.fromText().apply(json.string(), context);
                }
                if (json.kind() != JsonText.Kind.ARRAY) {
                    throw expectedArray(key, "");
                }
                PgArray array = new ArrayWalk(a, key, context).build(json);
                yield a.check() == null ? array : a.check().apply(array, context);
            }
            case Composite c -> {
                if (isNull) {
                    yield c.check() == null ? null : c.check().apply(null, context);
                }
                if (json.kind() == JsonText.Kind.STRING) {
                    yield c.fromText().apply(json.string(), context);
                }
                if (json.kind() != JsonText.Kind.OBJECT) {
                    throw notComposite(json);
                }
                RowValue row = c.fromObject(json, null, context);
                yield c.check() == null ? row : c.check().apply(row, context);
            }
        };
    }

    static PgException notComposite(JsonPopulateInput json) {
        return PgException.of(SqlState.INVALID_PARAMETER_VALUE, "cannot call populate_composite on %s",
                json.kind() == JsonText.Kind.ARRAY ? "an array" : "a scalar");
    }

    private static PgException expectedArray(String key, String indices) {
        PgException e = PgException.of(SqlState.INVALID_TEXT_REPRESENTATION, "expected JSON array");
        if (key == null) {
            return indices.isEmpty() ? e : e.withHint("See the array element %s.".formatted(indices));
        }
        return e.withHint(indices.isEmpty() ? "See the value of key \"%s\".".formatted(key)
                : "See the array element %s of key \"%s\".".formatted(indices, key));
    }

    /**
     * populate_array_json: the first non-array value fixes the number of dimensions, each dimension's length is
     * the first completed sub-array's, and arrays found where elements belong are elements (as their JSON text).
     */
    final class ArrayWalk {
        private final ArrayOf target;
        private final String key;
        private final FunctionContext context;
        private int ndims = -1;
        private final List<Integer> dims = new ArrayList<>();
        private final List<Object> elements = new ArrayList<>();

        ArrayWalk(ArrayOf target, String key, FunctionContext context) {
            this.target = target;
            this.key = key;
            this.context = context;
        }

        PgArray build(JsonPopulateInput array) {
            visit(array, 1, "");
            if (ndims <= 0 || dims.size() < ndims || dims.subList(0, ndims).contains(0)) {
                return new PgArray(target.elementType(), new int[0], new int[0], new Object[0]);
            }
            int[] d = new int[ndims];
            int[] lower = new int[ndims];
            for (int i = 0; i < ndims; i++) {
                d[i] = dims.get(i);
                lower[i] = 1;
            }
            return new PgArray(target.elementType(), d, lower, elements.toArray());
        }

        private void visit(JsonPopulateInput array, int depth, String indices) {
            List<JsonPopulateInput> items = array.elements();
            for (int i = 0; i < items.size(); i++) {
                JsonPopulateInput e = items.get(i);
                String at = indices + "[" + i + "]";
                if (ndims < 0 && e.kind() != JsonText.Kind.ARRAY) {
                    ndims = depth;
                }
                if (ndims < 0 || depth < ndims) {
                    if (e.kind() != JsonText.Kind.ARRAY) {
                        throw expectedArray(key, at);
                    }
                    visit(e, depth + 1, at);
                } else {
                    elements.add(target.element().convert(e, key, context));
                }
            }
            while (dims.size() < depth) {
                dims.add(null);
            }
            Integer known = dims.get(depth - 1);
            if (known == null) {
                dims.set(depth - 1, items.size());
            } else if (known != items.size()) {
                throw PgException.of(SqlState.INVALID_TEXT_REPRESENTATION, "malformed JSON array")
                        .withDetail("Multidimensional arrays must have sub-arrays with matching dimensions.");
            }
        }
    }
}
