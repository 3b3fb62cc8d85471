package org.lakepg.wire.protocol.session;

import java.util.HashMap;
import java.util.Map;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;
import org.lakepg.wire.protocol.Portal;
import org.lakepg.wire.protocol.PreparedStatement;

/** A session's named and unnamed prepared statements and portals (the empty name is the unnamed one). */
final class ExtendedQueryState {
    private final Map<String, PreparedStatement> statements = new HashMap<>();
    private final Map<String, Portal> portals = new HashMap<>();
    private final Map<String, short[]> portalResultFormats = new HashMap<>();

    /** The unnamed statement is replaced silently; a named one must not exist yet. */
    void addStatement(String name, PreparedStatement statement) {
        if (!name.isEmpty() && statements.containsKey(name)) {
            statement.close();
            throw PgException.of(SqlState.DUPLICATE_PSTATEMENT, "prepared statement \"%s\" already exists", name);
        }
        PreparedStatement previous = statements.put(name, statement);
        if (previous != null) {
            previous.close();
        }
    }

    PreparedStatement statement(String name) {
        PreparedStatement statement = statements.get(name);
        if (statement == null) {
            throw name.isEmpty()
                    ? PgException.of(SqlState.INVALID_SQL_STATEMENT_NAME, "unnamed prepared statement does not exist")
                    : PgException.of(SqlState.INVALID_SQL_STATEMENT_NAME, "prepared statement \"%s\" does not exist", name);
        }
        return statement;
    }

    /** Checked before Bind runs, as PostgreSQL does when creating the portal. */
    void checkPortalNameFree(String name) {
        if (!name.isEmpty() && portals.containsKey(name)) {
            throw PgException.of(SqlState.DUPLICATE_CURSOR, "cursor \"%s\" already exists", name);
        }
    }

    void addPortal(String name, Portal portal, short[] resultFormats) {
        portalResultFormats.put(name, resultFormats.clone());
        Portal previous = portals.put(name, portal);
        if (previous != null) {
            previous.close();
        }
    }

    Portal portal(String name) {
        Portal portal = portals.get(name);
        if (portal == null) {
            throw PgException.of(SqlState.INVALID_CURSOR_NAME, "portal \"%s\" does not exist", name);
        }
        return portal;
    }

    /** The result format codes the portal was bound with. */
    short[] resultFormats(String name) {
        return portalResultFormats.getOrDefault(name, new short[0]);
    }

    void closeStatement(String name) {
        PreparedStatement statement = statements.remove(name);
        if (statement != null) {
            statement.close();
        }
    }

    void closePortal(String name) {
        Portal portal = portals.remove(name);
        portalResultFormats.remove(name);
        if (portal != null) {
            portal.close();
        }
    }

    /** Portals live only as long as their transaction. */
    void closeAllPortals() {
        portals.values().forEach(Portal::close);
        portals.clear();
        portalResultFormats.clear();
    }

    void closeAll() {
        closeAllPortals();
        statements.values().forEach(PreparedStatement::close);
        statements.clear();
    }
}
