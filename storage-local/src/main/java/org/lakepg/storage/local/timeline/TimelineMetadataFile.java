package org.lakepg.storage.local.timeline;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Properties;
import org.lakepg.storage.Lsn;
import org.lakepg.storage.Timeline;
import org.lakepg.storage.TimelineId;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;

/** {@code timeline.properties}: a timeline's identity, written once when it is created. */
final class TimelineMetadataFile {

    static final String NAME = "timeline.properties";

    private TimelineMetadataFile() {
    }

    /**
     * Writes the file into the new timeline's directory (fsynced; the caller fsyncs the directory). No temp file +
     * rename: a crash before the directory is registered leaves an unreadable file, and the directory is dropped.
     */
    static void writeNew(Path dir, Timeline timeline) throws IOException {
        Properties p = new Properties();
        p.setProperty("id", timeline.id().toString());
        if (timeline.parent() != null) {
            p.setProperty("parent", timeline.parent().toString());
        }
        p.setProperty("branch_lsn", timeline.branchLsn().toString());
        p.setProperty("name", timeline.name());
        p.setProperty("created", timeline.created().toString());
        StringWriter text = new StringWriter();
        p.store(text, "lakepg timeline");
        try (FileChannel channel = FileChannel.open(dir.resolve(NAME), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer bytes = ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            channel.force(true);
        }
    }

    static Timeline read(Path dir) throws IOException {
        Properties p = new Properties();
        p.load(new StringReader(Files.readString(dir.resolve(NAME), StandardCharsets.UTF_8)));
        String parent = p.getProperty("parent");
        return new Timeline(TimelineId.parse(p.getProperty("id")), parent == null ? null : TimelineId.parse(parent),
                Lsn.parse(p.getProperty("branch_lsn")), p.getProperty("name"), Instant.parse(p.getProperty("created")));
    }
}
