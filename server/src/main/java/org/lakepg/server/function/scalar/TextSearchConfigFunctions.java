package org.lakepg.server.function.scalar;

import java.util.ArrayList;
import java.util.List;
import org.lakepg.server.function.FunctionContext;
import org.lakepg.server.function.FunctionRegistry;
import org.lakepg.server.textsearch.Configuration;
import org.lakepg.server.textsearch.Dictionary;
import org.lakepg.server.textsearch.Documents;
import org.lakepg.server.textsearch.Headline;
import org.lakepg.server.textsearch.JsonValues;
import org.lakepg.server.textsearch.QueryBuilder;
import org.lakepg.server.textsearch.WebSearchQuery;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;
import org.lakepg.wire.types.Jsonb;
import org.lakepg.wire.types.PgArray;
import org.lakepg.wire.types.PgTsQuery;
import org.lakepg.wire.types.PgTsVector;
import org.lakepg.wire.types.TsText;

/**
 * The text search functions that use a configuration: to_tsvector (text, json, jsonb),
 * to_tsquery, plainto_/phraseto_/websearch_to_tsquery, ts_headline, ts_lexize, text @@ query and
 * get_current_ts_config; without a configuration argument they use default_text_search_config.
 */
public final class TextSearchConfigFunctions {
    private TextSearchConfigFunctions() {}

    public static void register(FunctionRegistry r) {
        r.register("get_current_ts_config", (x, c) -> current(c).oid());
        r.register("to_tsvector", (x, c) -> Documents.toVector(current(c), (String) x[0]));
        r.register("to_tsvector_byid", (x, c) -> Documents.toVector(config(x[0]), (String) x[1]));
        r.register("to_tsquery", (x, c) -> toTsquery(c, current(c), (String) x[0]));
        r.register("to_tsquery_byid", (x, c) -> toTsquery(c, config(x[0]), (String) x[1]));
        r.register("plainto_tsquery", (x, c) -> plain(c, current(c), (String) x[0], PgTsQuery.Op.AND));
        r.register("plainto_tsquery_byid", (x, c) -> plain(c, config(x[0]), (String) x[1], PgTsQuery.Op.AND));
        r.register("phraseto_tsquery", (x, c) -> plain(c, current(c), (String) x[0], PgTsQuery.Op.PHRASE));
        r.register("phraseto_tsquery_byid", (x, c) -> plain(c, config(x[0]), (String) x[1], PgTsQuery.Op.PHRASE));
        r.register("websearch_to_tsquery", (x, c) -> websearch(c, current(c), (String) x[0]));
        r.register("websearch_to_tsquery_byid", (x, c) -> websearch(c, config(x[0]), (String) x[1]));
        r.register("ts_match_tt", (x, c) -> TextSearchMatch.matches(Documents.toVector(current(c), (String) x[0]),
                plain(c, current(c), (String) x[1], PgTsQuery.Op.AND)));
        r.register("ts_match_tq", (x, c) -> TextSearchMatch.matches(Documents.toVector(current(c), (String) x[0]),
                (PgTsQuery) x[1]));

        r.register("json_string_to_tsvector", (x, c) -> jsonVector(current(c), x[0], JsonValues.STRING));
        r.register("json_string_to_tsvector_byid", (x, c) -> jsonVector(config(x[0]), x[1], JsonValues.STRING));
        r.register("jsonb_string_to_tsvector", (x, c) -> jsonVector(current(c), x[0], JsonValues.STRING));
        r.register("jsonb_string_to_tsvector_byid", (x, c) -> jsonVector(config(x[0]), x[1], JsonValues.STRING));
        r.register("json_to_tsvector", (x, c) -> jsonVector(current(c), x[0], JsonValues.flags((Jsonb) x[1])));
        r.register("json_to_tsvector_byid", (x, c) -> jsonVector(config(x[0]), x[1],
                JsonValues.flags((Jsonb) x[2])));
        r.register("jsonb_to_tsvector", (x, c) -> jsonVector(current(c), x[0], JsonValues.flags((Jsonb) x[1])));
        r.register("jsonb_to_tsvector_byid", (x, c) -> jsonVector(config(x[0]), x[1],
                JsonValues.flags((Jsonb) x[2])));

        r.register("ts_headline", (x, c) -> headline(current(c), x[0], x[1], null));
        r.register("ts_headline_opt", (x, c) -> headline(current(c), x[0], x[1], (String) x[2]));
        r.register("ts_headline_byid", (x, c) -> headline(config(x[0]), x[1], x[2], null));
        r.register("ts_headline_byid_opt", (x, c) -> headline(config(x[0]), x[1], x[2], (String) x[3]));
        for (String kind : new String[] {"json", "jsonb"}) {
            r.register("ts_headline_" + kind, (x, c) -> jsonHeadline(current(c), x[0], x[1], null));
            r.register("ts_headline_" + kind + "_opt",
                    (x, c) -> jsonHeadline(current(c), x[0], x[1], (String) x[2]));
            r.register("ts_headline_" + kind + "_byid", (x, c) -> jsonHeadline(config(x[0]), x[1], x[2], null));
            r.register("ts_headline_" + kind + "_byid_opt",
                    (x, c) -> jsonHeadline(config(x[0]), x[1], x[2], (String) x[3]));
        }
        r.register("ts_lexize", (x, c) -> {
            Dictionary d = Dictionary.byOid(((Number) x[0]).longValue());
            if (d == null) {
                throw PgException.of(SqlState.UNDEFINED_OBJECT, "text search dictionary %d does not exist",
                        ((Number) x[0]).longValue());
            }
            return PgArray.of(25, d.lexize((String) x[1]).toArray());
        });
    }

