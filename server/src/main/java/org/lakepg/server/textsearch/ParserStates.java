package org.lakepg.server.textsearch;

import static org.lakepg.server.textsearch.TokenTypes.ASCIIHWORD;
import static org.lakepg.server.textsearch.TokenTypes.ASCIIPARTHWORD;
import static org.lakepg.server.textsearch.TokenTypes.ASCIIWORD;
import static org.lakepg.server.textsearch.TokenTypes.DECIMAL;
import static org.lakepg.server.textsearch.TokenTypes.EMAIL;
import static org.lakepg.server.textsearch.TokenTypes.FILEPATH;
import static org.lakepg.server.textsearch.TokenTypes.HOST;
import static org.lakepg.server.textsearch.TokenTypes.HWORD;
import static org.lakepg.server.textsearch.TokenTypes.NUMHWORD;
import static org.lakepg.server.textsearch.TokenTypes.NUMPARTHWORD;
import static org.lakepg.server.textsearch.TokenTypes.NUMWORD;
import static org.lakepg.server.textsearch.TokenTypes.PARTHWORD;
import static org.lakepg.server.textsearch.TokenTypes.PROTOCOL;
import static org.lakepg.server.textsearch.TokenTypes.SCIENTIFIC;
import static org.lakepg.server.textsearch.TokenTypes.SIGNEDINT;
import static org.lakepg.server.textsearch.TokenTypes.SPACE;
import static org.lakepg.server.textsearch.TokenTypes.TAG;
import static org.lakepg.server.textsearch.TokenTypes.UNSIGNEDINT;
import static org.lakepg.server.textsearch.TokenTypes.URL;
import static org.lakepg.server.textsearch.TokenTypes.URLPATH;
import static org.lakepg.server.textsearch.TokenTypes.VERSION;
import static org.lakepg.server.textsearch.TokenTypes.WORD;
import static org.lakepg.server.textsearch.TokenTypes.XMLENTITY;

import java.util.EnumMap;
import java.util.Map;

/**
 * The default parser's state/action table (wparser_def.c's actionTPS_* arrays): per state, the
 * character tests tried in order and what the first matching one does.
 */
final class ParserStates {
    private ParserStates() {}

    static final int NEXT = 0;
    static final int BINGO = 0x1;
    static final int POP = 0x2;
    static final int PUSH = 0x4;
    static final int RERUN = 0x8;
    static final int CLEAR = 0x10;
    static final int MERGE = 0x20;
    static final int CLRALL = 0x40;

    enum St {
        Base, InNumWord, InAsciiWord, InWord, InUnsignedInt, InSignedIntFirst, InSignedInt, InSpace,
        InUDecimalFirst, InUDecimal, InDecimalFirst, InDecimal, InVerVersion, InSVerVersion, InVersionFirst,
        InVersion, InMantissaFirst, InMantissaSign, InMantissa, InXMLEntityFirst, InXMLEntity, InXMLEntityNumFirst,
        InXMLEntityNum, InXMLEntityHexNumFirst, InXMLEntityHexNum, InXMLEntityEnd, InTagFirst, InXMLBegin,
        InTagCloseFirst, InTagName, InTagBeginEnd, InTag, InTagEscapeK, InTagEscapeKK, InTagBackSleshed, InTagEnd,
        InCommentFirst, InCommentLast, InComment, InCloseCommentFirst, InCloseCommentLast, InCommentEnd,
        InHostFirstDomain, InHostDomainSecond, InHostDomain, InPortFirst, InPort, InHostFirstAN, InHost, InEmail,
        InFileFirst, InFileTwiddle, InPathFirst, InPathFirstFirst, InPathSecond, InFile, InFileNext,
        InURLPathFirst, InURLPathStart, InURLPath, InFURL, InProtocolFirst, InProtocolSecond, InProtocolEnd,
        InHyphenAsciiWordFirst, InHyphenAsciiWord, InHyphenWordFirst, InHyphenWord, InHyphenNumWordFirst,
        InHyphenNumWord, InHyphenDigitLookahead, InParseHyphen, InParseHyphenHyphen, InHyphenWordPart,
        InHyphenAsciiWordPart, InHyphenNumWordPart, InHyphenUnsignedInt, Null
    }

