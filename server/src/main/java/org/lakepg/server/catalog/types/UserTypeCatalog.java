package org.lakepg.server.catalog.types;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.lakepg.server.access.AccessContext;
import org.lakepg.server.catalog.TypeOids;
import org.lakepg.server.catalog.objects.CatalogHeap;
import org.lakepg.server.txn.Snapshot;
import org.lakepg.server.txn.Transaction;

/**
 * User-defined types in catalog relation 16, one row per type: oid, kind (e enum, d domain, c composite, r range,
 * b base, s shell), name,
 * namespace, owner, array type oid, domain base type and typmod, domain NOT NULL, domain default, and the
 * kind's details (enum labels, domain checks, composite attributes) as a list in one text column.
 */
public final class UserTypeCatalog {
    public static final int RELATION = 16;
    private static final String ITEM = "\u0001";
    private static final String FIELD = "\u0003";

    private final CatalogHeap heap;

    public UserTypeCatalog(AccessContext access, boolean exists) {
        heap = CatalogHeap.open(access, RELATION, "lakepg_type", exists, TypeOids.INT8, TypeOids.TEXT, TypeOids.TEXT,
                TypeOids.INT8, TypeOids.INT8, TypeOids.INT8, TypeOids.INT8, TypeOids.INT8, TypeOids.BOOL,
                TypeOids.TEXT, TypeOids.TEXT);
    }

    public List<UserType> types(Snapshot snapshot) {
        List<UserType> out = new ArrayList<>();
        for (Object[] r : heap.rows(snapshot)) {
            out.add(decode(r));
        }
        return out;
    }

    public Optional<UserType> find(Snapshot snapshot, long oid) {
        return heap.rows(snapshot).stream().map(UserTypeCatalog::decode)
                .filter(t -> t.oid() == oid || t.arrayOid() == oid
                        || t instanceof UserType.Range r && (r.multirangeOid() == oid || r.multirangeArrayOid() == oid))
                .findFirst();
    }

    public void create(Transaction txn, UserType type) {
        heap.insert(txn, encode(type));
        UserTypeRegistry.publish(type);
    }

    /** Replaces the stored row of the type with this definition (same OID). */
    public void replace(Transaction txn, UserType type) {
        heap.update(txn, r -> r[0].equals(type.oid()), r -> encode(type));
        UserTypeRegistry.publish(type);
    }

    public void drop(Transaction txn, long oid) {
        heap.delete(txn, r -> r[0].equals(oid));
    }

    private static Object[] encode(UserType t) {
        return switch (t) {
            case UserType.Enum e -> row(t, "e", 0, -1, false, null, join(e.labels().stream()
                    .map(l -> l.oid() + FIELD + l.sortOrder() + FIELD + l.label()).toList()));
            case UserType.Domain d -> row(t, "d", d.baseType(), d.baseTypmod(), d.notNull(), d.defaultText(),
                    join(d.checks().stream().map(c -> c.oid() + FIELD + c.name() + FIELD + c.expression()).toList()));
            case UserType.Composite c -> row(t, "c", c.relationOid(), -1, false, null, join(c.attributes().stream()
                    .map(a -> a.name() + FIELD + a.type() + FIELD + a.typmod()).toList()));
            case UserType.Base b -> {
                List<String> items = new ArrayList<>();
                items.add(b.inputProc() + FIELD + b.outputProc() + FIELD + "");
                b.casts().forEach(c -> items.add(c.oid() + FIELD + c.source() + FIELD + c.target() + "," + c.context()));
                yield row(t, b.shell() ? "s" : "b", b.representation(), 0, false, null, join(items));
            }
            case UserType.Range r -> row(t, "r", r.subtype(), r.firstConstructorOid(), false, null,
                    join(List.of(r.multirangeOid() + FIELD + r.multirangeArrayOid() + FIELD + r.multirangeName())));
        };
    }

    private static Object[] row(UserType t, String kind, long base, long typmod, boolean notNull, String def,
                                String details) {
        return new Object[] {t.oid(), kind, t.name(), t.namespace(), t.owner(), t.arrayOid(), base, typmod, notNull,
                def, details};
    }

    private static UserType decode(Object[] r) {
        long oid = (Long) r[0];
        String name = (String) r[2];
        long namespace = (Long) r[3];
        long owner = (Long) r[4];
        long array = (Long) r[5];
        List<String[]> items = split((String) r[10]);
        return switch ((String) r[1]) {
            case "e" -> new UserType.Enum(oid, array, name, namespace, owner, items.stream()
                    .map(f -> new UserType.EnumLabelInfo(Long.parseLong(f[0]), Float.parseFloat(f[1]), f[2])).toList());
            case "d" -> new UserType.Domain(oid, array, name, namespace, owner, (Long) r[6], (int) (long) (Long) r[7],
                    (Boolean) r[8], (String) r[9], items.stream()
                    .map(f -> new UserType.DomainCheck(Long.parseLong(f[0]), f[1], f[2])).toList());
            case "r" -> new UserType.Range(oid, array, name, namespace, owner, (Long) r[6],
                    Long.parseLong(items.get(0)[0]), Long.parseLong(items.get(0)[1]), items.get(0)[2], (Long) r[7]);
            case "b", "s" -> new UserType.Base(oid, array, name, namespace, owner, r[1].equals("s"),
                    Long.parseLong(items.get(0)[0]), Long.parseLong(items.get(0)[1]), (Long) r[6],
                    items.subList(1, items.size()).stream().map(f -> new UserType.Cast(Long.parseLong(f[0]),
                            Long.parseLong(f[1]), Long.parseLong(f[2].substring(0, f[2].indexOf(','))),
                            f[2].charAt(f[2].length() - 1))).toList());
            default -> new UserType.Composite(oid, array, name, namespace, owner, items.stream()
                    .map(f -> new UserType.Attribute(f[0], Long.parseLong(f[1]), Integer.parseInt(f[2]))).toList(),
                    (Long) r[6]);
        };
    }

    private static String join(List<String> items) {
        StringBuilder out = new StringBuilder();
        for (String item : items) {
            out.append(ITEM).append(item);
        }
        return out.toString();
    }

    private static List<String[]> split(String text) {
        List<String[]> out = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return out;
        }
        for (String item : text.substring(1).split(ITEM, -1)) {
            out.add(item.split(FIELD, 3));
        }
        return out;
    }
}