    /** default_text_search_config of the session. */
    public static Configuration current(FunctionContext c) {
        String name = c.setting("default_text_search_config");
        Configuration config = name == null ? Configuration.ENGLISH : Configuration.byName(name);
        if (config == null) {
            throw PgException.of(SqlState.UNDEFINED_OBJECT, "text search configuration \"%s\" does not exist",
                    name);
        }
        return config;
    }

    public static Configuration config(Object oid) {
        long id = ((Number) oid).longValue() & 0xFFFFFFFFL;
        Configuration config = Configuration.byOid(id);
        if (config == null) {
            throw PgException.of(SqlState.UNDEFINED_OBJECT, "text search configuration %d does not exist", id);
        }
        return config;
    }

    private static void notice(FunctionContext c, String message, Object... args) {
        try {
            c.catalogView().sources().notice(PgException.of(SqlState.SUCCESSFUL_COMPLETION, message, args)
                    .withSeverity(PgException.Severity.NOTICE));
        } catch (PgException e) {
            // no session to send it to (a function evaluated while planning): PostgreSQL would show it, we skip it
        }
    }

    private static PgTsQuery toTsquery(FunctionContext c, Configuration config, String text) {
        PgTsQuery parsed = TsText.parseQuery(text);
        if (parsed.root() == null) {
            notice(c, "text-search query doesn't contain lexemes: \"%s\"", text);
            return parsed;
        }
        return finish(c, QueryBuilder.normalize(config, parsed.root()));
    }

    private static PgTsQuery finish(FunctionContext c, QueryBuilder.Node node) {
        PgTsQuery q = QueryBuilder.finish(node);
        if (q.root() == null && node != null) {
            notice(c, "text-search query contains only stop words or doesn't contain lexemes, ignored");
        }
        return q;
    }

    private static PgTsQuery plain(FunctionContext c, Configuration config, String text, PgTsQuery.Op op) {
        if (text.isEmpty()) {
            notice(c, "text-search query doesn't contain lexemes: \"%s\"", text);
            return new PgTsQuery(null);
        }
        return finish(c, QueryBuilder.morph(config, text, op, 0, false));
    }

    private static PgTsQuery websearch(FunctionContext c, Configuration config, String text) {
        PgTsQuery q = WebSearchQuery.parse(config, text);
        if (q == null) {
            return new PgTsQuery(null);
        }
        if (q.root() == null) {
            notice(c, "text-search query contains only stop words or doesn't contain lexemes, ignored");
        }
        return q;
    }

    /** Each selected json value parsed in turn; a value that gave lexemes is followed by a one-position gap. */
    private static PgTsVector jsonVector(Configuration config, Object json, int flags) {
        List<Documents.Word> words = new ArrayList<>();
        int[] pos = {0};
        java.util.function.Consumer<String> add = text -> {
            int before = words.size();
            pos[0] = Documents.parse(config, text, pos[0], words);
            if (words.size() > before) {
                pos[0]++;
            }
        };
        if (json instanceof Jsonb j) {
            JsonValues.forEach(j, flags, add);
        } else {
            JsonValues.forEach((String) json, flags, add);
        }
        return Documents.toVector(words);
    }

    private static String headline(Configuration config, Object document, Object query, String options) {
        return Headline.headline(config, (String) document, (PgTsQuery) query, Headline.Options.parse(options));
    }

    /** ts_headline of json or jsonb: every string value highlighted on its own. */
    private static Object jsonHeadline(Configuration config, Object document, Object query, String options) {
        Headline.Options o = Headline.Options.parse(options);
        PgTsQuery q = (PgTsQuery) query;
        if (document instanceof Jsonb j) {
            return JsonValues.transform(j, s -> Headline.headline(config, s, q, o));
        }
        return JsonValues.transform((String) document, s -> Headline.headline(config, s, q, o));
    }
}
