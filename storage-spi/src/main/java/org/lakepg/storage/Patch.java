package org.lakepg.storage;

import java.util.Arrays;
import java.util.Objects;

/** New bytes for the range {@code [offset, offset + bytes.length)} of a page. The array is not copied. */
public record Patch(int offset, byte[] bytes) {

    public Patch {
        Objects.requireNonNull(bytes, "bytes");
        if (offset < 0 || bytes.length == 0 || (long) offset + bytes.length > Page.SIZE) {
            throw new IllegalArgumentException(
                    "patch [" + offset + ", " + ((long) offset + bytes.length) + ") is empty or outside the page");
        }
    }

    public int end() {
        return offset + bytes.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Patch other && offset == other.offset && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return offset * 31 + Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "Patch[" + offset + "+" + bytes.length + "]";
    }
}
