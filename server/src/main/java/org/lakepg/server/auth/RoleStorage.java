package org.lakepg.server.auth;

import java.util.List;

/** Where {@link Roles} keeps its state: text lines, replaced whole on every change (the cluster's @global). */
public interface RoleStorage {
    /** The stored lines; empty when nothing was stored yet. */
    List<String> load();

    void store(List<String> lines);
}
