package org.lakepg.server.catalog.types;

import org.lakepg.server.exec.expr.WireTypeIO;
import org.lakepg.wire.types.PgType;

/** Builds the codec of a user type: enums their own, domains their base type's, arrays over either. */
final class UserTypeCodecs {
    private UserTypeCodecs() {}

    static PgType<?> create(UserType type, long oid) {
        if (type instanceof UserType.Range r && (oid == r.multirangeOid() || oid == r.multirangeArrayOid())) {
            PgType<?> multirange = new MultirangeCodec(r.multirangeOid(), r.oid(), r.multirangeName(),
                    (int) r.multirangeArrayOid());
            return oid == r.multirangeOid() ? multirange
                    : new UserArrayCodec((int) r.multirangeArrayOid(), multirange, (int) r.multirangeOid());
        }
        PgType<?> element = switch (type) {
            case UserType.Enum e -> new EnumCodec(e.oid());
            case UserType.Domain d -> WireTypeIO.codec(d.baseType());
            // a shell has no values: text's codec stands in until the type is defined
            case UserType.Base b -> WireTypeIO.codec(b.shell() ? org.lakepg.server.catalog.TypeOids.TEXT
                    : b.representation());
            case UserType.Composite c -> new CompositeCodec(c.oid());
            case UserType.Range r -> new RangeCodec(r.oid(), r.subtype(), r.name(), (int) r.arrayOid());
        };
        return oid == type.arrayOid() ? new UserArrayCodec((int) type.arrayOid(), element, (int) type.oid()) : element;
    }
}