    enum Test { EOF, EQ, ASCLET, ALPHA, DIGIT, ALNUM, NOTALNUM, SPACE, XDIGIT, SPECIAL, IGNORE, STOPHOST, HOST,
        URLPATH, URLCHAR }

    enum Special { TAGS, FURL, HYPHEN, VERVERSION }

    /** test null = the default action that always applies. */
    record Item(Test test, char c, int flags, St to, int type, Special special) {
    }

    private static final Map<St, Item[]> TABLE = new EnumMap<>(St.class);

    static Item[] actions(St state) {
        return TABLE.get(state);
    }

    private static Item t(Test test, int flags, St to) {
        return new Item(test, '\0', flags, to, 0, null);
    }

    private static Item t(Test test, int flags, St to, int type) {
        return new Item(test, '\0', flags, to, type, null);
    }

    private static Item t(Test test, int flags, St to, int type, Special special) {
        return new Item(test, '\0', flags, to, type, special);
    }

    private static Item eq(char c, int flags, St to) {
        return new Item(Test.EQ, c, flags, to, 0, null);
    }

    private static Item eq(char c, int flags, St to, int type) {
        return new Item(Test.EQ, c, flags, to, type, null);
    }

    private static Item eq(char c, int flags, St to, int type, Special special) {
        return new Item(Test.EQ, c, flags, to, type, special);
    }

    private static Item otherwise(int flags, St to) {
        return new Item(null, '\0', flags, to, 0, null);
    }

    private static Item otherwise(int flags, St to, int type) {
        return new Item(null, '\0', flags, to, type, null);
    }

    private static Item otherwise(int flags, St to, int type, Special special) {
        return new Item(null, '\0', flags, to, type, special);
    }

    private static void state(St s, Item... items) {
        TABLE.put(s, items);
    }

    private static final Item EOF_POP = t(Test.EOF, POP, St.Null);
    private static final Item ELSE_POP = otherwise(POP, St.Null);

