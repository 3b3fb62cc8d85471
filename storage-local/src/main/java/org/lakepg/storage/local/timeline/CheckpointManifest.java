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
 * history and commit index stored here, cut at that LSN) hold every record, and the GC horizon. Replaced atomically; a layer file
 * not named here is an orphan of an interrupted checkpoint or compaction.
 */
record CheckpointManifest(long checkpointLsn, long gcCutoff, List<String> layerFiles, RelationHistory relations,
        CommitIndex commits) {

    static final String NAME = "checkpoint";
    private static final byte[] MAGIC = "LPGCKPT1".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

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
        commits.write(out, checkpointLsn);
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
        if (all.length < MAGIC.length + 4 || !Arrays.equals(all, 0, MAGIC.length, MAGIC, 0, MAGIC.length)
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
        return new CheckpointManifest(checkpointLsn, gcCutoff, files, RelationHistory.read(in), CommitIndex.read(in));
    }
}
