package org.lakepg.storage.cloud.proposer;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.lakepg.storage.StorageException;
import org.lakepg.storage.local.FileUtil;

/**
 * What a safekeeper must not forget about a timeline besides its WAL: the highest term it voted for and for which
 * proposer (a vote given twice could elect two proposers), the history of its log, the timeline's start, the last
 * commit LSN it wrote down and how far S3 let it trim. Replaced atomically (fsynced) on every change that matters
 * for safety; the commit LSN is also written then, but may lag in memory between those writes.
 */
record AcceptorControl(long term, UUID proposer, TermHistory history, long startLsn, long commitLsn, long trimmedUpTo) {

    static final String FILE = "control.properties";
    private static final UUID NOBODY = new UUID(0, 0);

    static AcceptorControl fresh(long startLsn) {
        return new AcceptorControl(0, NOBODY, TermHistory.EMPTY, startLsn, startLsn, startLsn);
    }

    AcceptorControl withVote(long newTerm, UUID by) {
        return new AcceptorControl(newTerm, by, history, startLsn, commitLsn, trimmedUpTo);
    }

    AcceptorControl withHistory(TermHistory newHistory) {
        return new AcceptorControl(term, proposer, newHistory, startLsn, commitLsn, trimmedUpTo);
    }

    AcceptorControl withCommit(long lsn) {
        return new AcceptorControl(term, proposer, history, startLsn, Math.max(commitLsn, lsn), trimmedUpTo);
    }

    AcceptorControl withTrimmed(long lsn) {
        return new AcceptorControl(term, proposer, history, startLsn, commitLsn, Math.max(trimmedUpTo, lsn));
    }

    /** The stored control of the timeline in {@code dir}, or null if there is none yet. */
    static AcceptorControl read(Path dir) {
        Path file = dir.resolve(FILE);
        if (!Files.exists(file)) {
            return null;
        }
        Properties p = new Properties();
        try {
            p.load(new StringReader(Files.readString(file, StandardCharsets.UTF_8)));
            List<TermHistory.TermStart> entries = new ArrayList<>();
            String history = p.getProperty("history", "");
            for (String entry : history.isEmpty() ? new String[0] : history.split(",")) {
                String[] parts = entry.split(":");
                entries.add(new TermHistory.TermStart(Long.parseLong(parts[0]), Long.parseLong(parts[1])));
            }
            return new AcceptorControl(Long.parseLong(p.getProperty("term")), UUID.fromString(p.getProperty("proposer")),
                    new TermHistory(entries), Long.parseLong(p.getProperty("start_lsn")),
                    Long.parseLong(p.getProperty("commit_lsn")), Long.parseLong(p.getProperty("trimmed_up_to")));
        } catch (IOException | RuntimeException e) {
            throw new StorageException(StorageException.Reason.CORRUPTED, "unreadable safekeeper control file " + file
                    + ": " + e.getMessage(), e);
        }
    }

    /** Writes this control into {@code dir}, durably, replacing the previous one. */
    void write(Path dir) {
        Properties p = new Properties();
        p.setProperty("term", Long.toString(term));
        p.setProperty("proposer", proposer.toString());
        StringBuilder h = new StringBuilder();
        for (TermHistory.TermStart t : history.entries()) {
            h.append(h.isEmpty() ? "" : ",").append(t.term()).append(':').append(t.lsn());
        }
        p.setProperty("history", h.toString());
        p.setProperty("start_lsn", Long.toString(startLsn));
        p.setProperty("commit_lsn", Long.toString(commitLsn));
        p.setProperty("trimmed_up_to", Long.toString(trimmedUpTo));
        StringWriter text = new StringWriter();
        try {
            p.store(text, null);
            FileUtil.writeAtomically(dir.resolve(FILE), text.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new StorageException(StorageException.Reason.IO, "could not write safekeeper control file in " + dir
                    + ": " + e.getMessage(), e);
        }
    }
}
