package org.lakepg.wire.types;

import org.lakepg.wire.error.PgException;

/**
 * One PostgreSQL type: its OID and its text (input/output function) and binary (recv/send)
 * encodings, byte-identical to PostgreSQL 15. Values use PostgreSQL's internal representation
 * (see the package documentation) so the SQL engine can compute on them directly.
 */
public interface PgType<T> {

    int oid();

    /** OID of the one-dimensional array type over this type, 0 if none. */
    int arrayOid();

    String name();

    /** pg_type.typlen: the fixed size in bytes, -1 for varlena, -2 for C strings. */
    short typeLength();

    /** The Java class values of this type have. */
    Class<T> valueClass();

    /** The input function; settings matter for dates (DateStyle) and timestamptz (TimeZone). */
    T parseText(String text, FormatSettings settings) throws PgException;

    default T parseText(String text) throws PgException {
        return parseText(text, FormatSettings.defaults());
    }

    /** The output function. */
    String formatText(T value, FormatSettings settings);

    default String formatText(T value) {
        return formatText(value, FormatSettings.defaults());
    }

    /** The recv function: bytes of one Bind parameter or one DataRow column. */
    T decodeBinary(byte[] bytes) throws PgException;

    /** The send function. */
    byte[] encodeBinary(T value);

    /** formatText for a value whose type is only known at run time. */
    default String formatTextUnchecked(Object value, FormatSettings settings) {
        return formatText(valueClass().cast(value), settings);
    }

    /** encodeBinary for a value whose type is only known at run time. */
    default byte[] encodeBinaryUnchecked(Object value) {
        return encodeBinary(valueClass().cast(value));
    }
}
