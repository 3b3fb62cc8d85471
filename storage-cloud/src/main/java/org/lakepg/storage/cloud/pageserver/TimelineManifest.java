package org.lakepg.storage.cloud.pageserver;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import org.lakepg.storage.Lsn;
import org.lakepg.storage.StorageException;
import org.lakepg.storage.Timeline;
import org.lakepg.storage.TimelineId;

/**
 * The S3 truth of one timeline (like Neon's {@code index_part.json}): its identity (ancestor and branch LSN), the
 * layers that hold every record up to {@code consistentLsn} (names on disk and object keys; the commit segment files
 * the checkpoint names are among them), the GC cutoff, and the local store's checkpoint file (relation sizes and the
 * commit segments' summaries as of that LSN; small) so a pageserver with an empty disk can lay the timeline out again
 * and continue with the WAL after {@code consistentLsn}. Stored as a properties text, readable by people.
 */
record TimelineManifest(Timeline timeline, long generation, Lsn consistentLsn, Lsn gcCutoff, List<RemoteLayer> layers,
        byte[] checkpointFile) {

    /** One layer file: its name on disk, its object key, its size in bytes. */
    record RemoteLayer(String name, String key, long size) {
    }

    private static final String FORMAT = "1";

    TimelineManifest {
        Objects.requireNonNull(timeline, "timeline");
        layers = List.copyOf(layers);
    }

    byte[] encode() {
        Properties p = new Properties();
        p.setProperty("format", FORMAT);
        p.setProperty("timeline_id", timeline.id().toString());
        if (timeline.parent() != null) {
            p.setProperty("ancestor_timeline_id", timeline.parent().toString());
        }
        p.setProperty("branch_lsn", timeline.branchLsn().toString());
        p.setProperty("name", timeline.name());
        p.setProperty("created", timeline.created().toString());
        p.setProperty("generation", Long.toString(generation));
        p.setProperty("consistent_lsn", consistentLsn.toString());
        p.setProperty("gc_cutoff", gcCutoff.toString());
        p.setProperty("layer_count", Integer.toString(layers.size()));
        for (int i = 0; i < layers.size(); i++) {
            RemoteLayer layer = layers.get(i);
            p.setProperty("layer." + i + ".name", layer.name());
            p.setProperty("layer." + i + ".key", layer.key());
            p.setProperty("layer." + i + ".size", Long.toString(layer.size()));
        }
        p.setProperty("checkpoint", Base64.getEncoder().encodeToString(checkpointFile));
        StringWriter text = new StringWriter();
        try {
            p.store(text, "lakepg pageserver timeline manifest");
        } catch (IOException e) {
            throw new IllegalStateException(e); // a StringWriter does not fail
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    static TimelineManifest decode(String key, byte[] bytes) {
        try {
            Properties p = new Properties();
            p.load(new StringReader(new String(bytes, StandardCharsets.UTF_8)));
            if (!FORMAT.equals(p.getProperty("format"))) {
                throw new IllegalArgumentException("unknown format " + p.getProperty("format"));
            }
            String ancestor = p.getProperty("ancestor_timeline_id");
            Timeline timeline = new Timeline(TimelineId.parse(required(p, "timeline_id")),
                    ancestor == null ? null : TimelineId.parse(ancestor), Lsn.parse(required(p, "branch_lsn")),
                    required(p, "name"), Instant.parse(required(p, "created")));
            int count = Integer.parseInt(required(p, "layer_count"));
            List<RemoteLayer> layers = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                layers.add(new RemoteLayer(required(p, "layer." + i + ".name"), required(p, "layer." + i + ".key"),
                        Long.parseLong(required(p, "layer." + i + ".size"))));
            }
            return new TimelineManifest(timeline, Long.parseLong(required(p, "generation")),
                    Lsn.parse(required(p, "consistent_lsn")), Lsn.parse(required(p, "gc_cutoff")), layers,
                    Base64.getDecoder().decode(required(p, "checkpoint")));
        } catch (IOException | RuntimeException e) {
            throw new StorageException(StorageException.Reason.CORRUPTED,
                    "timeline manifest \"" + key + "\" is unreadable: " + e.getMessage(), e);
        }
    }

    private static String required(Properties p, String name) {
        String value = p.getProperty(name);
        if (value == null) {
            throw new IllegalArgumentException("missing \"" + name + "\"");
        }
        return value;
    }
}
