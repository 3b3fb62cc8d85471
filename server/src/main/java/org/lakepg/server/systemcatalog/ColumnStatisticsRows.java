package org.lakepg.server.systemcatalog;

import java.util.List;
import java.util.Map;
import org.lakepg.server.catalog.OperatorEntry;
import org.lakepg.server.exec.expr.WireTypeIO;
import org.lakepg.server.stats.ColumnStatistics;
import org.lakepg.server.stats.RelationStatistics;
import org.lakepg.server.table.ColumnInfo;
import org.lakepg.server.table.TableInfo;
import org.lakepg.wire.types.FormatSettings;
import org.lakepg.wire.types.PgArray;
import org.lakepg.wire.types.PgType;

/**
 * pg_statistic and the pg_stats view over it: the column statistics of the last ANALYZE of each table. Slots are
 * filled as PostgreSQL's compute_scalar_stats fills them: most common values (kind 1, with the type's = operator)
 * first, then histogram bounds (kind 2, with its &lt; operator), then the correlation (kind 3).
 */
final class ColumnStatisticsRows {
    private static final int MCV = 1;
    private static final int HISTOGRAM = 2;
    private static final int CORRELATION = 3;
    private static final long DEFAULT_COLLATION = 100;

    private ColumnStatisticsRows() {}

    static void register(Map<String, RowSource> sources) {
        sources.put("pg_catalog.pg_statistic", ColumnStatisticsRows::statistic);
        sources.put("pg_catalog.pg_stats", ColumnStatisticsRows::stats);
    }

    private static void statistic(CatalogView catalog, Rows out) {
        for (TableInfo t : catalog.tables()) {
            RelationStatistics measured = catalog.sources().measured(t.oid());
            for (ColumnInfo c : t.columns()) {
                ColumnStatistics s = measured == null ? null : measured.column(c.number() - 1);
                if (s == null) {
                    continue;
                }
                Rows.Row row = out.add().set("starelid", t.oid()).set("staattnum", c.number())
                        .set("stainherit", false).set("stanullfrac", s.nullFrac()).set("stawidth", s.avgWidth())
                        .set("stadistinct", s.nDistinct());
                int slot = 1;
                long collation = collation(catalog, c.type());
                if (!s.mcvValues().isEmpty()) {
                    fill(row, slot++, MCV, operator(catalog, "=", c.type()), collation,
                            frequencies(s.mcvFrequencies()), arrayValue(c.type(), s.mcvValues()));
                }
                if (!s.histogram().isEmpty()) {
                    fill(row, slot++, HISTOGRAM, operator(catalog, "<", c.type()), collation, null,
                            arrayValue(c.type(), s.histogram()));
                }
                if (s.correlation() != null) {
                    fill(row, slot++, CORRELATION, operator(catalog, "<", c.type()), collation,
                            PgArray.of(700, s.correlation().floatValue()), null);
                }
                for (; slot <= 5; slot++) {
                    fill(row, slot, 0, 0, 0, null, null);
                }
            }
        }
    }

    private static void fill(Rows.Row row, int slot, int kind, long operator, long collation, PgArray numbers,
                             PgArray values) {
        row.set("stakind" + slot, kind).set("staop" + slot, operator).set("stacoll" + slot, collation)
                .set("stanumbers" + slot, numbers).set("stavalues" + slot, values);
    }

    private static void stats(CatalogView catalog, Rows out) {
        for (TableInfo t : catalog.tables()) {
            RelationStatistics measured = catalog.sources().measured(t.oid());
            for (ColumnInfo c : t.columns()) {
                ColumnStatistics s = measured == null ? null : measured.column(c.number() - 1);
                if (s == null) {
                    continue;
                }
                out.add().set("schemaname", catalog.namespaceName(t.namespace()).orElse(null))
                        .set("tablename", t.name()).set("attname", c.name()).set("inherited", false)
                        .set("null_frac", s.nullFrac()).set("avg_width", s.avgWidth())
                        .set("n_distinct", s.nDistinct())
                        .set("most_common_vals", s.mcvValues().isEmpty() ? null : arrayValue(c.type(), s.mcvValues()))
                        .set("most_common_freqs", s.mcvValues().isEmpty() ? null : frequencies(s.mcvFrequencies()))
                        .set("histogram_bounds", s.histogram().isEmpty() ? null : arrayValue(c.type(), s.histogram()))
                        .set("correlation", s.correlation());
            }
        }
    }

    private static PgArray frequencies(List<Double> frequencies) {
        return PgArray.of(700, frequencies.stream().map(Double::floatValue).toArray());
    }

    /** The values as an array of the column's type (an anyarray value); null for a type without an array type. */
    private static PgArray arrayValue(long type, List<Object> values) {
        try {
            PgType<?> element = WireTypeIO.codec(type);
            WireTypeIO.codec(element.arrayOid());
            return PgArray.of((int) type, values.toArray());
        } catch (RuntimeException e) {
            return null; // a type without an array type of its own (some user-defined types)
        }
    }

    private static long operator(CatalogView catalog, String name, long type) {
        return catalog.builtins().operatorsNamed(name).stream()
                .filter(o -> o.leftType() == type && o.rightType() == type).mapToLong(OperatorEntry::oid)
                .findFirst().orElse(0);
    }

    private static long collation(CatalogView catalog, long type) {
        return catalog.builtins().type(type).map(e -> e.collation() != 0 ? DEFAULT_COLLATION : 0L).orElse(0L);
    }
}
