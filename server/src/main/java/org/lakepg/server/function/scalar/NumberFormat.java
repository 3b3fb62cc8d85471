package org.lakepg.server.function.scalar;

import java.util.ArrayList;
import java.util.List;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * A parsed to_char / to_number number template (formatting.c's NUMDesc): the pattern nodes and the
 * counts derived from them. Keywords are matched case-sensitively in their upper and lower spellings
 * (FM/fm, RN/rn, TH/th ...); double-quoted text and anything unrecognized is copied literally.
 */
final class NumberFormat {

    enum Key { COMMA, DEC, ZERO, NINE, B, C, D, EEEE, FM, G, L, MI, PL, PR, RN, RN_LOWER, SG, SP, S, TH, TH_LOWER, V }

    /** A node: a keyword, or literal text. */
    record Node(Key key, String literal) {}

    private static final String[][] KEYWORDS = {
        {",", "COMMA"}, {".", "DEC"}, {"0", "ZERO"}, {"9", "NINE"}, {"B", "B"}, {"C", "C"}, {"D", "D"},
        {"EEEE", "EEEE"}, {"FM", "FM"}, {"G", "G"}, {"L", "L"}, {"MI", "MI"}, {"PL", "PL"}, {"PR", "PR"},
        {"RN", "RN"}, {"SG", "SG"}, {"SP", "SP"}, {"S", "S"}, {"TH", "TH"}, {"V", "V"},
        {"b", "B"}, {"c", "C"}, {"d", "D"}, {"eeee", "EEEE"}, {"fm", "FM"}, {"g", "G"}, {"l", "L"}, {"mi", "MI"},
        {"pl", "PL"}, {"pr", "PR"}, {"rn", "RN_LOWER"}, {"sg", "SG"}, {"sp", "SP"}, {"s", "S"}, {"th", "TH_LOWER"},
        {"v", "V"},
    };

    final List<Node> nodes = new ArrayList<>();
    int pre;
    int post;
    int multi;
    int zeroStart;
    int zeroEnd;
    int preLsignNum;
    boolean decimal;
    boolean zero;
    boolean fillMode;
    boolean lsign;
    boolean lsignPre;
    boolean lsignPost;
    boolean bracket;
    boolean minus;
    boolean plus;
    boolean roman;
    boolean multiFlag;
    boolean eeee;

    static NumberFormat parse(String format) {
        NumberFormat f = new NumberFormat();
        int i = 0;
        while (i < format.length()) {
            char ch = format.charAt(i);
            if (ch == '"') {
                int j = i + 1;
                StringBuilder text = new StringBuilder();
                while (j < format.length() && format.charAt(j) != '"') {
                    if (format.charAt(j) == '\\' && j + 1 < format.length()) {
                        j++;
                    }
                    text.append(format.charAt(j));
                    j++;
                }
                f.nodes.add(new Node(null, text.toString()));
                i = j + 1;
                continue;
            }
            if (ch == '\\' && i + 1 < format.length() && format.charAt(i + 1) == '"') {
                f.nodes.add(new Node(null, "\""));
                i += 2;
                continue;
            }
            Key key = null;
            int length = 0;
            for (String[] k : KEYWORDS) {
                if (format.startsWith(k[0], i)) {
                    key = Key.valueOf(k[1]);
                    length = k[0].length();
                    break;
                }
            }
            if (key == null) {
                f.nodes.add(new Node(null, String.valueOf(ch)));
                i++;
            } else {
                f.prepare(key);
                f.nodes.add(new Node(key, null));
                i += length;
            }
        }
        return f;
    }

    private static PgException syntax(String message) {
        return PgException.of(SqlState.SYNTAX_ERROR, message);
    }

    /** NUMDesc_prepare: counts digits and checks that the patterns go together. */
    private void prepare(Key key) {
        if (eeee) {
            throw syntax("\"EEEE\" must be the last pattern used");
        }
        switch (key) {
            case NINE -> {
                if (bracket) {
                    throw syntax("\"9\" must be ahead of \"PR\"");
                }
                if (multiFlag) {
                    multi++;
                } else if (decimal) {
                    post++;
                } else {
                    pre++;
                }
            }
            case ZERO -> {
                if (bracket) {
                    throw syntax("\"0\" must be ahead of \"PR\"");
                }
                if (!zero && !decimal) {
                    zero = true;
                    zeroStart = pre + 1;
                }
                if (!decimal) {
                    pre++;
                } else {
                    post++;
                }
                zeroEnd = pre + post;
            }
            case D, DEC -> {
                if (decimal) {
                    throw syntax("multiple decimal points");
                }
                if (multiFlag) {
                    throw syntax("cannot use \"V\" and decimal point together");
                }
                decimal = true;
            }
            case FM -> fillMode = true;
            case S -> {
                if (lsign) {
                    throw syntax("cannot use \"S\" twice");
                }
                if (plus || minus || bracket) {
                    throw syntax("cannot use \"S\" and \"PL\"/\"MI\"/\"SG\"/\"PR\" together");
                }
                if (!decimal) {
                    lsignPre = true;
                    preLsignNum = pre;
                    lsign = true;
                } else if (!lsignPre && !lsignPost) {
                    lsignPost = true;
                    lsign = true;
                }
            }
            case MI -> {
                if (lsign) {
                    throw syntax("cannot use \"S\" and \"MI\" together");
                }
                minus = true;
            }
            case PL -> {
                if (lsign) {
                    throw syntax("cannot use \"S\" and \"PL\" together");
                }
                plus = true;
            }
            case SG -> {
                if (lsign) {
                    throw syntax("cannot use \"S\" and \"SG\" together");
                }
                plus = true;
                minus = true;
            }
            case PR -> {
                if (lsign || plus || minus) {
                    throw syntax("cannot use \"PR\" and \"S\"/\"PL\"/\"MI\"/\"SG\" together");
                }
                bracket = true;
            }
            case RN, RN_LOWER -> roman = true;
            case V -> {
                if (decimal) {
                    throw syntax("cannot use \"V\" and decimal point together");
                }
                multiFlag = true;
            }
            case EEEE -> {
                if (eeee) {
                    throw syntax("cannot use \"EEEE\" twice");
                }
                if (fillMode || lsign || bracket || minus || plus || roman || multiFlag) {
                    throw syntax("\"EEEE\" is incompatible with other formats")
                            .withDetail("\"EEEE\" may only be used together with digit and decimal point patterns.");
                }
                eeee = true;
            }
            default -> { }
        }
    }
}
