package org.lakepg.server.textsearch;

import static org.lakepg.server.textsearch.ParserStates.BINGO;
import static org.lakepg.server.textsearch.ParserStates.CLEAR;
import static org.lakepg.server.textsearch.ParserStates.CLRALL;
import static org.lakepg.server.textsearch.ParserStates.MERGE;
import static org.lakepg.server.textsearch.ParserStates.POP;
import static org.lakepg.server.textsearch.ParserStates.PUSH;
import static org.lakepg.server.textsearch.ParserStates.RERUN;

import java.util.ArrayList;
import java.util.List;
import org.lakepg.server.textsearch.ParserStates.Item;
import org.lakepg.server.textsearch.ParserStates.St;

/**
 * PostgreSQL's default text search parser ("default", OID 3722): the state machine of
 * wparser_def.c run over the text's code points, with its stack of pushed states that lets a
 * token be tried as a host, a file path, a hyphenated word ... and fall back when it is not one.
 */
public final class DefaultParser {

    /** One token: its type (see {@link TokenTypes}) and text. */
    public record Token(int type, String text) {
    }

    /** A parser position; pushed copies remember where to go on after a POP. */
    private static final class Position {
        int pos;
        int charlen;
        int lenToken;
        St state;
        Position prev;
        int pushedAt = -1;

        Position copy() {
            Position p = new Position();
            p.pos = pos;
            p.charlen = charlen;
            p.lenToken = lenToken;
            p.state = state;
            p.prev = this;
            return p;
        }
    }

    private final int[] text;
    private final int offset;
    private final int length;
    private Position st;
    private boolean ignore;
    private boolean wantHost;
    private char c;
    private int tokenStart;
    private int tokenLength;
    private int type;

    private DefaultParser(int[] text, int offset) {
        this.text = text;
        this.offset = offset;
        this.length = text.length - offset;
        this.st = new Position();
        this.st.state = St.Base;
    }

    public static List<Token> parse(String s) {
        DefaultParser p = new DefaultParser(s.codePoints().toArray(), 0);
        List<Token> out = new ArrayList<>();
        while (p.next()) {
            out.add(new Token(p.type, new String(p.text, p.offset + p.tokenStart, p.tokenLength)));
        }
        return out;
    }

    private int cur() {
        return text[offset + st.pos];
    }

    private boolean eq(char ch) {
        return st.charlen == 1 && cur() == ch;
    }

    private boolean test(Item item) {
        if (item.test() == ParserStates.Test.EOF) {
            return st.pos == length || st.charlen == 0;
        }
        if (st.charlen == 0) {
            // at the end only EOF and the flag tests can match (PostgreSQL looks at the terminating zero)
            return switch (item.test()) {
                case IGNORE -> ignore;
                case STOPHOST -> stopHost();
                case NOTALNUM -> true;
                default -> false;
            };
        }
        int cp = cur();
        return switch (item.test()) {
            case EOF -> false;
            case EQ -> eq(c);
            case ASCLET -> cp < 128 && Character.isLetter(cp);
            case ALPHA -> Character.isLetter(cp);
            case DIGIT -> cp >= '0' && cp <= '9';
            case ALNUM -> Character.isLetter(cp) || Character.isDigit(cp);
            case NOTALNUM -> !(Character.isLetter(cp) || Character.isDigit(cp));
            case SPACE -> Character.isWhitespace(cp);
            case XDIGIT -> cp < 128 && Character.digit(cp, 16) >= 0;
            case SPECIAL -> isSpecial(cp);
            case IGNORE -> ignore;
            case STOPHOST -> stopHost();
            case HOST -> isHost();
            case URLPATH -> isUrlPath();
            case URLCHAR -> isUrlChar(cp);
        };
    }

    /** Zero-width and combining marks continue a word without being letters (p_isspecial). */
    private static boolean isSpecial(int cp) {
        int t = Character.getType(cp);
        return t == Character.NON_SPACING_MARK || t == Character.ENCLOSING_MARK
                || t == Character.COMBINING_SPACING_MARK || t == Character.FORMAT;
    }

