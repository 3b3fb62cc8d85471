package org.lakepg.server.function.srf;

import java.util.ArrayList;
import java.util.List;
import org.lakepg.server.function.scalar.TextSearchConfigFunctions;
import org.lakepg.server.textsearch.Configuration;
import org.lakepg.server.textsearch.Dictionary;
import org.lakepg.server.textsearch.DefaultParser;
import org.lakepg.server.textsearch.TokenTypes;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;
import org.lakepg.wire.types.PgArray;
import org.lakepg.wire.types.PgTsVector;

/** Text search row functions: unnest(tsvector), ts_token_type and ts_parse of the default parser. */
final class TextSearchRows {
    private TextSearchRows() {}

    static void register(SetReturningFunctions r) {
        r.register("tsvector_unnest", (x, c) -> {
            List<Object[]> rows = new ArrayList<>();
            for (PgTsVector.Lexeme l : ((PgTsVector) x[0]).lexemes()) {
                if (l.positions().isEmpty()) {
                    rows.add(new Object[] {l.word(), null, null});
                    continue;
                }
                Object[] positions = new Object[l.positions().size()];
                Object[] weights = new Object[l.positions().size()];
                for (int i = 0; i < positions.length; i++) {
                    int p = l.positions().get(i);
                    positions[i] = (short) PgTsVector.position(p);
                    weights[i] = String.valueOf((char) ('D' - PgTsVector.weight(p)));
                }
                rows.add(new Object[] {l.word(), PgArray.of(21, positions), PgArray.of(25, weights)});
            }
            return rows.iterator();
        });
        // ts_debug(regconfig, text) and ts_debug(text), SQL functions in PostgreSQL, by their OIDs
        r.register("oid:6183", (x, c) -> debug(TextSearchConfigFunctions.config(x[0]), (String) x[1]));
        r.register("oid:6184", (x, c) -> debug(TextSearchConfigFunctions.current(c), (String) x[0]));
        r.register("ts_token_type_byid", (x, c) -> tokenTypes(parserById(x[0])));
        r.register("ts_token_type_byname", (x, c) -> tokenTypes(parserByName((String) x[0])));
        r.register("ts_parse_byid", (x, c) -> parse(parserById(x[0]), (String) x[1]));
        r.register("ts_parse_byname", (x, c) -> parse(parserByName((String) x[0]), (String) x[1]));
    }

    /** ts_debug: each token with its type, the dictionaries mapped to it and what the first one made of it. */
    private static java.util.Iterator<Object[]> debug(Configuration config, String text) {
        List<Object[]> rows = new ArrayList<>();
        for (DefaultParser.Token t : DefaultParser.parse(text)) {
            Dictionary d = config.dictionary(t.type());
            Object[] dictionaries = d == null ? new Object[0] : new Object[] {d.oid()};
            rows.add(new Object[] {TokenTypes.alias(t.type()), TokenTypes.description(t.type()), t.text(),
                    PgArray.of(3769, dictionaries), d == null ? null : d.oid(),
                    d == null ? null : PgArray.of(25, d.lexize(t.text()).toArray())});
        }
        return rows.iterator();
    }

    private static long parserById(Object oid) {
        long id = ((Number) oid).longValue();
        if (id != Configuration.PARSER_OID) {
            throw PgException.of(SqlState.UNDEFINED_OBJECT, "text search parser %d does not exist", id);
        }
        return id;
    }

    private static long parserByName(String name) {
        String n = name.startsWith("pg_catalog.") ? name.substring("pg_catalog.".length()) : name;
        if (!n.equals("default")) {
            throw PgException.of(SqlState.UNDEFINED_OBJECT, "text search parser \"%s\" does not exist", name);
        }
        return Configuration.PARSER_OID;
    }

    private static java.util.Iterator<Object[]> tokenTypes(long parser) {
        List<Object[]> rows = new ArrayList<>();
        for (int t = 1; t <= TokenTypes.LAST; t++) {
            rows.add(new Object[] {t, TokenTypes.alias(t), TokenTypes.description(t)});
        }
        return rows.iterator();
    }

    private static java.util.Iterator<Object[]> parse(long parser, String text) {
        return DefaultParser.parse(text).stream().map(t -> new Object[] {t.type(), t.text()}).iterator();
    }
}
