package org.lakepg.storage;

/**
 * One effect of a {@link WalRecord} on storage. Either a write of one page ({@link PageWrite}: a full image or
 * byte-range patches) or a change of a whole relation fork's existence or size.
 *
 * <p>How a relation fork's size is tracked: it exists once created or once any of its blocks is written; its
 * size is the highest block ever written + 1, reduced by {@link RelationTruncate}; {@link RelationDrop} makes all
 * its forks cease to exist and forgets their pages. Writing a block at or beyond the current size extends the
 * relation; blocks skipped by such an extension read as zero pages. Within one record the changes take effect in
 * list order.
 */
public sealed interface PageChange permits PageWrite, RelationCreate, RelationTruncate, RelationDrop {

    /** The relation (file id) this change affects. */
    int relation();
}
