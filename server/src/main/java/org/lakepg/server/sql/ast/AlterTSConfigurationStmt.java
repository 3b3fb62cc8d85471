package org.lakepg.server.sql.ast;

import java.util.List;

/**
 * ALTER TEXT SEARCH CONFIGURATION name ADD / ALTER / DROP MAPPING ...; dicts holds the dictionaries (or the
 * replaced and replacing dictionary).
 */
public record AlterTSConfigurationStmt(
        Kind kind,
        List<String> cfgname,
        List<String> tokentype,
        List<List<String>> dicts,
        boolean override,
        boolean replace,
        boolean missingOk) implements Statement {
    public enum Kind { ADD_MAPPING, ALTER_MAPPING_FOR_TOKEN, REPLACE_DICT, REPLACE_DICT_FOR_TOKEN, DROP_MAPPING }
}
