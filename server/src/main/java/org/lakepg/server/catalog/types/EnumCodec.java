package org.lakepg.server.catalog.types;

import java.nio.charset.StandardCharsets;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;
import org.lakepg.wire.types.FormatSettings;
import org.lakepg.wire.types.PgType;

/** enum_in/enum_out/enum_recv/enum_send of one enum type: the label as text, in both formats. */
record EnumCodec(long type) implements PgType<EnumValue> {

    @Override
    public int oid() {
        return (int) type;
    }

    @Override
    public int arrayOid() {
        return (int) UserTypeRegistry.enumType(type).arrayOid();
    }

    @Override
    public String name() {
        return UserTypeRegistry.enumType(type).name();
    }

    @Override
    public short typeLength() {
        return 4;
    }

    @Override
    public Class<EnumValue> valueClass() {
        return EnumValue.class;
    }

    @Override
    public EnumValue parseText(String text, FormatSettings settings) {
        UserType.Enum e = UserTypeRegistry.enumType(type);
        if (e.position(text) < 0) {
            throw PgException.of(SqlState.INVALID_TEXT_REPRESENTATION, "invalid input value for enum %s: \"%s\"",
                    e.name(), text);
        }
        return new EnumValue(type, text);
    }

    @Override
    public String formatText(EnumValue value, FormatSettings settings) {
        return value.label();
    }

    @Override
    public EnumValue decodeBinary(byte[] bytes) {
        // not checked against the labels: stored rows are read with this too, also after RENAME VALUE
        return new EnumValue(type, new String(bytes, StandardCharsets.UTF_8));
    }

    @Override
    public byte[] encodeBinary(EnumValue value) {
        return value.label().getBytes(StandardCharsets.UTF_8);
    }
}
