package org.lakepg.server.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.lakepg.analytics.batch.PgType;
import org.lakepg.server.table.ColumnInfo;
import org.lakepg.server.table.TableInfo;
import org.lakepg.storage.Lsn;
import org.lakepg.storage.ObjectStore;
import org.lakepg.wire.types.PgNumeric;

class SettledPagesTest {

    /** A plain map as object store: enough for what the sidecar needs (put/get). */
    private static final class MapStore implements ObjectStore {
        final Map<String, byte[]> objects = new TreeMap<>();

        @Override
        public void put(String key, byte[] data) {
            objects.put(key, data.clone());
        }

        @Override
        public Optional<byte[]> get(String key) {
            return Optional.ofNullable(objects.get(key)).map(byte[]::clone);
        }

        @Override
        public List<String> list(String prefix) {
            return new ArrayList<>(objects.keySet().stream().filter(k -> k.startsWith(prefix)).toList());
        }

        @Override
        public void delete(String key) {
            objects.remove(key);
        }
    }

    @Test
    void sidecarRoundTripsPerLsnAndIsMissingForOtherLsns() {
        MapStore store = new MapStore();
        BitSet pages = new BitSet();
        pages.set(3);
        pages.set(700);
        new SettledPages(12345, pages).store(store, "analytics/t/1/", Lsn.of(0x1A2B));
        assertThat(SettledPages.load(store, "analytics/t/1/", Lsn.of(0x1A2B)))
                .hasValueSatisfying(s -> {
                    assertThat(s.xmin()).isEqualTo(12345);
                    assertThat(s.unsettled()).isEqualTo(pages);
                });
        assertThat(SettledPages.load(store, "analytics/t/1/", Lsn.of(0x1A2C))).isEmpty();
        assertThat(store.objects.keySet()).containsExactly("analytics/t/1/_lakepg/settled-0000000000001a2b.bin");
    }

    @Test
    void columnTypesMapNumericTypmodAndRefuseUnknownTypes() {
        TableInfo t = new TableInfo(1, "t", 2200, 100, 0, List.of(
                new ColumnInfo("a", (short) 1, 1700, ((12 << 16) | 2) + 4, true),
                new ColumnInfo("b", (short) 2, 1042, 9, false)));
        var schema = ColumnTypes.schema(t).orElseThrow();
        assertThat(schema.column(0).precision()).isEqualTo(12);
        assertThat(schema.column(0).scale()).isEqualTo(2);
        assertThat(schema.column(0).nullable()).isFalse();
        assertThat(schema.column(1).type()).isEqualTo(PgType.BPCHAR);
        assertThat(ColumnTypes.comparable(PgType.BPCHAR)).isFalse();
        TableInfo json = new TableInfo(2, "j", 2200, 101, 0, List.of(new ColumnInfo("j", (short) 1, 3802, -1, false)));
        assertThat(ColumnTypes.schema(json)).isEmpty();
        assertThat(ColumnTypes.toBatch(PgNumeric.of("1.50"))).isEqualTo(new BigDecimal("1.50"));
        assertThat(ColumnTypes.toRow(new BigDecimal("2.5"))).isEqualTo(PgNumeric.of("2.5"));
    }

    @Test
    void nonFiniteNumericsSendTheQueryBackToTheRowEngine() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ColumnTypes.toBatch(PgNumeric.NAN))
                .isInstanceOf(UnsupportedValueException.class);
    }
}
