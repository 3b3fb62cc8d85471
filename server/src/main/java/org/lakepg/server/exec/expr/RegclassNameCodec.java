package org.lakepg.server.exec.expr;

import java.nio.charset.StandardCharsets;
import org.lakepg.wire.types.FormatSettings;
import org.lakepg.wire.types.PgType;

/**
 * Stand-in for regclass until the catalog-aware reg* codecs are merged: a regclass value is carried as the
 * relation name it was written as, which nextval / currval / setval resolve themselves. Replace by the real
 * regclass codec (an OID resolved through the catalog) when that lands.
 */
final class RegclassNameCodec implements PgType<String> {
    static final RegclassNameCodec INSTANCE = new RegclassNameCodec();

    @Override
    public int oid() {
        return 2205;
    }

    @Override
    public int arrayOid() {
        return 2210;
    }

    @Override
    public String name() {
        return "regclass";
    }

    @Override
    public short typeLength() {
        return -1;
    }

    @Override
    public Class<String> valueClass() {
        return String.class;
    }

    @Override
    public String parseText(String text, FormatSettings settings) {
        return text;
    }

    @Override
    public String formatText(String value, FormatSettings settings) {
        return value;
    }

    @Override
    public String decodeBinary(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Override
    public byte[] encodeBinary(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
