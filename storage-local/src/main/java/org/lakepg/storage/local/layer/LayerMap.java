package org.lakepg.storage.local.layer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.lakepg.storage.PageKey;

/**
 * An immutable snapshot of one timeline's layers, newest first: the open in-memory layer, frozen in-memory layers
 * being written out, then the layer files (by end LSN, an image before a delta that ends at the same LSN).
 * Readers take one snapshot per request, so layers swapped in or out meanwhile never confuse them.
 */
public record LayerMap(InMemoryLayer open, List<InMemoryLayer> frozen, List<LayerFile> files) {

    /** What walking one timeline's layers found. */
    public enum Walk {
        /** A base version ends the chain. */
        BASE_FOUND,
        /** Nothing more on this timeline; older history, if any, is the parent's. */
        CONTINUE_IN_PARENT,
        /** The page's history ended (reset at {@code after}); it starts from a zero page. */
        ENDED
    }

    private static final Comparator<LayerFile> NEWEST_FIRST = Comparator
            .comparingLong(LayerFile::endLsn).reversed()
            .thenComparing(f -> f.kind() == LayerFile.Kind.IMAGE ? 0 : 1);

    public LayerMap {
        frozen = List.copyOf(frozen);
        List<LayerFile> sorted = new ArrayList<>(files);
        sorted.sort(NEWEST_FIRST);
        files = List.copyOf(sorted);
    }

    public LayerMap withOpen(InMemoryLayer newOpen, InMemoryLayer frozenNow) {
        List<InMemoryLayer> f = new ArrayList<>();
        f.add(frozenNow);
        f.addAll(frozen);
        return new LayerMap(newOpen, f, files);
    }

    public LayerMap replaceFrozen(InMemoryLayer written, LayerFile file) {
        List<InMemoryLayer> f = new ArrayList<>(frozen);
        f.remove(written);
        List<LayerFile> all = new ArrayList<>(files);
        if (file != null) {
            all.add(file);
        }
        return new LayerMap(open, f, all);
    }

    public LayerMap withFiles(List<LayerFile> added, List<LayerFile> removed) {
        List<LayerFile> all = new ArrayList<>(files);
        all.removeAll(removed);
        all.addAll(added);
        return new LayerMap(open, frozen, all);
    }

    /**
     * Adds to {@code out}, newest first, this timeline's versions of {@code key} with {@code after < LSN <= upTo}.
     */
    public Walk walk(PageKey key, long upTo, long after, List<VersionRef> out) {
        if (open.collect(key, upTo, after, out)) {
            return Walk.BASE_FOUND;
        }
        for (InMemoryLayer layer : frozen) {
            if (layer.collect(key, upTo, after, out)) {
                return Walk.BASE_FOUND;
            }
        }
        for (LayerFile file : files) {
            if (file.kind() == LayerFile.Kind.IMAGE) {
                if (file.endLsn() > upTo) {
                    continue;
                }
                if (file.endLsn() <= after) {
                    return Walk.ENDED;
                }
                // The image holds every page this timeline had written by its LSN: absent = not ours.
                return file.collect(key, upTo, after, out) ? Walk.BASE_FOUND : Walk.CONTINUE_IN_PARENT;
            }
            if (file.endLsn() <= after) {
                return Walk.ENDED;
            }
            if (file.startLsn() >= upTo) {
                continue;
            }
            if (file.collect(key, upTo, after, out)) {
                return Walk.BASE_FOUND;
            }
        }
        return Walk.CONTINUE_IN_PARENT;
    }

    public long fileBytes() {
        return files.stream().mapToLong(LayerFile::fileSize).sum();
    }
}
