package org.lakepg.storage.local.timeline;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32C;
import org.lakepg.storage.StorageException;
import org.lakepg.storage.local.FileUtil;

/**
 * A timeline's {@code checkpoint} file: the layer files that are live, the LSN up to which they (plus the relation
 * history stored here and the commit segments named here, cut at that LSN) hold every record, and the GC horizon.
 * Replaced atomically; a layer or commit segment file not named here is an orphan of an interrupted checkpoint or
 * compaction. Files of the first format embedded the whole commit index instead of naming segments
 * ({@code embeddedCommits}, null otherwise); they are still read, and rewritten in the current format.
 */
record CheckpointManifest(long checkpointLsn, long gcCutoff, List<String> layerFiles, RelationHistory relations,
        List<CommitSegment> commitSegments, CommitIndex embeddedCommits) {

    static final String NAME = "checkpoint";
    private static final byte[] MAGIC_EMBEDDED_COMMITS = "LPGCKPT1".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] MAGIC = "LPGCKPT2".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    CheckpointManifest {
        layerFiles = List.copyOf(layerFiles);
        commitSegments = List.copyOf(commitSegments);
    }

    /** The files next to the layers this checkpoint needs: layer files, then commit segments. */
    List<String> files() {
        List<String> all = new ArrayList<>(layerFiles);
        commitSegments.forEach(s -> all.add(s.name()));
        return all;
    }

    void write(Path dir) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.write(MAGIC);
        out.writeLong(checkpointLsn);
        out.writeLong(gcCutoff);
        out.writeInt(layerFiles.size());
        for (String f : layerFiles) {
            out.writeUTF(f);
        }
        relations.write(out, checkpointLsn);
        if (embeddedCommits != null) {
            throw new IllegalStateException("the embedded commit index is read only");
        }
        out.writeInt(commitSegments.size());
        for (CommitSegment s : commitSegments) {
            s.writeSummary(out);
        }
        out.flush();
        CRC32C crc = new CRC32C();
        crc.update(bytes.toByteArray());
        out.writeInt((int) crc.getValue());
        FileUtil.writeAtomically(dir.resolve(NAME), bytes.toByteArray());
    }

    /** The manifest in {@code dir}, or null if the timeline was never checkpointed. */
    static CheckpointManifest read(Path dir) throws IOException {
        Path file = dir.resolve(NAME);
        if (!Files.exists(file)) {
            return null;
        }
        byte[] all = Files.readAllBytes(file);
        CRC32C crc = new CRC32C();
        crc.update(all, 0, Math.max(0, all.length - 4));
        boolean embedded = all.length >= MAGIC.length
                && Arrays.equals(all, 0, MAGIC.length, MAGIC_EMBEDDED_COMMITS, 0, MAGIC.length);
        if (all.length < MAGIC.length + 4 || !(embedded || Arrays.equals(all, 0, MAGIC.length, MAGIC, 0, MAGIC.length))
                || (int) crc.getValue() != java.nio.ByteBuffer.wrap(all, all.length - 4, 4).getInt()) {
            throw new StorageException(StorageException.Reason.CORRUPTED, "checkpoint file " + file + " is corrupt");
        }
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(all, MAGIC.length, all.length - MAGIC.length - 4));
        long checkpointLsn = in.readLong();
        long gcCutoff = in.readLong();
        int n = in.readInt();
        List<String> files = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            files.add(in.readUTF());
        }
        RelationHistory relations = RelationHistory.read(in);
        if (embedded) {
            return new CheckpointManifest(checkpointLsn, gcCutoff, files, relations, List.of(), CommitIndex.readEmbedded(in));
        }
        int segments = in.readInt();
        List<CommitSegment> commitSegments = new ArrayList<>(segments);
        for (int i = 0; i < segments; i++) {
            commitSegments.add(CommitSegment.readSummary(in));
        }
        return new CheckpointManifest(checkpointLsn, gcCutoff, files, relations, commitSegments, null);
    }
}
