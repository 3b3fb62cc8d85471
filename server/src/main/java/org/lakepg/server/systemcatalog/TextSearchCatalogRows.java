package org.lakepg.server.systemcatalog;

import java.util.Map;
import org.lakepg.server.textsearch.Configuration;
import org.lakepg.server.textsearch.Dictionary;
import org.lakepg.server.textsearch.TokenTypes;

/**
 * pg_ts_parser, pg_ts_template, pg_ts_dict, pg_ts_config and pg_ts_config_map rows of the
 * built-in text search objects lakepg has (the default parser, the simple and snowball templates,
 * the simple and english_stem dictionaries, the simple and english configurations).
 */
final class TextSearchCatalogRows {
    private TextSearchCatalogRows() {}

    private static final long SIMPLE_TEMPLATE = 3727;
    private static final long SNOWBALL_TEMPLATE = 13150;

    static void register(Map<String, RowSource> sources) {
        sources.put("pg_catalog.pg_ts_parser", (catalog, out) -> out.add().set("oid", Configuration.PARSER_OID)
                .set("prsname", "default").set("prsnamespace", CatalogView.PG_CATALOG).set("prsstart", 3717L)
                .set("prstoken", 3718L).set("prsend", 3719L).set("prsheadline", 3720L).set("prslextype", 3721L));
        sources.put("pg_catalog.pg_ts_template", (catalog, out) -> {
            out.add().set("oid", SIMPLE_TEMPLATE).set("tmplname", "simple")
                    .set("tmplnamespace", CatalogView.PG_CATALOG).set("tmplinit", 3725L).set("tmpllexize", 3726L);
            out.add().set("oid", SNOWBALL_TEMPLATE).set("tmplname", "snowball")
                    .set("tmplnamespace", CatalogView.PG_CATALOG).set("tmplinit", 13148L).set("tmpllexize", 13149L);
        });
        sources.put("pg_catalog.pg_ts_dict", (catalog, out) -> {
            for (Dictionary d : Dictionary.values()) {
                boolean simple = d == Dictionary.SIMPLE;
                out.add().set("oid", d.oid()).set("dictname", d.dictName())
                        .set("dictnamespace", CatalogView.PG_CATALOG).set("dictowner", CatalogView.SUPERUSER_OID)
                        .set("dicttemplate", simple ? SIMPLE_TEMPLATE : SNOWBALL_TEMPLATE)
                        .set("dictinitoption", simple ? null : "language = 'english', stopwords = 'english'");
            }
        });
        sources.put("pg_catalog.pg_ts_config", (catalog, out) -> {
            for (Configuration c : Configuration.values()) {
                out.add().set("oid", c.oid()).set("cfgname", c.configName())
                        .set("cfgnamespace", CatalogView.PG_CATALOG).set("cfgowner", CatalogView.SUPERUSER_OID)
                        .set("cfgparser", Configuration.PARSER_OID);
            }
        });
        sources.put("pg_catalog.pg_ts_config_map", (catalog, out) -> {
            for (Configuration c : Configuration.values()) {
                for (int t = 1; t <= TokenTypes.LAST; t++) {
                    Dictionary d = c.dictionary(t);
                    if (d != null) {
                        out.add().set("mapcfg", c.oid()).set("maptokentype", t).set("mapseqno", 1)
                                .set("mapdict", d.oid());
                    }
                }
            }
        });
    }
}
