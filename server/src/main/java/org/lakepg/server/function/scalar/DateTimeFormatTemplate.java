package org.lakepg.server.function.scalar;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A to_char / to_timestamp template parsed into nodes as formatting.c's parse_format does:
 * patterns with their FM/TM prefix and TH/th/SP suffix, double-quoted literal text (backslash
 * escapes inside), and single characters classified as space, separator or other.
 */
final class DateTimeFormatTemplate {
    private DateTimeFormatTemplate() {}

    sealed interface Node permits Field, Literal {}

    /** A pattern; {@code fm} fill mode, {@code tm} translation mode, th/upperTh ordinal suffix. */
    record Field(DateTimeFormatKeyword key, boolean fm, boolean tm, boolean th, boolean upperTh) implements Node {
        boolean hasTh() {
            return th || upperTh;
        }
    }

    /** One character of literal text; {@code quoted} when it came from "..." (never a separator). */
    record Literal(char ch, boolean quoted) implements Node {
        boolean isSpace() {
            return !quoted && Character.isWhitespace(ch);
        }

        boolean isSeparator() {
            return !quoted && isSeparatorChar(ch);
        }
    }

    /** ASCII printable, but neither a letter nor a digit. */
    static boolean isSeparatorChar(char c) {
        return c > 0x20 && c < 0x7F && !(c >= 'A' && c <= 'Z') && !(c >= 'a' && c <= 'z') && !(c >= '0' && c <= '9');
    }

    /** Parsed templates by text: most calls repeat one template (PostgreSQL keeps a cache too). */
    private static final Map<String, List<Node>> CACHE = new ConcurrentHashMap<>();
    private static final int CACHE_LIMIT = 256;

    static List<Node> cached(String template) {
        List<Node> nodes = CACHE.get(template);
        if (nodes == null) {
            nodes = List.copyOf(parse(template));
            if (CACHE.size() >= CACHE_LIMIT) {
                CACHE.clear();
            }
            CACHE.put(template, nodes);
        }
        return nodes;
    }

    static List<Node> parse(String template) {
        List<Node> nodes = new ArrayList<>();
        int i = 0;
        int n = template.length();
        while (i < n) {
            boolean fm = false;
            boolean tm = false;
            if (template.startsWith("FM", i) || template.startsWith("fm", i)) {
                fm = true;
                i += 2;
            } else if (template.startsWith("TM", i) || template.startsWith("tm", i)) {
                tm = true;
                i += 2;
            }
            if (i >= n) {
                break;
            }
            DateTimeFormatKeyword key = DateTimeFormatKeyword.match(template, i);
            if (key != null) {
                i += key.pattern.length();
                boolean th = false;
                boolean upperTh = false;
                if (template.startsWith("TH", i)) {
                    upperTh = true;
                    i += 2;
                } else if (template.startsWith("th", i)) {
                    th = true;
                    i += 2;
                } else if (template.startsWith("SP", i)) {
                    i += 2;
                }
                nodes.add(new Field(key, fm, tm, th, upperTh));
                continue;
            }
            char c = template.charAt(i);
            if (c == '"') {
                i++;
                while (i < n) {
                    char q = template.charAt(i);
                    if (q == '"') {
                        i++;
                        break;
                    }
                    if (q == '\\' && i + 1 < n) {
                        i++;
                        q = template.charAt(i);
                    }
                    nodes.add(new Literal(q, true));
                    i++;
                }
            } else {
                // outside quotes a backslash only escapes a double quote
                if (c == '\\' && i + 1 < n && template.charAt(i + 1) == '"') {
                    i++;
                    c = '"';
                }
                nodes.add(new Literal(c, false));
                i++;
            }
        }
        return nodes;
    }
}
