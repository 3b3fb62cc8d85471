package org.lakepg.server.systemcatalog;

import java.util.HashMap;
import java.util.Map;
import org.lakepg.server.catalog.TypeEntry;
import org.lakepg.server.catalog.bootstrap.CsvTable;

/** Default B-tree operator classes by input type (pg_opclass), as index definitions record them. */
final class Opclasses {
    private Opclasses() {}

    private static final Map<Long, Long> DEFAULT_BTREE = new HashMap<>();
    private static final Map<Long, Long> DEFAULT_HASH = new HashMap<>();

    static {
        for (CsvTable.Row r : CsvTable.load("pg_opclass").asRows()) {
            if (r.getOid("opcmethod") == ClassRows.BTREE_AM && r.getBool("opcdefault")) {
                DEFAULT_BTREE.put(r.getOid("opcintype"), r.getOid("oid"));
            }
            if (r.getOid("opcmethod") == ClassRows.HASH_AM && r.getBool("opcdefault")) {
                DEFAULT_HASH.put(r.getOid("opcintype"), r.getOid("oid"));
            }
        }
    }

    /** The default opclass of an access method ("btree" or "hash") for a type. */
    static long defaultFor(CatalogView catalog, String method, long type) {
        return "hash".equals(method) ? defaultOf(DEFAULT_HASH, catalog, type) : defaultOf(DEFAULT_BTREE, catalog, type);
    }

    /** The opclass of the type, else of the type it is binary-coercible to (varchar uses text_ops); 0 if none. */
    static long defaultBtree(CatalogView catalog, long type) {
        return defaultOf(DEFAULT_BTREE, catalog, type);
    }

    private static long defaultOf(Map<Long, Long> DEFAULT_BTREE, CatalogView catalog, long type) {
        Long direct = DEFAULT_BTREE.get(type);
        if (direct != null) {
            return direct;
        }
        TypeEntry t = catalog.builtins().type(type).orElse(null);
        if (t == null) {
            return 0;
        }
        long fallback = t.category() == 'S' ? 25 : t.isArray() ? 2277 : t.kind() == TypeEntry.KIND_ENUM ? 3500 : 0;
        return DEFAULT_BTREE.getOrDefault(fallback, 0L);
    }
}
