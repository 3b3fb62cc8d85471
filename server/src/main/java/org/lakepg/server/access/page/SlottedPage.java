package org.lakepg.server.access.page;

import java.util.Arrays;
import org.lakepg.storage.Page;

/**
 * PostgreSQL's page layout over an 8 KiB byte array: a 24-byte header, an array of 4-byte line pointers growing up
 * from the header, item bytes growing down from the special space, and the special space (index pages keep their
 * sibling links there). Offset numbers are 1-based as in PostgreSQL.
 *
 * <pre>
 * header: [0,8) reserved (pd_lsn: lakepg keeps page LSNs in the buffer cache, storage in its layers)
 *         [8,10) flags  [10,12) pd_lower  [12,14) pd_upper  [14,16) pd_special  [16,24) prune xid / page-kind data
 * line pointer: lp_off:15 | lp_flags:2 | lp_len:15, as PostgreSQL's ItemIdData
 * </pre>
 */
public final class SlottedPage {

    public static final int HEADER_SIZE = 24;
    public static final int LINE_POINTER_SIZE = 4;

    public static final int LP_UNUSED = 0;
    public static final int LP_NORMAL = 1;
    public static final int LP_REDIRECT = 2;
    public static final int LP_DEAD = 3;

    /** A hint that some line pointer is unused and can be reused (PD_HAS_FREE_LINES). */
    public static final int FLAG_HAS_FREE_LINES = 1;

    private static final int FLAGS = 8;
    private static final int LOWER = 10;
    private static final int UPPER = 12;
    private static final int SPECIAL = 14;
    public static final int EXTRA = 16;

    private SlottedPage() {
    }

    public static void init(byte[] page, int specialSize) {
        Arrays.fill(page, (byte) 0);
        Bytes.u16(page, LOWER, HEADER_SIZE);
        Bytes.u16(page, UPPER, Page.SIZE - specialSize);
        Bytes.u16(page, SPECIAL, Page.SIZE - specialSize);
    }

    /** A page that was never initialized (reads as zeros): PostgreSQL's PageIsNew. */
    public static boolean isNew(byte[] page) {
        return Bytes.u16(page, LOWER) == 0;
    }

    public static int flags(byte[] page) {
        return Bytes.u16(page, FLAGS);
    }

    public static void setFlags(byte[] page, int flags) {
        Bytes.u16(page, FLAGS, flags);
    }

    public static int lower(byte[] page) {
        return Bytes.u16(page, LOWER);
    }

    public static int upper(byte[] page) {
        return Bytes.u16(page, UPPER);
    }

    public static int special(byte[] page) {
        return Bytes.u16(page, SPECIAL);
    }

    /** Number of line pointers (the highest offset number in use or ever used). */
    public static int itemCount(byte[] page) {
        return isNew(page) ? 0 : (lower(page) - HEADER_SIZE) / LINE_POINTER_SIZE;
    }

    private static int lpAt(int offsetNumber) {
        return HEADER_SIZE + (offsetNumber - 1) * LINE_POINTER_SIZE;
    }

    private static int lp(byte[] page, int offsetNumber) {
        return Bytes.i32(page, lpAt(offsetNumber));
    }

    public static int itemOffset(byte[] page, int offsetNumber) {
        return lp(page, offsetNumber) >>> 17;
    }

    public static int itemFlags(byte[] page, int offsetNumber) {
        return (lp(page, offsetNumber) >>> 15) & 3;
    }

    public static int itemLength(byte[] page, int offsetNumber) {
        return lp(page, offsetNumber) & 0x7FFF;
    }

    public static void setLinePointer(byte[] page, int offsetNumber, int off, int flags, int len) {
        Bytes.i32(page, lpAt(offsetNumber), (off << 17) | (flags << 15) | len);
    }

    /** Free bytes between the line pointers and the items, less one new line pointer (PageGetFreeSpace). */
    public static int freeSpace(byte[] page) {
        int space = upper(page) - lower(page) - LINE_POINTER_SIZE;
        return Math.max(space, 0);
    }

