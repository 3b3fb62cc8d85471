package org.lakepg.storage;

import java.util.List;
import java.util.Objects;

/** Byte-range patches applied in order to the page's previous contents (a zero page if it had none). */
public record PagePatch(PageKey key, List<Patch> patches) implements PageWrite {

    public PagePatch {
        Objects.requireNonNull(key, "key");
        patches = List.copyOf(patches);
        if (patches.isEmpty()) {
            throw new IllegalArgumentException("a page patch needs at least one patch");
        }
    }

    public static PagePatch of(PageKey key, int offset, byte[] bytes) {
        return new PagePatch(key, List.of(new Patch(offset, bytes)));
    }
}