    static {
        state(St.Base, t(Test.EOF, NEXT, St.Null), eq('<', PUSH, St.InTagFirst), t(Test.IGNORE, NEXT, St.InSpace),
                t(Test.ASCLET, NEXT, St.InAsciiWord), t(Test.ALPHA, NEXT, St.InWord),
                t(Test.DIGIT, NEXT, St.InUnsignedInt), eq('-', PUSH, St.InSignedIntFirst),
                eq('+', PUSH, St.InSignedIntFirst), eq('&', PUSH, St.InXMLEntityFirst),
                eq('~', PUSH, St.InFileTwiddle), eq('/', PUSH, St.InFileFirst), eq('.', PUSH, St.InPathFirstFirst),
                otherwise(NEXT, St.InSpace));
        state(St.InNumWord, t(Test.EOF, BINGO, St.Base, NUMWORD), t(Test.ALNUM, NEXT, St.InNumWord),
                t(Test.SPECIAL, NEXT, St.InNumWord), eq('@', PUSH, St.InEmail), eq('/', PUSH, St.InFileFirst),
                eq('.', PUSH, St.InFileNext), eq('-', PUSH, St.InHyphenNumWordFirst),
                otherwise(BINGO, St.Base, NUMWORD));
        state(St.InAsciiWord, t(Test.EOF, BINGO, St.Base, ASCIIWORD), t(Test.ASCLET, NEXT, St.Null),
                eq('.', PUSH, St.InHostFirstDomain), eq('.', PUSH, St.InFileNext), eq('-', PUSH, St.InHostFirstAN),
                eq('-', PUSH, St.InHyphenAsciiWordFirst), eq('_', PUSH, St.InHostFirstAN),
                eq('@', PUSH, St.InEmail), eq(':', PUSH, St.InProtocolFirst), eq('/', PUSH, St.InFileFirst),
                t(Test.DIGIT, PUSH, St.InHost), t(Test.DIGIT, NEXT, St.InNumWord), t(Test.ALPHA, NEXT, St.InWord),
                t(Test.SPECIAL, NEXT, St.InWord), otherwise(BINGO, St.Base, ASCIIWORD));
        state(St.InWord, t(Test.EOF, BINGO, St.Base, WORD), t(Test.ALPHA, NEXT, St.Null),
                t(Test.SPECIAL, NEXT, St.Null), t(Test.DIGIT, NEXT, St.InNumWord),
                eq('-', PUSH, St.InHyphenWordFirst), otherwise(BINGO, St.Base, WORD));
        state(St.InUnsignedInt, t(Test.EOF, BINGO, St.Base, UNSIGNEDINT), t(Test.DIGIT, NEXT, St.Null),
                eq('.', PUSH, St.InHostFirstDomain), eq('.', PUSH, St.InUDecimalFirst),
                eq('e', PUSH, St.InMantissaFirst), eq('E', PUSH, St.InMantissaFirst),
                eq('-', PUSH, St.InHostFirstAN), eq('_', PUSH, St.InHostFirstAN), eq('@', PUSH, St.InEmail),
                t(Test.ASCLET, PUSH, St.InHost), t(Test.ALPHA, NEXT, St.InNumWord),
                t(Test.SPECIAL, NEXT, St.InNumWord), eq('/', PUSH, St.InFileFirst),
                otherwise(BINGO, St.Base, UNSIGNEDINT));
        state(St.InSignedIntFirst, EOF_POP, t(Test.DIGIT, NEXT | CLEAR, St.InSignedInt), ELSE_POP);
        state(St.InSignedInt, t(Test.EOF, BINGO, St.Base, SIGNEDINT), t(Test.DIGIT, NEXT, St.Null),
                eq('.', PUSH, St.InDecimalFirst), eq('e', PUSH, St.InMantissaFirst),
                eq('E', PUSH, St.InMantissaFirst), otherwise(BINGO, St.Base, SIGNEDINT));
        state(St.InSpace, t(Test.EOF, BINGO, St.Base, SPACE), eq('<', BINGO, St.Base, SPACE),
                t(Test.IGNORE, NEXT, St.Null), eq('-', BINGO, St.Base, SPACE), eq('+', BINGO, St.Base, SPACE),
                eq('&', BINGO, St.Base, SPACE), eq('/', BINGO, St.Base, SPACE),
                t(Test.NOTALNUM, NEXT, St.InSpace), otherwise(BINGO, St.Base, SPACE));
        state(St.InUDecimalFirst, EOF_POP, t(Test.DIGIT, CLEAR, St.InUDecimal), ELSE_POP);
        state(St.InUDecimal, t(Test.EOF, BINGO, St.Base, DECIMAL), t(Test.DIGIT, NEXT, St.InUDecimal),
                eq('.', PUSH, St.InVersionFirst), eq('e', PUSH, St.InMantissaFirst),
                eq('E', PUSH, St.InMantissaFirst), otherwise(BINGO, St.Base, DECIMAL));
        state(St.InDecimalFirst, EOF_POP, t(Test.DIGIT, CLEAR, St.InDecimal), ELSE_POP);
        state(St.InDecimal, t(Test.EOF, BINGO, St.Base, DECIMAL), t(Test.DIGIT, NEXT, St.InDecimal),
                eq('.', PUSH, St.InVerVersion), eq('e', PUSH, St.InMantissaFirst),
                eq('E', PUSH, St.InMantissaFirst), otherwise(BINGO, St.Base, DECIMAL));
        state(St.InVerVersion, EOF_POP, t(Test.DIGIT, RERUN, St.InSVerVersion, 0, Special.VERVERSION), ELSE_POP);
        state(St.InSVerVersion, EOF_POP, t(Test.DIGIT, BINGO | CLRALL, St.InUnsignedInt, SPACE),
                otherwise(NEXT, St.Null));
        state(St.InVersionFirst, EOF_POP, t(Test.DIGIT, CLEAR, St.InVersion), ELSE_POP);
        state(St.InVersion, t(Test.EOF, BINGO, St.Base, VERSION), t(Test.DIGIT, NEXT, St.InVersion),
                eq('.', PUSH, St.InVersionFirst), otherwise(BINGO, St.Base, VERSION));
        state(St.InMantissaFirst, EOF_POP, t(Test.DIGIT, CLEAR, St.InMantissa), eq('+', NEXT, St.InMantissaSign),
                eq('-', NEXT, St.InMantissaSign), ELSE_POP);
        state(St.InMantissaSign, EOF_POP, t(Test.DIGIT, CLEAR, St.InMantissa), ELSE_POP);
        state(St.InMantissa, t(Test.EOF, BINGO, St.Base, SCIENTIFIC), t(Test.DIGIT, NEXT, St.InMantissa),
                otherwise(BINGO, St.Base, SCIENTIFIC));
        state(St.InXMLEntityFirst, EOF_POP, eq('#', NEXT, St.InXMLEntityNumFirst),
                t(Test.ASCLET, NEXT, St.InXMLEntity), eq(':', NEXT, St.InXMLEntity), eq('_', NEXT, St.InXMLEntity),
                ELSE_POP);
        state(St.InXMLEntity, EOF_POP, t(Test.ALNUM, NEXT, St.InXMLEntity), eq(':', NEXT, St.InXMLEntity),
                eq('_', NEXT, St.InXMLEntity), eq('.', NEXT, St.InXMLEntity), eq('-', NEXT, St.InXMLEntity),
                eq(';', NEXT, St.InXMLEntityEnd), ELSE_POP);
        state(St.InXMLEntityNumFirst, EOF_POP, eq('x', NEXT, St.InXMLEntityHexNumFirst),
                eq('X', NEXT, St.InXMLEntityHexNumFirst), t(Test.DIGIT, NEXT, St.InXMLEntityNum), ELSE_POP);
        state(St.InXMLEntityHexNumFirst, EOF_POP, t(Test.XDIGIT, NEXT, St.InXMLEntityHexNum), ELSE_POP);
        state(St.InXMLEntityNum, EOF_POP, t(Test.DIGIT, NEXT, St.InXMLEntityNum), eq(';', NEXT, St.InXMLEntityEnd),
                ELSE_POP);
        state(St.InXMLEntityHexNum, EOF_POP, t(Test.XDIGIT, NEXT, St.InXMLEntityHexNum),
                eq(';', NEXT, St.InXMLEntityEnd), ELSE_POP);
        state(St.InXMLEntityEnd, otherwise(BINGO | CLEAR, St.Base, XMLENTITY));
        state(St.InTagFirst, EOF_POP, eq('/', PUSH, St.InTagCloseFirst), eq('!', PUSH, St.InCommentFirst),
                eq('?', PUSH, St.InXMLBegin), t(Test.ASCLET, PUSH, St.InTagName), eq(':', PUSH, St.InTagName),
                eq('_', PUSH, St.InTagName), ELSE_POP);
        state(St.InXMLBegin, EOF_POP, eq('x', NEXT, St.InTag), ELSE_POP);
        state(St.InTagCloseFirst, EOF_POP, t(Test.ASCLET, NEXT, St.InTagName), ELSE_POP);
        state(St.InTagName, EOF_POP, eq('/', NEXT, St.InTagBeginEnd), eq('>', NEXT, St.InTagEnd, 0, Special.TAGS),
                t(Test.SPACE, NEXT, St.InTag, 0, Special.TAGS), t(Test.ALNUM, NEXT, St.Null),
                eq(':', NEXT, St.Null), eq('_', NEXT, St.Null), eq('.', NEXT, St.Null), eq('-', NEXT, St.Null),
                ELSE_POP);
        state(St.InTagBeginEnd, EOF_POP, eq('>', NEXT, St.InTagEnd), ELSE_POP);
        state(St.InTag, EOF_POP, eq('>', NEXT, St.InTagEnd, 0, Special.TAGS), eq('\'', NEXT, St.InTagEscapeK),
                eq('"', NEXT, St.InTagEscapeKK), t(Test.ASCLET, NEXT, St.Null), t(Test.DIGIT, NEXT, St.Null),
                eq('=', NEXT, St.Null), eq('-', NEXT, St.Null), eq('_', NEXT, St.Null), eq('#', NEXT, St.Null),
                eq('/', NEXT, St.Null), eq(':', NEXT, St.Null), eq('.', NEXT, St.Null), eq('&', NEXT, St.Null),
                eq('?', NEXT, St.Null), eq('%', NEXT, St.Null), eq('~', NEXT, St.Null),
                t(Test.SPACE, NEXT, St.Null, 0, Special.TAGS), ELSE_POP);
        state(St.InTagEscapeK, EOF_POP, eq('\\', PUSH, St.InTagBackSleshed), eq('\'', NEXT, St.InTag),
                otherwise(NEXT, St.InTagEscapeK));
        state(St.InTagEscapeKK, EOF_POP, eq('\\', PUSH, St.InTagBackSleshed), eq('"', NEXT, St.InTag),
                otherwise(NEXT, St.InTagEscapeKK));
        state(St.InTagBackSleshed, EOF_POP, otherwise(MERGE, St.Null));
        state(St.InTagEnd, otherwise(BINGO | CLRALL, St.Base, TAG));
        state(St.InCommentFirst, EOF_POP, eq('-', NEXT, St.InCommentLast), eq('D', NEXT, St.InTag),
                eq('d', NEXT, St.InTag), ELSE_POP);
        state(St.InCommentLast, EOF_POP, eq('-', NEXT, St.InComment), ELSE_POP);
        state(St.InComment, EOF_POP, eq('-', NEXT, St.InCloseCommentFirst), otherwise(NEXT, St.Null));
        state(St.InCloseCommentFirst, EOF_POP, eq('-', NEXT, St.InCloseCommentLast), otherwise(NEXT, St.InComment));
        state(St.InCloseCommentLast, EOF_POP, eq('-', NEXT, St.Null), eq('>', NEXT, St.InCommentEnd),
                otherwise(NEXT, St.InComment));
        state(St.InCommentEnd, otherwise(BINGO | CLRALL, St.Base, TAG));
        state(St.InHostFirstDomain, EOF_POP, t(Test.ASCLET, NEXT, St.InHostDomainSecond),
                t(Test.DIGIT, NEXT, St.InHost), ELSE_POP);
        state(St.InHostDomainSecond, EOF_POP, t(Test.ASCLET, NEXT, St.InHostDomain), t(Test.DIGIT, PUSH, St.InHost),
                eq('-', PUSH, St.InHostFirstAN), eq('_', PUSH, St.InHostFirstAN),
                eq('.', PUSH, St.InHostFirstDomain), eq('@', PUSH, St.InEmail), ELSE_POP);
        state(St.InHostDomain, t(Test.EOF, BINGO | CLRALL, St.Base, HOST), t(Test.ASCLET, NEXT, St.InHostDomain),
                t(Test.DIGIT, PUSH, St.InHost), eq(':', PUSH, St.InPortFirst), eq('-', PUSH, St.InHostFirstAN),
                eq('_', PUSH, St.InHostFirstAN), eq('.', PUSH, St.InHostFirstDomain), eq('@', PUSH, St.InEmail),
                t(Test.DIGIT, POP, St.Null), t(Test.STOPHOST, BINGO | CLRALL, St.InURLPathStart, HOST),
                eq('/', PUSH, St.InFURL), otherwise(BINGO | CLRALL, St.Base, HOST));
        state(St.InPortFirst, EOF_POP, t(Test.DIGIT, NEXT, St.InPort), ELSE_POP);
        state(St.InPort, t(Test.EOF, BINGO | CLRALL, St.Base, HOST), t(Test.DIGIT, NEXT, St.InPort),
                t(Test.STOPHOST, BINGO | CLRALL, St.InURLPathStart, HOST), eq('/', PUSH, St.InFURL),
                otherwise(BINGO | CLRALL, St.Base, HOST));
        state(St.InHostFirstAN, EOF_POP, t(Test.DIGIT, NEXT, St.InHost), t(Test.ASCLET, NEXT, St.InHost), ELSE_POP);
        state(St.InHost, EOF_POP, t(Test.DIGIT, NEXT, St.InHost), t(Test.ASCLET, NEXT, St.InHost),
                eq('@', PUSH, St.InEmail), eq('.', PUSH, St.InHostFirstDomain), eq('-', PUSH, St.InHostFirstAN),
                eq('_', PUSH, St.InHostFirstAN), ELSE_POP);
        state(St.InEmail, t(Test.STOPHOST, POP, St.Null), t(Test.HOST, BINGO | CLRALL, St.Base, EMAIL), ELSE_POP);
        state(St.InFileFirst, EOF_POP, t(Test.ASCLET, NEXT, St.InFile), t(Test.DIGIT, NEXT, St.InFile),
                eq('.', NEXT, St.InPathFirst), eq('_', NEXT, St.InFile), eq('~', PUSH, St.InFileTwiddle), ELSE_POP);
        state(St.InFileTwiddle, EOF_POP, t(Test.ASCLET, NEXT, St.InFile), t(Test.DIGIT, NEXT, St.InFile),
                eq('_', NEXT, St.InFile), eq('/', NEXT, St.InFileFirst), ELSE_POP);
        state(St.InPathFirst, EOF_POP, t(Test.ASCLET, NEXT, St.InFile), t(Test.DIGIT, NEXT, St.InFile),
                eq('_', NEXT, St.InFile), eq('.', NEXT, St.InPathSecond), eq('/', NEXT, St.InFileFirst), ELSE_POP);
        state(St.InPathFirstFirst, EOF_POP, eq('.', NEXT, St.InPathSecond), eq('/', NEXT, St.InFileFirst), ELSE_POP);
        state(St.InPathSecond, t(Test.EOF, BINGO | CLEAR, St.Base, FILEPATH), eq('/', NEXT | PUSH, St.InFileFirst),
                eq('/', BINGO | CLEAR, St.Base, FILEPATH), t(Test.SPACE, BINGO | CLEAR, St.Base, FILEPATH),
                ELSE_POP);
        state(St.InFile, t(Test.EOF, BINGO, St.Base, FILEPATH), t(Test.ASCLET, NEXT, St.InFile),
                t(Test.DIGIT, NEXT, St.InFile), eq('.', PUSH, St.InFileNext), eq('_', NEXT, St.InFile),
                eq('-', NEXT, St.InFile), eq('/', PUSH, St.InFileFirst), otherwise(BINGO, St.Base, FILEPATH));
        state(St.InFileNext, EOF_POP, t(Test.ASCLET, CLEAR, St.InFile), t(Test.DIGIT, CLEAR, St.InFile),
                eq('_', CLEAR, St.InFile), ELSE_POP);
        state(St.InURLPathFirst, EOF_POP, t(Test.URLCHAR, NEXT, St.InURLPath), ELSE_POP);
        state(St.InURLPathStart, otherwise(NEXT, St.InURLPath));
        state(St.InURLPath, t(Test.EOF, BINGO, St.Base, URLPATH), t(Test.URLCHAR, NEXT, St.InURLPath),
                otherwise(BINGO, St.Base, URLPATH));
        state(St.InFURL, EOF_POP, t(Test.URLPATH, BINGO | CLRALL, St.Base, URL, Special.FURL), ELSE_POP);
        state(St.InProtocolFirst, EOF_POP, eq('/', NEXT, St.InProtocolSecond), ELSE_POP);
        state(St.InProtocolSecond, EOF_POP, eq('/', NEXT, St.InProtocolEnd), ELSE_POP);
        state(St.InProtocolEnd, otherwise(BINGO | CLRALL, St.Base, PROTOCOL));
        state(St.InHyphenAsciiWordFirst, EOF_POP, t(Test.ASCLET, NEXT, St.InHyphenAsciiWord),
                t(Test.ALPHA, NEXT, St.InHyphenWord), t(Test.DIGIT, NEXT, St.InHyphenDigitLookahead), ELSE_POP);
        state(St.InHyphenAsciiWord, t(Test.EOF, BINGO | CLRALL, St.InParseHyphen, ASCIIHWORD, Special.HYPHEN),
                t(Test.ASCLET, NEXT, St.InHyphenAsciiWord), t(Test.ALPHA, NEXT, St.InHyphenWord),
                t(Test.SPECIAL, NEXT, St.InHyphenWord), t(Test.DIGIT, NEXT, St.InHyphenNumWord),
                eq('-', PUSH, St.InHyphenAsciiWordFirst),
                otherwise(BINGO | CLRALL, St.InParseHyphen, ASCIIHWORD, Special.HYPHEN));
        state(St.InHyphenWordFirst, EOF_POP, t(Test.ALPHA, NEXT, St.InHyphenWord),
                t(Test.DIGIT, NEXT, St.InHyphenDigitLookahead), ELSE_POP);
        state(St.InHyphenWord, t(Test.EOF, BINGO | CLRALL, St.InParseHyphen, HWORD, Special.HYPHEN),
                t(Test.ALPHA, NEXT, St.InHyphenWord), t(Test.SPECIAL, NEXT, St.InHyphenWord),
                t(Test.DIGIT, NEXT, St.InHyphenNumWord), eq('-', PUSH, St.InHyphenWordFirst),
                otherwise(BINGO | CLRALL, St.InParseHyphen, HWORD, Special.HYPHEN));
        state(St.InHyphenNumWordFirst, EOF_POP, t(Test.ALPHA, NEXT, St.InHyphenNumWord),
                t(Test.DIGIT, NEXT, St.InHyphenDigitLookahead), ELSE_POP);
        state(St.InHyphenNumWord, t(Test.EOF, BINGO | CLRALL, St.InParseHyphen, NUMHWORD, Special.HYPHEN),
                t(Test.ALNUM, NEXT, St.InHyphenNumWord), t(Test.SPECIAL, NEXT, St.InHyphenNumWord),
                eq('-', PUSH, St.InHyphenNumWordFirst),
                otherwise(BINGO | CLRALL, St.InParseHyphen, NUMHWORD, Special.HYPHEN));
        state(St.InHyphenDigitLookahead, EOF_POP, t(Test.DIGIT, NEXT, St.InHyphenDigitLookahead),
                t(Test.ALPHA, NEXT, St.InHyphenNumWord), t(Test.SPECIAL, NEXT, St.InHyphenNumWord), ELSE_POP);
        state(St.InParseHyphen, t(Test.EOF, RERUN, St.Base), t(Test.ASCLET, NEXT, St.InHyphenAsciiWordPart),
                t(Test.ALPHA, NEXT, St.InHyphenWordPart), t(Test.DIGIT, PUSH, St.InHyphenUnsignedInt),
                eq('-', PUSH, St.InParseHyphenHyphen), otherwise(RERUN, St.Base));
        state(St.InParseHyphenHyphen, EOF_POP, t(Test.ALNUM, BINGO | CLEAR, St.InParseHyphen, SPACE),
                t(Test.SPECIAL, BINGO | CLEAR, St.InParseHyphen, SPACE), ELSE_POP);
        state(St.InHyphenWordPart, t(Test.EOF, BINGO, St.Base, PARTHWORD), t(Test.ALPHA, NEXT, St.InHyphenWordPart),
                t(Test.SPECIAL, NEXT, St.InHyphenWordPart), t(Test.DIGIT, NEXT, St.InHyphenNumWordPart),
                otherwise(BINGO, St.InParseHyphen, PARTHWORD));
        state(St.InHyphenAsciiWordPart, t(Test.EOF, BINGO, St.Base, ASCIIPARTHWORD),
                t(Test.ASCLET, NEXT, St.InHyphenAsciiWordPart), t(Test.ALPHA, NEXT, St.InHyphenWordPart),
                t(Test.SPECIAL, NEXT, St.InHyphenWordPart), t(Test.DIGIT, NEXT, St.InHyphenNumWordPart),
                otherwise(BINGO, St.InParseHyphen, ASCIIPARTHWORD));
        state(St.InHyphenNumWordPart, t(Test.EOF, BINGO, St.Base, NUMPARTHWORD),
                t(Test.ALNUM, NEXT, St.InHyphenNumWordPart), t(Test.SPECIAL, NEXT, St.InHyphenNumWordPart),
                otherwise(BINGO, St.InParseHyphen, NUMPARTHWORD));
        state(St.InHyphenUnsignedInt, EOF_POP, t(Test.DIGIT, NEXT, St.Null),
                t(Test.ALPHA, CLEAR, St.InHyphenNumWordPart), t(Test.SPECIAL, CLEAR, St.InHyphenNumWordPart),
                ELSE_POP);
    }
}
