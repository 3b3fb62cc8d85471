package org.lakepg.analytics;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.lakepg.analytics.batch.Schema;
import org.lakepg.analytics.source.PageRange;
import org.lakepg.analytics.source.TableSource;
import org.lakepg.storage.Lsn;

/**
 * A small stand-in for the server's heap: pages of rows with their full history by LSN, so reads at any LSN,
 * changedPages and truncation behave as the row store's do. Random DML changes whole pages at a new LSN, the way
 * heap changes reach pages through WAL records.
 */
public final class VersionedTable implements TableSource {

    private final String name;
    private final Schema schema;
    /** Per page: LSN -> rows as of that LSN. */
    private final List<TreeMap<Long, List<Object[]>>> pages = new ArrayList<>();
    private final TreeMap<Long, Integer> pageCountByLsn = new TreeMap<>();
    private long lsn = 0x1000;
    private long pagesRead;

    public VersionedTable(String name, Schema schema) {
        this.name = name;
        this.schema = schema;
        pageCountByLsn.put(0L, 0);
    }

    public Lsn currentLsn() {
        return Lsn.of(lsn);
    }

    /** Applies the new contents of some pages (a page index == page count appends a page) as one commit. */
    public Lsn commit(Map<Integer, List<Object[]>> newContents) {
        lsn += 0x80;
        int count = pageCountByLsn.lastEntry().getValue();
        for (Map.Entry<Integer, List<Object[]>> e : new TreeMap<>(newContents).entrySet()) {
            int page = e.getKey();
            if (page > count) {
                throw new IllegalArgumentException("pages are appended one at a time");
            }
            if (page == count) {
                if (pages.size() == count) {
                    pages.add(new TreeMap<>());
                }
                count++;
            }
            pages.get(page).put(lsn, List.copyOf(e.getValue()));
        }
        pageCountByLsn.put(lsn, count);
        return currentLsn();
    }

    /** Drops pages from {@code newCount} on (like a heap truncation by VACUUM). */
    public Lsn truncate(int newCount) {
        lsn += 0x80;
        for (int p = newCount; p < pages.size(); p++) {
            pages.get(p).put(lsn, List.of());
        }
        pageCountByLsn.put(lsn, newCount);
        return currentLsn();
    }

    public List<Object[]> rowsAt(Lsn at) {
        List<Object[]> rows = new ArrayList<>();
        readPages(new PageRange(0, pageCount(at)), at, (page, row) -> rows.add(row));
        return rows;
    }

    public List<Object[]> pageRows(int page, Lsn at) {
        Map.Entry<Long, List<Object[]>> e = pages.get(page).floorEntry(at.value());
        return e == null ? List.of() : e.getValue();
    }

    public long pagesRead() {
        return pagesRead;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Schema schema() {
        return schema;
    }

    @Override
    public int pageCount(Lsn at) {
        return pageCountByLsn.floorEntry(at.value()).getValue();
    }

    @Override
    public void readPages(PageRange range, Lsn at, RowSink sink) {
        for (int p = range.from(); p < range.to(); p++) {
            pagesRead++;
            for (Object[] row : pageRows(p, at)) {
                sink.accept(p, row.clone());
            }
        }
    }

    @Override
    public BitSet changedPages(Lsn from, Lsn to) {
        BitSet changed = new BitSet();
        for (int p = 0; p < pages.size(); p++) {
            if (!pages.get(p).subMap(from.value(), false, to.value(), true).isEmpty()) {
                changed.set(p);
            }
        }
        return changed;
    }

    /** Random DML: inserts into the last page or new pages, updates and deletes on random pages. */
    public Lsn randomCommit(RandomData data, int rowsPerPage) {
        java.util.Random random = data.random();
        Map<Integer, List<Object[]>> changes = new TreeMap<>();
        int count = pageCountByLsn.lastEntry().getValue();
        Lsn now = currentLsn();
        int actions = 1 + random.nextInt(4);
        for (int a = 0; a < actions; a++) {
            int kind = count == 0 ? 0 : random.nextInt(3);
            if (kind == 0) {
                int page = count == 0 ? 0 : count - 1;
                List<Object[]> rows = new ArrayList<>(current(changes, page, now));
                if (rows.size() >= rowsPerPage) {
                    page = count;
                    rows = new ArrayList<>(current(changes, page, now));
                }
                rows.addAll(data.rows(schema, 1 + random.nextInt(rowsPerPage), 0.1, 30));
                changes.put(page, rows.subList(0, Math.min(rows.size(), rowsPerPage)));
                count = Math.max(count, page + 1);
            } else {
                int page = random.nextInt(count);
                List<Object[]> rows = new ArrayList<>(current(changes, page, now));
                if (!rows.isEmpty()) {
                    int victim = random.nextInt(rows.size());
                    if (kind == 1) {
                        rows.set(victim, data.rows(schema, 1, 0.1, 30).get(0));
                    } else {
                        rows.remove(victim);
                    }
                }
                changes.put(page, rows);
            }
        }
        return commit(changes);
    }

    private List<Object[]> current(Map<Integer, List<Object[]>> changes, int page, Lsn now) {
        if (changes.containsKey(page)) {
            return changes.get(page);
        }
        return page < pages.size() && page < pageCount(now) ? pageRows(page, now) : List.of();
    }
}