    /**
     * Adds an item, reusing an unused line pointer when the page says it has one; returns its offset number or -1
     * if it does not fit.
     */
    public static int addItem(byte[] page, byte[] item, int itemLength) {
        int count = itemCount(page);
        int reuse = -1;
        if ((flags(page) & FLAG_HAS_FREE_LINES) != 0) {
            for (int i = 1; i <= count; i++) {
                if (itemFlags(page, i) == LP_UNUSED) {
                    reuse = i;
                    break;
                }
            }
            if (reuse < 0) {
                setFlags(page, flags(page) & ~FLAG_HAS_FREE_LINES);
            }
        }
        int needed = itemLength + (reuse < 0 ? LINE_POINTER_SIZE : 0);
        if (upper(page) - lower(page) < needed) {
            return -1;
        }
        int upper = upper(page) - itemLength;
        System.arraycopy(item, 0, page, upper, itemLength);
        Bytes.u16(page, UPPER, upper);
        int offsetNumber = reuse;
        if (offsetNumber < 0) {
            offsetNumber = count + 1;
            Bytes.u16(page, LOWER, lower(page) + LINE_POINTER_SIZE);
        }
        setLinePointer(page, offsetNumber, upper, LP_NORMAL, itemLength);
        return offsetNumber;
    }

    /**
     * Inserts an item at {@code offsetNumber}, shifting the line pointers at and after it up by one (index pages
     * keep their items ordered by line pointer); returns false if it does not fit.
     */
    public static boolean insertItemAt(byte[] page, int offsetNumber, byte[] item) {
        int count = itemCount(page);
        if (upper(page) - lower(page) < item.length + LINE_POINTER_SIZE) {
            return false;
        }
        int upper = upper(page) - item.length;
        System.arraycopy(item, 0, page, upper, item.length);
        Bytes.u16(page, UPPER, upper);
        int from = lpAt(offsetNumber);
        System.arraycopy(page, from, page, from + LINE_POINTER_SIZE, (count - offsetNumber + 1) * LINE_POINTER_SIZE);
        Bytes.u16(page, LOWER, lower(page) + LINE_POINTER_SIZE);
        setLinePointer(page, offsetNumber, upper, LP_NORMAL, item.length);
        return true;
    }

    /** The item's bytes (a copy). */
    public static byte[] item(byte[] page, int offsetNumber) {
        int off = itemOffset(page, offsetNumber);
        return Arrays.copyOfRange(page, off, off + itemLength(page, offsetNumber));
    }

    /**
     * Makes the storage of items contiguous again (PageRepairFragmentation), keeping every line pointer's offset
     * number; items with flags other than LP_NORMAL keep no storage. Items move as little as possible: those already
     * inside the final item area stay where they are and only the ones below it move into the holes, so the page
     * diff that logs this change is a few item-sized patches, not the whole page (heap pages are logged as byte
     * diffs, and rewriting every item shifted by a few bytes made prune records hundreds of tiny patches).
     */
    public static void compact(byte[] page) {
        int count = itemCount(page);
        int special = special(page);
        int total = 0;
        boolean hasFree = false;
        for (int i = 1; i <= count; i++) {
            int flags = itemFlags(page, i);
            if (flags == LP_NORMAL) {
                total += itemLength(page, i);
            } else if (flags == LP_UNUSED) {
                setLinePointer(page, i, 0, LP_UNUSED, 0);
                hasFree = true;
            }
        }
        int upper = special - total;
        if (!fillHoles(page, count, upper, special)) {
            packInOffsetOrder(page, count, special);
        }
        // trailing unused line pointers are given back entirely
        int last = count;
        while (last > 0 && itemFlags(page, last) == LP_UNUSED) {
            last--;
        }
        for (int i = last + 1; i <= count; i++) {
            Bytes.i32(page, lpAt(i), 0);
        }
        Bytes.u16(page, LOWER, lpAt(last + 1));
        Arrays.fill(page, lpAt(last + 1), upper, (byte) 0);
        Bytes.u16(page, UPPER, upper);
        int flags = flags(page) & ~FLAG_HAS_FREE_LINES;
        boolean anyUnused = false;
        for (int i = 1; i <= last && hasFree; i++) {
            anyUnused |= itemFlags(page, i) == LP_UNUSED;
        }
        setFlags(page, anyUnused ? flags | FLAG_HAS_FREE_LINES : flags);
    }

