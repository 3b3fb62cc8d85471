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
        r.register("ts_stat1", (x, c) -> stat(c.runQuery((String) x[0]), 0));
        r.register("ts_stat2", (x, c) -> stat(c.runQuery((String) x[0]), weightMask((String) x[1])));
        r.register("ts_token_type_byid", (x, c) -> tokenTypes(parserById(x[0])));
        r.register("ts_token_type_byname", (x, c) -> tokenTypes(parserByName((String) x[0])));
        r.register("ts_parse_byid", (x, c) -> parse(parserById(x[0]), (String) x[1]));
        r.register("ts_parse_byname", (x, c) -> parse(parserByName((String) x[0]), (String) x[1]));
    }

    private static int weightMask(String weights) {
        int mask = 0;
        for (char w : weights.toCharArray()) {
            mask |= switch (w) {
                case 'A', 'a' -> 1 << 3;
                case 'B', 'b' -> 1 << 2;
                case 'C', 'c' -> 1 << 1;
                case 'D', 'd' -> 1;
                default -> throw PgException.of(SqlState.INVALID_PARAMETER_VALUE, "unrecognized weight: \"%c\"", w);
            };
        }
        return mask;
    }

    /** ts_stat: per lexeme, the documents it is in and its number of entries (positions of the wanted weights). */
    private static java.util.Iterator<Object[]> stat(org.lakepg.server.function.FunctionContext.QueryRows rows,
                                                     int mask) {
        if (rows.types().length != 1 || rows.types()[0] != 3614) {
            throw PgException.of(SqlState.INVALID_PARAMETER_VALUE, "ts_stat query must return one tsvector column");
        }
        java.util.TreeMap<String, int[]> stats = new java.util.TreeMap<>(PgTsVector::compareWords);
        while (rows.rows().hasNext()) {
            Object value = rows.rows().next()[0];
            if (value == null) {
                continue;
            }
            for (PgTsVector.Lexeme l : ((PgTsVector) value).lexemes()) {
                int n;
                if (mask == 0) {
                    n = l.positions().isEmpty() ? 1 : l.positions().size();
                } else {
                    n = 0;
                    for (int p : l.positions()) {
                        if ((mask & (1 << PgTsVector.weight(p))) != 0) {
                            n++;
                        }
                    }
                }
                if (n == 0) {
                    continue;
                }
                int[] s = stats.computeIfAbsent(l.word(), w -> new int[2]);
                s[0]++;
                s[1] += n;
            }
        }
        List<Object[]> out = new ArrayList<>();
        stats.forEach((word, s) -> out.add(new Object[] {word, s[0], s[1]}));
        return out.iterator();
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
