package org.lakepg.server.catalog.types;

import org.lakepg.server.catalog.TypeCatalog;
import org.lakepg.server.catalog.TypeEntry;

/** The pg_type rows of a user type and of its array type, as PostgreSQL 15's DefineEnum/DefineDomain/... make them. */
public final class UserTypeEntries {
    private UserTypeEntries() {}

    private static final long ARRAY_SUBSCRIPT_HANDLER = 6179;

    /** A table's row type: a composite type of its columns, owned by the table's owner. */
    public static UserType.Composite rowType(org.lakepg.server.table.TableInfo t, long owner) {
        return new UserType.Composite(t.typeOid(), t.arrayType(), t.name(), t.namespace(), owner, t.columns().stream()
                .map(c -> new UserType.Attribute(c.name(), c.type(), c.typmod())).toList(), t.oid());
    }

    public static TypeEntry entry(UserType type, TypeCatalog builtins) {
        return switch (type) {
            case UserType.Enum e -> new TypeEntry(e.oid(), e.name(), e.namespace(), (short) 4, true,
                    TypeEntry.KIND_ENUM, 'E', false, ',', 0, 0, 0, e.arrayOid(), 3506, 3507, 3532, 3533, 0, 0, 'i', 'p',
                    false, 0, -1, 0, 0);
            case UserType.Composite c -> new TypeEntry(c.oid(), c.name(), c.namespace(), (short) -1, false,
                    TypeEntry.KIND_COMPOSITE, 'C', false, ',', c.relationOid(), 0, 0, c.arrayOid(), 2290, 2291, 2402, 2403, 0, 0,
                    'd', 'x', false, 0, -1, 0, 0);
            case UserType.Range r -> {
                char align = builtins.type(r.subtype()).map(TypeEntry::align).orElse('i') == 'd' ? 'd' : 'i';
                yield new TypeEntry(r.oid(), r.name(), r.namespace(), (short) -1, false, TypeEntry.KIND_RANGE, 'R', false,
                        ',', 0, 0, 0, r.arrayOid(), 3834, 3835, 3836, 3837, 0, 0, align, 'x', false, 0, -1, 0, 0);
            }
            case UserType.Base b when b.shell() -> new TypeEntry(b.oid(), b.name(), b.namespace(), (short) 4, true,
                    TypeEntry.KIND_PSEUDO, 'P', false, ',', 0, 0, 0, 0, 2398, 2399, 0, 0, 0, 0, 'i', 'p', false, 0, -1,
                    0, 0);
            case UserType.Base b -> {
                TypeEntry like = builtins.type(b.representation()).orElseThrow();
                yield new TypeEntry(b.oid(), b.name(), b.namespace(), like.length(), like.byValue(),
                        TypeEntry.KIND_BASE, 'U', false, ',', 0, 0, 0, b.arrayOid(), b.inputProc(), b.outputProc(), 0,
                        0, 0, 0, like.align(), like.storage(), false, 0, -1, 0, 0);
            }
            case UserType.Domain d -> {
                TypeEntry base = builtins.type(d.baseType()).orElseThrow();
                yield new TypeEntry(d.oid(), d.name(), d.namespace(), base.length(), base.byValue(),
                        TypeEntry.KIND_DOMAIN, base.category(), false, base.delimiter(), 0, base.subscriptProc(),
                        base.elementType(), d.arrayOid(), base.inputProc(), base.outputProc(), base.receiveProc(),
                        base.sendProc(), base.typmodInProc(), base.typmodOutProc(), base.align(), base.storage(),
                        d.notNull(), d.baseType(), d.baseTypmod(), 0, base.collation());
            }
        };
    }

    /** The multirange type made with a range type. */
    public static TypeEntry multirangeEntry(UserType.Range r, TypeCatalog builtins) {
        TypeEntry range = entry(r, builtins);
        return new TypeEntry(r.multirangeOid(), r.multirangeName(), r.namespace(), (short) -1, false,
                TypeEntry.KIND_MULTIRANGE, 'R', false, ',', 0, 0, 0, r.multirangeArrayOid(), 4229, 4230, 4231, 4232, 0, 0,
                range.align(), 'x', false, 0, -1, 0, 0);
    }

    public static TypeEntry multirangeArrayEntry(UserType.Range r, TypeCatalog builtins) {
        TypeEntry element = multirangeEntry(r, builtins);
        return new TypeEntry(r.multirangeArrayOid(), arrayName(r.multirangeName()), r.namespace(), (short) -1, false,
                TypeEntry.KIND_BASE, 'A', false, ',', 0, ARRAY_SUBSCRIPT_HANDLER, r.multirangeOid(), 0, 750, 751, 2400,
                2401, 0, 0, element.align(), 'x', false, 0, -1, 0, 0);
    }

    /** The "_name" array type over a user type. */
    public static TypeEntry arrayEntry(UserType type, TypeCatalog builtins) {
        return arrayEntry(type, builtins, arrayName(type.name()));
    }

    /** The array type over a user type, under {@code name} (moved aside when a type took its usual name). */
    public static TypeEntry arrayEntry(UserType type, TypeCatalog builtins, String name) {
        TypeEntry element = entry(type, builtins);
        char align = element.align() == 'd' ? 'd' : 'i';
        return new TypeEntry(type.arrayOid(), name, type.namespace(), (short) -1, false,
                TypeEntry.KIND_BASE, 'A', false, ',', 0, ARRAY_SUBSCRIPT_HANDLER, type.oid(), 0, 750, 751, 2400, 2401, 0,
                0, align, 'x', false, 0, -1, 0, element.collation());
    }

    /** makeArrayTypeName: an underscore in front (truncation to NAMEDATALEN left out). */
    public static String arrayName(String name) {
        return "_" + name;
    }
}
