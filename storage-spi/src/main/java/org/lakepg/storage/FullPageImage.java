package org.lakepg.storage;

import java.util.Arrays;
import java.util.Objects;

/**
 * The whole new contents of a page. The array is not copied: callers must not modify it after handing it over.
 */
public record FullPageImage(PageKey key, byte[] image) implements PageWrite {

    public FullPageImage {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(image, "image");
        if (image.length != Page.SIZE) {
            throw new IllegalArgumentException("page image must be " + Page.SIZE + " bytes, not " + image.length);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FullPageImage other && key.equals(other.key) && Arrays.equals(image, other.image);
    }

    @Override
    public int hashCode() {
        return key.hashCode() * 31 + Arrays.hashCode(image);
    }

    @Override
    public String toString() {
        return "FullPageImage[" + key + "]";
    }
}
