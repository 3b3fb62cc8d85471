package org.lakepg.server.systemcatalog;

import java.util.function.Supplier;
import org.lakepg.wire.types.FormatSettings;
import org.lakepg.wire.types.PgArray;
import org.lakepg.wire.types.PgType;
import org.lakepg.wire.types.PgTypes;

/**
 * An array of a reg* type (regtype[] in pg_prepared_statements) whose text form lists the objects' names: the
 * elements are named through the catalog, then printed with text[]'s quoting rules.
 */
public record CatalogBoundRegArray(PgType<PgArray> raw, CatalogBoundRegType element) implements PgType<PgArray> {

    @SuppressWarnings("unchecked")
    static PgType<?> bind(PgType<?> codec, Supplier<CatalogView> catalog) {
        if (codec instanceof CatalogTypeCodecs.SimpleArray array && CatalogTypeCodecs.isRegType(array.element().oid())) {
            return new CatalogBoundRegArray((PgType<PgArray>) codec,
                    (CatalogBoundRegType) CatalogBoundRegType.bind(array.element(), catalog));
        }
        return codec;
    }

    @Override
    public int oid() {
        return raw.oid();
    }

    @Override
    public int arrayOid() {
        return raw.arrayOid();
    }

    @Override
    public String name() {
        return raw.name();
    }

    @Override
    public short typeLength() {
        return raw.typeLength();
    }

    @Override
    public Class<PgArray> valueClass() {
        return PgArray.class;
    }

    @Override
    public PgArray parseText(String text, FormatSettings settings) {
        return raw.parseText(text, settings);
    }

    @Override
    public String formatText(PgArray value, FormatSettings settings) {
        Object[] names = new Object[value.elements().length];
        for (int i = 0; i < names.length; i++) {
            Object e = value.elements()[i];
            names[i] = e == null ? null : element.formatTextUnchecked(e, settings);
        }
        @SuppressWarnings("unchecked")
        PgType<PgArray> text = (PgType<PgArray>) PgTypes.byOid(1009);
        return text.formatText(new PgArray(25, value.dims(), value.lowerBounds(), names), settings);
    }

    @Override
    public PgArray decodeBinary(byte[] bytes) {
        return raw.decodeBinary(bytes);
    }

    @Override
    public byte[] encodeBinary(PgArray value) {
        return raw.encodeBinary(value);
    }
}
