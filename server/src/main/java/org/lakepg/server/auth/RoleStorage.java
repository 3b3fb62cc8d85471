package org.lakepg.server.auth;

import java.util.List;
import java.util.Optional;

/**
 * Where {@link Roles} keeps its state: text lines, replaced whole when a transaction that changed them commits (the
 * cluster's @global). ALTER DATABASE ... SET changes of the same transaction are stored with them, atomically.
 */
public interface RoleStorage {
    /** The stored lines; empty when nothing was stored yet. */
    List<String> load();

    /**
     * Stores a commit's changes, all or nothing; throws when they could not be stored.
     *
     * @param roleLines the new role lines, empty when the roles did not change
     * @param databaseSettings ALTER DATABASE ... SET changes, in order
     */
    void store(Optional<List<String>> roleLines, List<RoleChange.DatabaseSetting> databaseSettings);
}
