package org.lakepg.storage;

import java.util.List;

/** The one redo function every store shares: replays page writes onto a base page. */
public final class Redo {

    private Redo() {
    }

    /**
     * Returns the page after applying {@code changes} (all for the same page, in LSN order) to {@code basePageOrNull}
     * (null = the page did not exist: patches then apply to a zero page). Never modifies the base; returns a new array.
     */
    public static byte[] apply(byte[] basePageOrNull, List<? extends PageWrite> changes) {
        byte[] page = basePageOrNull == null ? Page.zero() : basePageOrNull.clone();
        if (page.length != Page.SIZE) {
            throw new IllegalArgumentException("base page must be " + Page.SIZE + " bytes, not " + page.length);
        }
        for (PageWrite change : changes) {
            switch (change) {
                case FullPageImage image -> System.arraycopy(image.image(), 0, page, 0, Page.SIZE);
                case PagePatch patch -> {
                    for (Patch p : patch.patches()) {
                        System.arraycopy(p.bytes(), 0, page, p.offset(), p.bytes().length);
                    }
                }
            }
        }
        return page;
    }
}
