package org.lakepg.server.textsearch;

import java.util.Locale;

/**
 * A built-in text search configuration: the default parser and, per token type, the dictionary
 * PostgreSQL's initdb maps it to (pg_ts_config_map of "simple" and "english").
 */
public enum Configuration {
    SIMPLE(3748, "simple", "simple configuration"),
    ENGLISH(13164, "english", "configuration for english language");

    public static final long PARSER_OID = 3722;

    private final long oid;
    private final String configName;
    private final String description;

    Configuration(long oid, String name, String description) {
        this.oid = oid;
        this.configName = name;
        this.description = description;
    }

    public long oid() {
        return oid;
    }

    public String configName() {
        return configName;
    }

    public String description() {
        return description;
    }

    /** The dictionary for a token type; null when the configuration ignores that type (blank, tag ...). */
    public Dictionary dictionary(int tokenType) {
        boolean mapped = switch (tokenType) {
            case TokenTypes.SPACE, TokenTypes.TAG, TokenTypes.PROTOCOL, TokenTypes.XMLENTITY -> false;
            default -> tokenType >= 1 && tokenType <= TokenTypes.LAST;
        };
        if (!mapped) {
            return null;
        }
        if (this == SIMPLE) {
            return Dictionary.SIMPLE;
        }
        return switch (tokenType) {
            case TokenTypes.ASCIIWORD, TokenTypes.WORD, TokenTypes.PARTHWORD, TokenTypes.ASCIIPARTHWORD,
                 TokenTypes.ASCIIHWORD, TokenTypes.HWORD -> Dictionary.ENGLISH_STEM;
            default -> Dictionary.SIMPLE;
        };
    }

    public static Configuration byOid(long oid) {
        for (Configuration c : values()) {
            if (c.oid == oid) {
                return c;
            }
        }
        return null;
    }

    /** A name as regconfig input gives it: optionally pg_catalog-qualified, quoted or not. */
    public static Configuration byName(String name) {
        String n = name.trim();
        if (n.startsWith("pg_catalog.")) {
            n = n.substring("pg_catalog.".length());
        }
        if (n.length() >= 2 && n.startsWith("\"") && n.endsWith("\"")) {
            n = n.substring(1, n.length() - 1);
        } else {
            n = n.toLowerCase(Locale.ROOT);
        }
        for (Configuration c : values()) {
            if (c.configName.equals(n)) {
                return c;
            }
        }
        return null;
    }
}
