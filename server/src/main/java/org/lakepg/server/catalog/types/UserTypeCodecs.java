package org.lakepg.server.catalog.types;

import org.lakepg.server.exec.expr.WireTypeIO;
import org.lakepg.wire.types.PgType;

/** Builds the codec of a user type: enums their own, domains their base type's, arrays over either. */
final class UserTypeCodecs {
    private UserTypeCodecs() {}

    static PgType<?> create(UserType type, boolean array) {
        PgType<?> element = switch (type) {
            case UserType.Enum e -> new EnumCodec(e.oid());
            case UserType.Domain d -> WireTypeIO.codec(d.baseType());
            case UserType.Composite c -> new CompositeCodec(c.oid());
        };
        return array ? new UserArrayCodec((int) type.arrayOid(), element, (int) type.oid()) : element;
    }
}
