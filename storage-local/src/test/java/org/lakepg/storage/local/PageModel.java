package org.lakepg.storage.local;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.lakepg.storage.ForkNumber;
import org.lakepg.storage.FullPageImage;
import org.lakepg.storage.Page;
import org.lakepg.storage.PageChange;
import org.lakepg.storage.PageKey;
import org.lakepg.storage.PagePatch;
import org.lakepg.storage.Patch;
import org.lakepg.storage.RelationCreate;
import org.lakepg.storage.RelationDrop;
import org.lakepg.storage.RelationTruncate;
import org.lakepg.storage.TimelineId;
import org.lakepg.storage.TransactionMarker;
import org.lakepg.storage.WalRecord;

/**
 * The plain in-memory model the store is checked against: every timeline is a list of (LSN, record); the state at
 * an LSN is computed by replaying, from nothing, the records of the timeline's chain up to it — the documented
 * semantics written the most direct way, sharing no code with the store.
 */
final class PageModel {

    record Entry(long lsn, WalRecord record) {
    }

    static final class Timeline {
        final TimelineId id;
        final Timeline parent;
        final long branchLsn;
        final List<Entry> entries = new ArrayList<>();
        boolean deleted;

        Timeline(TimelineId id, Timeline parent, long branchLsn) {
            this.id = id;
            this.parent = parent;
            this.branchLsn = branchLsn;
        }

        long lastLsn() {
            return entries.isEmpty() ? branchLsn : entries.get(entries.size() - 1).lsn();
        }

        /** The records visible at {@code upTo}: the parent's up to the branch point, then our own. */
        List<Entry> chain(long upTo) {
            List<Entry> out = parent == null ? new ArrayList<>() : parent.chain(Math.min(upTo, branchLsn));
            for (Entry e : entries) {
                if (e.lsn() <= upTo) {
                    out.add(e);
                }
            }
            return out;
        }
    }

    /** Relation-fork sizes (absent = does not exist) and the pages that exist (absent = zero page). */
    static final class State {
        final Map<String, Integer> sizes = new HashMap<>();
        final Map<PageKey, byte[]> pages = new HashMap<>();

        static String fork(int relation, ForkNumber fork) {
            return relation + ":" + fork;
        }

        int size(int relation, ForkNumber fork) {
            return sizes.getOrDefault(fork(relation, fork), 0);
        }

        boolean exists(int relation, ForkNumber fork) {
            return sizes.containsKey(fork(relation, fork));
        }

        byte[] page(PageKey key) {
            byte[] p = pages.get(key);
            return p == null ? Page.zero() : p.clone();
        }

        void apply(WalRecord record) {
            for (PageChange change : record.changes()) {
                switch (change) {
                    case FullPageImage image -> {
                        extendFor(image.key());
                        pages.put(image.key(), image.image().clone());
                    }
                    case PagePatch patch -> {
                        extendFor(patch.key());
                        byte[] page = pages.computeIfAbsent(patch.key(), k -> Page.zero());
                        for (Patch p : patch.patches()) {
                            System.arraycopy(p.bytes(), 0, page, p.offset(), p.bytes().length);
                        }
                    }
                    case RelationCreate create -> sizes.putIfAbsent(fork(create.relation(), create.fork()), 0);
                    case RelationTruncate truncate -> {
                        String f = fork(truncate.relation(), truncate.fork());
                        Integer size = sizes.get(f);
                        if (size != null && size > truncate.newBlockCount()) {
                            sizes.put(f, truncate.newBlockCount());
                            pages.keySet().removeIf(k -> k.relation() == truncate.relation() && k.fork() == truncate.fork()
                                    && k.block() >= truncate.newBlockCount());
                        }
                    }
                    case RelationDrop drop -> {
                        for (ForkNumber f : ForkNumber.values()) {
                            sizes.remove(fork(drop.relation(), f));
                        }
                        pages.keySet().removeIf(k -> k.relation() == drop.relation());
                    }
                }
            }
        }

        private void extendFor(PageKey key) {
            String f = fork(key.relation(), key.fork());
            if (key.block() >= sizes.getOrDefault(f, 0)) {
                sizes.put(f, key.block() + 1);
            }
        }
    }

    static State stateAt(Timeline t, long lsn) {
        State s = new State();
        for (Entry e : t.chain(lsn)) {
            s.apply(e.record());
        }
        return s;
    }

    /** Blocks written (and not undone later in the same record) by records with from &lt; LSN &lt;= to. */
    static BitSet changedPages(Timeline t, int relation, ForkNumber fork, long from, long to) {
        BitSet out = new BitSet();
        for (Entry e : t.chain(to)) {
            if (e.lsn() <= from) {
                continue;
            }
            List<PageChange> changes = e.record().changes();
            for (int i = 0; i < changes.size(); i++) {
                PageKey key = switch (changes.get(i)) {
                    case FullPageImage image -> image.key();
                    case PagePatch patch -> patch.key();
                    default -> null;
                };
                if (key == null || key.relation() != relation || key.fork() != fork) {
                    continue;
                }
                boolean undone = false;
                for (int j = i + 1; j < changes.size(); j++) {
                    PageChange later = changes.get(j);
                    undone |= later instanceof RelationDrop d && d.relation() == relation;
                    undone |= later instanceof RelationTruncate tr && tr.relation() == relation && tr.fork() == fork
                            && tr.newBlockCount() <= key.block();
                }
                if (!undone) {
                    out.set(key.block());
                }
            }
        }
        return out;
    }

    /** The last commit before the first commit stamped after {@code micros}; 0 if there is none. */
    static long lsnAt(Timeline t, long micros) {
        long answer = 0;
        for (Entry e : t.chain(t.lastLsn())) {
            TransactionMarker m = e.record().marker();
            if (m != null && m.kind() == TransactionMarker.Kind.COMMIT) {
                if (m.timestampMicros() > micros) {
                    return answer;
                }
                answer = e.lsn();
            }
        }
        return answer;
    }
}
