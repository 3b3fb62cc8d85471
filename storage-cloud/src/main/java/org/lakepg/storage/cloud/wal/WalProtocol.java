package org.lakepg.storage.cloud.wal;

import java.util.List;
import java.util.Locale;
import org.lakepg.storage.cloud.safekeeper.SafekeeperAddress;

/**
 * How the WAL reaches the safekeepers ({@code --wal-protocol}): {@link #RAFT} (the default: the compute hands each
 * round to the Raft leader, which replicates it) or {@link #PROPOSER} (the compute ships each round to every
 * safekeeper itself and counts a majority; docs/safekeepers.md). Safekeepers, pageserver and computes of one
 * cluster must agree.
 */
public enum WalProtocol {
    RAFT,
    PROPOSER;

    /** The storage option and command-line flag that choose it. */
    public static final String OPTION = "wal_protocol";
    public static final String FLAG = "wal-protocol";

    public static WalProtocol parse(String name) {
        if (name == null || name.isBlank()) {
            return RAFT;
        }
        for (WalProtocol p : values()) {
            if (p.flagValue().equals(name.trim().toLowerCase(Locale.ROOT))) {
                return p;
            }
        }
        throw new IllegalArgumentException("--wal-protocol must be raft or proposer, not \"" + name + "\"");
    }

    /** Its name on a command line. */
    public String flagValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** A client of the safekeepers {@code members} speaking this protocol. */
    public WalQuorum connect(List<SafekeeperAddress> members) {
        return switch (this) {
            case RAFT -> SafekeeperClient.connect(members);
            case PROPOSER -> ProposerQuorum.connect(members);
        };
    }
}