    /**
     * Moves the items that lie (partly) below {@code upper} into the gaps between the items inside
     * {@code [upper, special)}, largest first, each into the first gap it fits. Returns false, with the page
     * unchanged, when the gaps are too fragmented for that (or the items overlap, which a sane page never has).
     */
    private static boolean fillHoles(byte[] page, int count, int upper, int special) {
        int staying = 0;
        int moving = 0;
        long[] stay = new long[count];
        long[] move = new long[count];
        for (int i = 1; i <= count; i++) {
            if (itemFlags(page, i) != LP_NORMAL) {
                continue;
            }
            int off = itemOffset(page, i);
            int len = itemLength(page, i);
            if (off >= upper && off + len <= special) {
                stay[staying++] = ((long) off << 32) | i;
            } else {
                // sorted ascending below, so the largest item (then the lowest offset number) comes last
                move[moving++] = ((long) len << 32) | (0xFFFF - i);
            }
        }
        if (moving == 0) {
            return true;
        }
        Arrays.sort(stay, 0, staying);
        // the gaps of [upper, special) not covered by staying items, as start/end pairs
        int[] gapStart = new int[staying + 1];
        int[] gapEnd = new int[staying + 1];
        int gaps = 0;
        int at = upper;
        for (int k = 0; k < staying; k++) {
            int item = (int) stay[k];
            int off = (int) (stay[k] >>> 32);
            if (off < at) {
                return false;
            }
            if (off > at) {
                gapStart[gaps] = at;
                gapEnd[gaps++] = off;
            }
            at = off + itemLength(page, item);
        }
        if (at < special) {
            gapStart[gaps] = at;
            gapEnd[gaps++] = special;
        }
        Arrays.sort(move, 0, moving);
        int[] target = new int[moving];
        for (int k = moving - 1; k >= 0; k--) {
            int len = (int) (move[k] >>> 32);
            int g = 0;
            while (g < gaps && gapEnd[g] - gapStart[g] < len) {
                g++;
            }
            if (g == gaps) {
                return false;
            }
            target[k] = gapStart[g];
            gapStart[g] += len;
        }
        // sources may overlap targets (an item straddling upper), so copy them all out first
        byte[][] bytes = new byte[moving][];
        for (int k = 0; k < moving; k++) {
            bytes[k] = item(page, 0xFFFF - (int) move[k]);
        }
        for (int k = 0; k < moving; k++) {
            int item = 0xFFFF - (int) move[k];
            System.arraycopy(bytes[k], 0, page, target[k], bytes[k].length);
            setLinePointer(page, item, target[k], LP_NORMAL, bytes[k].length);
        }
        return true;
    }

    /** Packs every item against the special space, keeping their physical order (PostgreSQL's compactify_tuples). */
    private static void packInOffsetOrder(byte[] page, int count, int special) {
        byte[] copy = page.clone();
        long[] byOffset = new long[count];
        int n = 0;
        for (int i = 1; i <= count; i++) {
            if (itemFlags(copy, i) == LP_NORMAL) {
                byOffset[n++] = ((long) itemOffset(copy, i) << 32) | i;
            }
        }
        Arrays.sort(byOffset, 0, n);
        int upper = special;
        for (int k = n - 1; k >= 0; k--) {
            int i = (int) byOffset[k];
            int len = itemLength(copy, i);
            upper -= len;
            System.arraycopy(copy, itemOffset(copy, i), page, upper, len);
            setLinePointer(page, i, upper, LP_NORMAL, len);
        }
    }

    /** Removes the items at the given offset numbers (ascending), shifting later line pointers down (index pages). */
    public static void deleteItems(byte[] page, int[] offsetNumbers) {
        int count = itemCount(page);
        byte[] copy = page.clone();
        int special = special(page);
        int extraFlags = flags(page);
        long extra = Bytes.i64(page, EXTRA);
        byte[] specialBytes = Arrays.copyOfRange(page, special, Page.SIZE);
        init(page, Page.SIZE - special);
        setFlags(page, extraFlags & ~FLAG_HAS_FREE_LINES);
        Bytes.i64(page, EXTRA, extra);
        System.arraycopy(specialBytes, 0, page, special, specialBytes.length);
        int d = 0;
        int out = 1;
        for (int i = 1; i <= count; i++) {
            if (d < offsetNumbers.length && offsetNumbers[d] == i) {
                d++;
                continue;
            }
            byte[] item = item(copy, i);
            insertItemAt(page, out++, item);
        }
    }
}
