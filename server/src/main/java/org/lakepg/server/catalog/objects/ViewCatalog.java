package org.lakepg.server.catalog.objects;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.lakepg.server.access.AccessContext;
import org.lakepg.server.catalog.TypeOids;
import org.lakepg.server.table.ColumnInfo;
import org.lakepg.server.txn.Snapshot;
import org.lakepg.server.txn.Transaction;

/**
 * The views of a database in lakepg_view: oid, namespace, name, defining statement, column names,
 * column types, column typmods, owner, materialized, relation holding a materialized view's rows, the OIDs of
 * the relations it depends on, whether populated, the search path, the OID of its row type's array type.
 */
public final class ViewCatalog {
    static final int RELATION = 8;
    private final CatalogHeap heap;

    ViewCatalog(AccessContext access, boolean exists) {
        heap = CatalogHeap.open(access, RELATION, "lakepg_view", exists, TypeOids.INT8, TypeOids.INT8, TypeOids.TEXT,
                TypeOids.TEXT, TypeOids.TEXT, TypeOids.TEXT, TypeOids.TEXT, TypeOids.INT8, TypeOids.BOOL, TypeOids.INT4, TypeOids.TEXT, TypeOids.BOOL, TypeOids.TEXT,
                TypeOids.INT8);
    }

    public List<ViewInfo> views(Snapshot snapshot) {
        List<ViewInfo> out = new ArrayList<>();
        for (Object[] r : heap.rows(snapshot)) {
            out.add(decode(r));
        }
        return out;
    }

    public Optional<ViewInfo> find(Snapshot snapshot, long namespace, String name) {
        return views(snapshot).stream().filter(v -> v.namespace() == namespace && v.name().equals(name)).findFirst();
    }

    public void create(Transaction txn, ViewInfo view) {
        List<String> names = new ArrayList<>();
        List<String> types = new ArrayList<>();
        List<String> typmods = new ArrayList<>();
        for (ColumnInfo c : view.columns()) {
            names.add(c.name());
            types.add(Long.toString(c.type()));
            typmods.add(Integer.toString(c.typmod()));
        }
        heap.insert(txn, view.oid(), view.namespace(), view.name(), view.statement(), TextLists.join(names),
                TextLists.join(types), TextLists.join(typmods), view.owner(), view.materialized(), view.relation(),
                TextLists.join(view.dependsOn().stream().map(String::valueOf).toList()), view.populated(),
                TextLists.join(view.searchPath().stream().map(String::valueOf).toList()), view.arrayType());
    }

    /** The views whose queries name the relation. */
    public List<ViewInfo> dependents(Snapshot snapshot, long relation) {
        return views(snapshot).stream().filter(v -> v.dependsOn().contains(relation)).toList();
    }

    public void drop(Transaction txn, ViewInfo view) {
        heap.delete(txn, r -> r[0].equals(view.oid()));
    }

    /** CREATE OR REPLACE VIEW keeps the OID: the row is replaced in place. */
    public void replace(Transaction txn, ViewInfo view) {
        drop(txn, view);
        create(txn, view);
    }

    private static ViewInfo decode(Object[] r) {
        List<String> names = TextLists.split((String) r[4]);
        List<String> types = TextLists.split((String) r[5]);
        List<String> typmods = TextLists.split((String) r[6]);
        List<ColumnInfo> columns = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            columns.add(new ColumnInfo(names.get(i), (short) (i + 1), Long.parseLong(types.get(i)),
                    Integer.parseInt(typmods.get(i)), false));
        }
        List<String> depends = TextLists.split((String) r[10]);
        List<String> path = TextLists.split((String) r[12]);
        return new ViewInfo((Long) r[0], (Long) r[1], (String) r[2], (String) r[3], columns, (Long) r[7],
                r[8] != null && (Boolean) r[8], r[9] == null ? 0 : (Integer) r[9],
                depends == null ? List.of() : depends.stream().map(Long::parseLong).toList(), r[11] == null || (Boolean) r[11],
                path == null ? List.of(SchemaInfo.PUBLIC) : path.stream().map(Long::parseLong).toList(),
                r.length <= 13 || r[13] == null ? 0 : (Long) r[13]);
    }
}
