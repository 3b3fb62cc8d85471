package org.lakepg.server.textsearch;

/** The default text search parser's token types: ids, aliases and descriptions as ts_token_type shows them. */
public final class TokenTypes {
    private TokenTypes() {}

    public static final int ASCIIWORD = 1;
    public static final int WORD = 2;
    public static final int NUMWORD = 3;
    public static final int EMAIL = 4;
    public static final int URL = 5;
    public static final int HOST = 6;
    public static final int SCIENTIFIC = 7;
    public static final int VERSION = 8;
    public static final int NUMPARTHWORD = 9;
    public static final int PARTHWORD = 10;
    public static final int ASCIIPARTHWORD = 11;
    public static final int SPACE = 12;
    public static final int TAG = 13;
    public static final int PROTOCOL = 14;
    public static final int NUMHWORD = 15;
    public static final int ASCIIHWORD = 16;
    public static final int HWORD = 17;
    public static final int URLPATH = 18;
    public static final int FILEPATH = 19;
    public static final int DECIMAL = 20;
    public static final int SIGNEDINT = 21;
    public static final int UNSIGNEDINT = 22;
    public static final int XMLENTITY = 23;
    public static final int LAST = 23;

    private static final String[] ALIAS = {"", "asciiword", "word", "numword", "email", "url", "host", "sfloat",
            "version", "hword_numpart", "hword_part", "hword_asciipart", "blank", "tag", "protocol", "numhword",
            "asciihword", "hword", "url_path", "file", "float", "int", "uint", "entity"};

    private static final String[] DESCRIPTION = {"", "Word, all ASCII", "Word, all letters",
            "Word, letters and digits", "Email address", "URL", "Host", "Scientific notation", "Version number",
            "Hyphenated word part, letters and digits", "Hyphenated word part, all letters",
            "Hyphenated word part, all ASCII", "Space symbols", "XML tag", "Protocol head",
            "Hyphenated word, letters and digits", "Hyphenated word, all ASCII", "Hyphenated word, all letters",
            "URL path", "File or path name", "Decimal notation", "Signed integer", "Unsigned integer",
            "XML entity"};

    public static String alias(int type) {
        return ALIAS[type];
    }

    public static String description(int type) {
        return DESCRIPTION[type];
    }
}
