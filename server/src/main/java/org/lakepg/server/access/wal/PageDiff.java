package org.lakepg.server.access.wal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.lakepg.storage.FullPageImage;
import org.lakepg.storage.PageKey;
import org.lakepg.storage.PagePatch;
import org.lakepg.storage.PageWrite;
import org.lakepg.storage.Patch;

/**
 * Turns a page's before and after bytes into the smallest sensible {@link PageWrite}: byte-range patches of what
 * changed (close ranges merged, as a patch costs a few bytes of framing), or a full image when most of it changed.
 * This is how every access method logs, like PostgreSQL's generic WAL.
 */
public final class PageDiff {

    /** Unchanged runs shorter than this between two changes are sent along rather than starting a new patch. */
    private static final int MERGE_GAP = 8;
    /** Beyond this many changed bytes a full page image is smaller to encode (its zero hole is left out). */
    private static final int FULL_IMAGE_THRESHOLD = 3072;

    private PageDiff() {
    }

    /** The change from {@code before} to {@code after}, or null if they are equal. */
    public static PageWrite of(PageKey key, byte[] before, byte[] after) {
        List<Patch> patches = new ArrayList<>();
        int total = 0;
        int pos = 0;
        int length = after.length;
        while (pos < length) {
            int start = Arrays.mismatch(before, pos, length, after, pos, length);
            if (start < 0) {
                break;
            }
            start += pos;
            int end = start + 1;
            // extend the range while the next difference is within MERGE_GAP bytes
            // (the look-ahead stops after MERGE_GAP bytes: scanning on to a far difference would be done twice)
            while (end < length) {
                int window = Math.min(length, end + MERGE_GAP);
                int next = Arrays.mismatch(before, end, window, after, end, window);
                if (next < 0) {
                    break;
                }
                end += next + 1;
            }
            patches.add(new Patch(start, Arrays.copyOfRange(after, start, end)));
            total += end - start;
            if (total > FULL_IMAGE_THRESHOLD) {
                return new FullPageImage(key, after.clone());
            }
            pos = end;
        }
        return patches.isEmpty() ? null : new PagePatch(key, patches);
    }
}
