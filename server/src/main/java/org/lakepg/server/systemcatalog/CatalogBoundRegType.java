package org.lakepg.server.systemcatalog;

import java.util.function.Supplier;
import org.lakepg.wire.types.FormatSettings;
import org.lakepg.wire.types.PgType;

/** A reg* codec whose text form is the object's name, looked up in the catalog of the statement that uses it. */
public record CatalogBoundRegType(PgType<Long> raw, Supplier<CatalogView> catalog) implements PgType<Long> {

    /** The reg* codec of a type bound to a catalog; other types' codecs unchanged. */
    @SuppressWarnings("unchecked")
    public static PgType<?> bind(PgType<?> codec, Supplier<CatalogView> catalog) {
        if (codec instanceof CatalogTypeCodecs.SimpleArray array && CatalogTypeCodecs.isRegType(array.element().oid())) {
            return new CatalogTypeCodecs.SimpleArray(array.oid(), bind(array.element(), catalog)); // regclass[] too
        }
        return CatalogTypeCodecs.isRegType(codec.oid()) ? new CatalogBoundRegType((PgType<Long>) codec, catalog) : codec;
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
    public Class<Long> valueClass() {
        return Long.class;
    }

    @Override
    public Long parseText(String text, FormatSettings settings) {
        return RegTypes.input(raw.oid(), text, catalog.get());
    }

    @Override
    public String formatText(Long value, FormatSettings settings) {
        return RegTypes.output(raw.oid(), value, catalog.get());
    }

    /** An int4 relabelled as a reg* type (a binary-coercible cast) arrives as an Integer. */
    @Override
    public String formatTextUnchecked(Object value, FormatSettings settings) {
        return formatText(((Number) value).longValue() & 0xFFFFFFFFL, settings);
    }

    @Override
    public byte[] encodeBinaryUnchecked(Object value) {
        return encodeBinary(((Number) value).longValue());
    }

    @Override
    public Long decodeBinary(byte[] bytes) {
        return raw.decodeBinary(bytes);
    }

    @Override
    public byte[] encodeBinary(Long value) {
        return raw.encodeBinary(value);
    }
}
