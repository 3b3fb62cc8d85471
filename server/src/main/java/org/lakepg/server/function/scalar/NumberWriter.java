package org.lakepg.server.function.scalar;

import java.util.Locale;

/**
 * The output half of formatting.c's NUM_processor: walks the template once, consuming the prepared
 * digit string. Kept close to the C original (positions, the sign-written flag, the "last relevant"
 * fraction digit for FM) because its many special cases are what users see.
 */
final class NumberWriter {
    private final NumberFormat f;
    private final String number;
    private final char sign;
    private final int outPreSpaces;
    private final StringBuilder out = new StringBuilder();
    private boolean signWrote;
    private int numCount;
    private int numCurr;
    private boolean numIn;
    private int numberPos;
    private int lastRelevant = -1;

    NumberWriter(NumberFormat f, String number, char sign, int outPreSpaces) {
        this.f = f;
        this.number = number;
        this.sign = sign;
        this.outPreSpaces = outPreSpaces;
    }

    private char at(int i) {
        return i < number.length() ? number.charAt(i) : '\0';
    }

    String write() {
        if (f.eeee) {
            return number;
        }
        if (f.zeroStart > 0) {
            f.zeroStart--;
        }
        if (f.roman) {
            f.lsign = false;
            f.lsignPre = false;
            f.lsignPost = false;
            f.preLsignNum = 0;
            f.post = 0;
            f.pre = 0;
            boolean fm = f.fillMode;
            f.decimal = f.zero = f.bracket = f.minus = f.plus = f.multiFlag = false;
            f.fillMode = fm;
        }
        if (f.plus || f.minus) {
            signWrote = !(f.plus && !f.minus);
        } else {
            if (sign != '-' && f.fillMode) {
                f.bracket = false;
            }
            signWrote = sign == '+' && f.fillMode && !f.lsign;
            if (f.lsignPre && f.pre == f.preLsignNum) {
                f.lsignPre = false;
                f.lsignPost = true;
            }
        }
        numCount = f.post + f.pre - 1;
        if (f.fillMode && f.decimal) {
            lastRelevant = lastRelevantDecimal();
            if (lastRelevant >= 0 && f.zeroEnd > outPreSpaces) {
                int lastZero = Math.min(number.length() - 1, f.zeroEnd - outPreSpaces);
                if (lastRelevant < lastZero) {
                    lastRelevant = lastZero;
                }
            }
        }
        if (!signWrote && outPreSpaces == 0) {
            numCount++;
        }
        for (NumberFormat.Node node : f.nodes) {
            if (node.key() == null) {
                out.append(node.literal());
                continue;
            }
            switch (node.key()) {
                case NINE, ZERO, DEC, D -> numberPart(node.key());
                case COMMA, G -> {
                    if (!numIn) {
                        if (!f.fillMode) {
                            out.append(' ');
                        }
                    } else {
                        out.append(',');
                    }
                }
                case L -> out.append(' ');
                case RN, RN_LOWER -> {
                    String roman = node.key() == NumberFormat.Key.RN ? number : number.toLowerCase(Locale.ROOT);
                    out.append(f.fillMode ? roman : String.format("%15s", roman));
                }
                case TH, TH_LOWER -> {
                    if (f.roman || at(0) == '#' || sign == '-' || f.decimal) {
                        continue;
                    }
                    String suffix = ordinalSuffix();
                    out.append(node.key() == NumberFormat.Key.TH ? suffix.toUpperCase(Locale.ROOT) : suffix);
                }
                case MI -> {
                    if (sign == '-') {
                        out.append('-');
                    } else if (!f.fillMode) {
                        out.append(' ');
                    }
                }
                case PL -> {
                    if (sign == '+') {
                        out.append('+');
                    } else if (!f.fillMode) {
                        out.append(' ');
                    }
                }
                case SG -> out.append(sign);
                default -> { }
            }
        }
        // a digit place past the end of the digits wrote C's terminating NUL: the text ends there
        int end = out.indexOf("\0");
        return end >= 0 ? out.substring(0, end) : out.toString();
    }

    /** get_last_relevant_decnum: the last non-zero fraction digit, or the point itself. */
    private int lastRelevantDecimal() {
        int point = number.indexOf('.');
        if (point < 0) {
            return -1;
        }
        int result = point;
        for (int i = point + 1; i < number.length(); i++) {
            if (number.charAt(i) != '0') {
                result = i;
            }
        }
        return result;
    }

    private boolean predecimalSpace() {
        return !f.zero && numberPos == 0 && at(0) == '0' && f.post != 0;
    }

    private String ordinalSuffix() {
        int len = number.length();
        char last = number.charAt(len - 1);
        boolean teen = len > 1 && number.charAt(len - 2) == '1';
        if (teen) {
            return "th";
        }
        return switch (last) {
            case '1' -> "st";
            case '2' -> "nd";
            case '3' -> "rd";
            default -> "th";
        };
    }

    /** NUM_numpart_to_char. */
    private void numberPart(NumberFormat.Key id) {
        if (f.roman) {
            return;
        }
        numIn = false;
        if (!signWrote
                && (numCurr >= outPreSpaces || (f.zero && f.zeroStart == numCurr))
                && (!predecimalSpace() || (lastRelevant >= 0 && at(lastRelevant) == '.'))) {
            if (f.lsign) {
                if (f.lsignPre) {
                    out.append(sign == '-' ? '-' : '+');
                    signWrote = true;
                }
            } else if (f.bracket) {
                out.append(sign == '+' ? ' ' : '<');
                signWrote = true;
            } else if (sign == '+') {
                if (!f.fillMode) {
                    out.append(' ');
                }
                signWrote = true;
            } else if (sign == '-') {
                out.append('-');
                signWrote = true;
            }
        }
        if (numCurr < outPreSpaces && (f.zeroStart > numCurr || !f.zero)) {
            if (!f.fillMode) {
                out.append(' ');
            }
        } else if (f.zero && numCurr < outPreSpaces && f.zeroStart <= numCurr) {
            out.append('0');
            numIn = true;
        } else {
            if (at(numberPos) == '.') {
                if (lastRelevant < 0 || at(lastRelevant) != '.') {
                    out.append('.');
                } else if (f.fillMode) {
                    out.append('.');
                }
            } else {
                if (lastRelevant >= 0 && numberPos > lastRelevant && id != NumberFormat.Key.ZERO) {
                    // FM drops trailing fraction zeros
                } else if (predecimalSpace()) {
                    if (!f.fillMode) {
                        out.append(' ');
                    } else if (lastRelevant >= 0 && at(lastRelevant) == '.') {
                        out.append('0');
                    }
                } else {
                    out.append(at(numberPos));
                    numIn = true;
                }
            }
            if (numberPos < number.length()) {
                numberPos++;
            }
        }
        int end = numCount + (outPreSpaces > 0 ? 1 : 0) + (f.decimal ? 1 : 0);
        if (lastRelevant >= 0 && lastRelevant == numberPos) {
            end = numCurr;
        }
        if (numCurr + 1 == end) {
            if (signWrote && f.bracket) {
                out.append(sign == '+' ? ' ' : '>');
            } else if (f.lsign && f.lsignPost) {
                out.append(sign == '-' ? '-' : '+');
            }
        }
        numCurr++;
    }
}
