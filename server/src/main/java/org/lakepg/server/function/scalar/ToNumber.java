package org.lakepg.server.function.scalar;

import java.math.BigDecimal;
import org.lakepg.server.function.FunctionRegistry;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;
import org.lakepg.wire.types.PgNumeric;

/**
 * to_number(text, template): the input half of formatting.c's NUM_processor. Each template node
 * consumes input: 9/0 one digit (a sign may precede the first one and follow the last), . or D the
 * point, literal characters and separators one character each. The digits read become a numeric
 * with precision = digits before the point and scale = digits read after it.
 */
public final class ToNumber {
    private ToNumber() {}

    public static void register(FunctionRegistry r) {
        r.register("numeric_to_number", (x, c) -> parse((String) x[0], (String) x[1]));
    }

    private static final class Reader {
        final NumberFormat f;
        final String in;
        int pos;
        char sign = ' ';
        final StringBuilder digits = new StringBuilder();
        int readPre;
        int readPost;
        boolean readDec;

        Reader(NumberFormat f, String in) {
            this.f = f;
            this.in = in;
        }

        boolean exhausted() {
            return pos >= in.length();
        }

        char cur() {
            return in.charAt(pos);
        }

        /** NUM_eat_non_data_chars: up to n characters that cannot be part of the number. */
        void eatNonData(int n) {
            while (n-- > 0 && !exhausted() && "0123456789.,+-".indexOf(cur()) < 0) {
                pos++;
            }
        }

        /** NUM_numpart_from_char. */
        void numberPart(NumberFormat.Key id) {
            if (exhausted()) {
                return;
            }
            if (cur() == ' ') {
                pos++;
            }
            if (exhausted()) {
                return;
            }
            if (sign == ' ' && (id == NumberFormat.Key.ZERO || id == NumberFormat.Key.NINE) && readPre + readPost == 0) {
                if (f.lsign && f.lsignPre) {
                    if (cur() == '-' || cur() == '+') {
                        sign = cur();
                        pos++;
                    }
                } else if (cur() == '-' || (f.bracket && cur() == '<')) {
                    sign = '-';
                    pos++;
                } else if (cur() == '+') {
                    sign = '+';
                    pos++;
                }
            }
            if (exhausted()) {
                return;
            }
            boolean isRead = false;
            if (Character.isDigit(cur()) && cur() < 128) {
                if (readDec && readPost == f.post) {
                    return;
                }
                digits.append(cur());
                if (readDec) {
                    readPost++;
                } else {
                    readPre++;
                }
                isRead = true;
            } else if (f.decimal && !readDec && cur() == '.') {
                // any digit position takes the point when the template has one (".01" for "FM9.99")
                digits.append('.');
                readDec = true;
                isRead = true;
            }
            if (exhausted()) {
                return;
            }
            if (sign == ' ' && readPre + readPost > 0) {
                if (f.lsign && isRead && pos + 1 < in.length() && !Character.isDigit(in.charAt(pos + 1))) {
                    char next = in.charAt(pos + 1);
                    if (next == '-' || next == '+') {
                        sign = next;
                        pos++;
                    }
                } else if (!isRead && !f.lsign && (f.plus || f.minus) && (cur() == '-' || cur() == '+')) {
                    sign = cur();
                }
            }
        }
    }

    static PgNumeric parse(String input, String format) {
        NumberFormat f = NumberFormat.parse(format);
        if (f.eeee) {
            throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED, "\"EEEE\" not supported for input");
        }
        if (f.roman) {
            throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED, "\"RN\" not supported for input");
        }
        Reader r = new Reader(f, input);
        for (NumberFormat.Node node : f.nodes) {
            if (r.exhausted()) {
                break;
            }
            if (node.key() == null) {
                r.pos += Math.min(node.literal().length(), input.length() - r.pos);
                continue;
            }
            // as NUM_processor: a node that consumed input moves on by one more character ("break"),
            // the others leave the position where they put it ("continue")
            switch (node.key()) {
                case NINE, ZERO, DEC, D -> r.numberPart(node.key());
                case COMMA, G -> {
                    // the separator is skipped only where the input has one (C locale: ',')
                    if (f.fillMode || r.cur() != ',') {
                        continue;
                    }
                }
                case L -> {
                    r.eatNonData(1); // the currency symbol, a blank in the C locale
                    continue;
                }
                case MI -> {
                    if (r.cur() != '-') {
                        r.eatNonData(1);
                        continue;
                    }
                    r.sign = '-';
                }
                case PL -> {
                    if (r.cur() != '+') {
                        r.eatNonData(1);
                        continue;
                    }
                    r.sign = '+';
                }
                case SG -> {
                    if (r.cur() != '-' && r.cur() != '+') {
                        r.eatNonData(1);
                        continue;
                    }
                    r.sign = r.cur();
                }
                default -> {
                    continue;
                }
            }
            r.pos++;
        }
        String number = r.digits.toString();
        if (number.endsWith(".")) {
            number = number.substring(0, number.length() - 1);
        }
        if (number.isEmpty()) {
            throw PgException.of(SqlState.INVALID_TEXT_REPRESENTATION, "invalid input syntax for type numeric: \"%s\"",
                    r.sign == ' ' ? " " : String.valueOf(r.sign));
        }
        BigDecimal value = new BigDecimal(number);
        if (r.sign == '-') {
            value = value.negate();
        }
        int scale = r.readPost;
        int precision = f.pre + f.multi + scale;
        PgNumeric result = NumericFunctions.applyTypmod(PgNumeric.of(value), ((precision << 16) | scale) + 4);
        if (f.multiFlag) {
            PgNumeric divisor = PgNumeric.of(BigDecimal.TEN.pow(f.multi));
            result = (PgNumeric) FunctionRegistry.builtins().lookup("numeric_div").orElseThrow()
                    .apply(new Object[] {result, divisor}, null);
        }
        return result;
    }
}
