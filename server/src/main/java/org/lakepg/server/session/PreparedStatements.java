package org.lakepg.server.session;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lakepg.server.sql.ast.Statement;
import org.lakepg.server.systemcatalog.CatalogSources;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * The session's SQL-level prepared statements (PREPARE / EXECUTE / DEALLOCATE). A statement keeps its syntax tree
 * and the parameter types fixed at PREPARE; EXECUTE analyzes it again, so it follows later DDL as PostgreSQL's
 * plan cache does after an invalidation.
 */
final class PreparedStatements {

    /** One prepared statement; {@code text} is the query string that prepared it (pg_prepared_statements). */
    static final class Entry {
        final String name;
        final String text;
        final Statement statement;
        final long[] parameterTypes;
        final long prepareTime;
        long genericPlans;
        long customPlans;

        Entry(String name, String text, Statement statement, long[] parameterTypes, long prepareTime) {
            this.name = name;
            this.text = text;
            this.statement = statement;
            this.parameterTypes = parameterTypes;
            this.prepareTime = prepareTime;
        }

        /** Counts an execution the way PostgreSQL's plan cache chooses: five custom plans, then the generic one. */
        void executed() {
            if (parameterTypes.length == 0 || customPlans >= 5) {
                genericPlans++;
            } else {
                customPlans++;
            }
        }
    }

    private final Map<String, Entry> byName = new LinkedHashMap<>();

    void add(Entry entry) {
        if (byName.containsKey(entry.name)) {
            throw PgException.of(SqlState.DUPLICATE_PSTATEMENT, "prepared statement \"%s\" already exists", entry.name);
        }
        byName.put(entry.name, entry);
    }

    boolean exists(String name) {
        return byName.containsKey(name);
    }

    Entry get(String name) {
        Entry entry = byName.get(name);
        if (entry == null) {
            throw PgException.of(SqlState.UNDEFINED_PSTATEMENT, "prepared statement \"%s\" does not exist", name);
        }
        return entry;
    }

    /** DEALLOCATE name, or every statement for DEALLOCATE ALL (name null). */
    void deallocate(String name) {
        if (name == null) {
            byName.clear();
        } else {
            get(name);
            byName.remove(name);
        }
    }

    List<CatalogSources.PreparedStatementRow> rows() {
        List<CatalogSources.PreparedStatementRow> out = new ArrayList<>();
        for (Entry e : byName.values()) {
            out.add(new CatalogSources.PreparedStatementRow(e.name, e.text, e.prepareTime, e.parameterTypes.clone(), true,
                    e.genericPlans, e.customPlans));
        }
        return out;
    }
}
