package org.lakepg.server.systemcatalog;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.lakepg.server.catalog.bootstrap.CsvTable;

/** The ACLs initdb gives built-in objects (pg_init_privs), for the catalogs that show a built-in object's ACL. */
final class InitialPrivileges {
    private InitialPrivileges() {}

    private static final Map<String, List<String>> BY_OBJECT = new HashMap<>();

    static {
        for (CsvTable.Row r : CsvTable.load("pg_init_privs").asRows()) {
            String items = r.get("initprivs");
            BY_OBJECT.put(r.get("classoid") + "/" + r.get("objoid") + "/" + r.get("objsubid"),
                    List.copyOf(Arrays.asList(items.substring(1, items.length() - 1).split(","))));
        }
    }

    /** A built-in object's initial ACL as aclitem texts, or {@code fallback} when initdb gave it none. */
    static List<String> of(long classoid, long objoid, List<String> fallback) {
        return BY_OBJECT.getOrDefault(classoid + "/" + objoid + "/0", fallback);
    }

    /** A built-in relation's column's initial ACL (attacl), or null when initdb gave it none. */
    static List<String> ofColumn(long relation, int attnum) {
        return BY_OBJECT.get(ObjectDescriptions.PG_CLASS + "/" + relation + "/" + attnum);
    }
}