    private static boolean isUrlChar(int cp) {
        if (cp <= 0x20 || cp >= 0x7F) {
            return false;
        }
        return switch (cp) {
            case '"', '<', '>', '\\', '^', '`', '{', '|', '}' -> false;
            default -> true;
        };
    }

    private boolean stopHost() {
        if (wantHost) {
            wantHost = false;
            return true;
        }
        return false;
    }

    private boolean isHost() {
        DefaultParser sub = new DefaultParser(text, offset + st.pos);
        sub.wantHost = true;
        return absorb(sub, TokenTypes.HOST);
    }

    private boolean isUrlPath() {
        DefaultParser sub = new DefaultParser(text, offset + st.pos);
        sub.st = sub.st.copy();
        sub.st.state = St.InURLPathFirst;
        return absorb(sub, TokenTypes.URLPATH);
    }

    /** Runs a sub-parser from here; when it finds a token of the wanted type, this token grows by it. */
    private boolean absorb(DefaultParser sub, int wanted) {
        if (sub.next() && sub.type == wanted) {
            st.pos += sub.tokenLength;
            st.lenToken += sub.tokenLength;
            st.charlen = sub.st.charlen;
            return true;
        }
        return false;
    }

    private boolean tokenStartsWith(String prefix) {
        if (st.lenToken != prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            int cp = text[offset + tokenStart + i];
            if (Character.toLowerCase(cp) != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private void special(ParserStates.Special s) {
        switch (s) {
            case TAGS -> {
                if (tokenStartsWith("</script") || tokenStartsWith("</style")) {
                    ignore = false;
                } else if (tokenStartsWith("<script") || tokenStartsWith("<style")) {
                    ignore = true;
                }
            }
            case FURL -> {
                wantHost = true;
                st.pos -= st.lenToken;
            }
            case HYPHEN -> st.pos -= st.lenToken;
            case VERVERSION -> {
                st.pos -= st.lenToken;
                st.lenToken = 0;
            }
        }
    }

    private boolean next() {
        if (st.pos >= length) {
            return false;
        }
        tokenStart = st.pos;
        st.pushedAt = -1;
        Item item = null;
        while (st.pos <= length) {
            st.charlen = st.pos == length ? 0 : 1;
            Item[] items = ParserStates.actions(st.state);
            int idx = 0;
            if (st.pushedAt >= 0) {
                idx = st.pushedAt + 1;
                st.pushedAt = -1;
            }
            while (items[idx].test() != null) {
                c = items[idx].c();
                if (test(items[idx])) {
                    break;
                }
                idx++;
            }
            item = items[idx];
            if (item.special() != null) {
                special(item.special());
            }
            int flags = item.flags();
            if ((flags & BINGO) != 0) {
                tokenLength = st.lenToken;
                st.lenToken = 0;
                type = item.type();
            }
            if ((flags & POP) != 0) {
                st = st.prev;
            } else if ((flags & PUSH) != 0) {
                st.pushedAt = idx;
                st = st.copy();
            } else if ((flags & CLEAR) != 0) {
                st.prev = st.prev.prev;
            } else if ((flags & CLRALL) != 0) {
                st.prev = null;
            } else if ((flags & MERGE) != 0) {
                Position p = st;
                st = st.prev;
                st.pos = p.pos;
                st.charlen = p.charlen;
                st.lenToken = p.lenToken;
            }
            if (item.to() != St.Null) {
                st.state = item.to();
            }
            if ((flags & BINGO) != 0 || (st.pos >= length && (flags & RERUN) == 0)) {
                break;
            }
            if ((flags & (RERUN | POP)) != 0) {
                continue;
            }
            if (st.charlen != 0) {
                st.pos++;
                st.lenToken++;
            }
        }
        return item != null && (item.flags() & BINGO) != 0;
    }
}
