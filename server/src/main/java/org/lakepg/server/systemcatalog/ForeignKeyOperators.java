package org.lakepg.server.systemcatalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.lakepg.server.catalog.OperatorEntry;
import org.lakepg.server.catalog.TypeEntry;
import org.lakepg.server.table.ColumnInfo;
import org.lakepg.server.table.TableInfo;

/**
 * The equality operators a foreign key compares with, as pg_constraint's conpfeqop (referenced = referencing),
 * conppeqop (referenced = referenced) and conffeqop (referencing = referencing) list them per key column. A type
 * without an "=" of its own compares as the type it is binary-coercible to (varchar as text).
 */
final class ForeignKeyOperators {
    private ForeignKeyOperators() {}

    /** The three operator lists in that order; null lists when a column is unknown. */
    static List<List<Long>> of(CatalogView catalog, CatalogSources.ConstraintRow fk) {
        Optional<TableInfo> table = catalog.table(fk.tableOid());
        Optional<TableInfo> referenced = catalog.table(fk.refTable());
        if (table.isEmpty() || referenced.isEmpty() || fk.columns().size() != fk.refColumns().size()) {
            return null;
        }
        List<Long> pf = new ArrayList<>();
        List<Long> pp = new ArrayList<>();
        List<Long> ff = new ArrayList<>();
        for (int i = 0; i < fk.columns().size(); i++) {
            long fkType = columnType(table.get(), fk.columns().get(i));
            long pkType = columnType(referenced.get(), fk.refColumns().get(i));
            Long same = equality(catalog, pkType, pkType);
            Long own = equality(catalog, fkType, fkType);
            Long cross = equality(catalog, pkType, fkType);
            if (same == null || own == null) {
                return null;
            }
            pf.add(cross == null ? same : cross);
            pp.add(same);
            ff.add(own);
        }
        return List.of(pf, pp, ff);
    }

    private static long columnType(TableInfo table, short attnum) {
        return table.columns().stream().filter(c -> c.number() == attnum).mapToLong(ColumnInfo::type).findFirst()
                .orElse(0);
    }

    private static Long equality(CatalogView catalog, long left, long right) {
        for (OperatorEntry o : catalog.builtins().operatorsNamed("=")) {
            if (o.leftType() == coercible(catalog, left) && o.rightType() == coercible(catalog, right)) {
                return o.oid();
            }
        }
        return null;
    }

    private static long coercible(CatalogView catalog, long type) {
        Optional<TypeEntry> t = catalog.builtins().type(type);
        if (t.isPresent() && t.get().category() == 'S' && type != 18 && type != 19 && type != 1042) {
            return 25; // varchar and other string types use text's operators
        }
        return type;
    }
}
