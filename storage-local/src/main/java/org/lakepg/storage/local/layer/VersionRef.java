package org.lakepg.storage.local.layer;

import org.lakepg.storage.PageWrite;

/** One stored version of a page: where it is and whether it needs nothing older to be reconstructed. */
public interface VersionRef {

    long lsn();

    /** A full image, or a write that extended the relation (so it starts from a zero page). */
    boolean isBase();

    /** True if the write is a full page image (as opposed to patches starting from a zero page). */
    boolean isImage();

    PageWrite load();
}
