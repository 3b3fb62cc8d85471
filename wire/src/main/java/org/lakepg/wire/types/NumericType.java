package org.lakepg.wire.types;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.Locale;
import java.util.regex.Pattern;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * numeric: text input/output keeps the display scale; binary is PostgreSQL's base-10000 form
 * (ndigits, weight, sign, dscale, digits as int16).
 */
public final class NumericType extends AbstractPgType<PgNumeric> {

    public static final NumericType INSTANCE = new NumericType();

    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final int SIGN_POSITIVE = 0x0000;
    private static final int SIGN_NEGATIVE = 0x4000;
    private static final int SIGN_NAN = 0xC000;
    private static final int SIGN_PINF = 0xD000;
    private static final int SIGN_NINF = 0xF000;
    /** What numeric_send puts in the dscale field of an infinity (header bits PostgreSQL leaves set). */
    private static final int INFINITY_DSCALE = 0x0020;
    private static final int WEIGHT_MAX = 0x7FFF;
    private static final int DSCALE_MAX = 0x3FFF;
    private static final BigInteger NBASE = BigInteger.valueOf(10000);

    private NumericType() {
        super(1700, PgNumeric.class);
    }

    @Override
    public PgNumeric parseText(String text, FormatSettings settings) {
        String number = TypeErrors.trimSpace(text);
        switch (number.toLowerCase(Locale.ROOT)) {
            case "nan" -> { return PgNumeric.NAN; }
            case "infinity", "+infinity", "inf", "+inf" -> { return PgNumeric.POSITIVE_INFINITY; }
            case "-infinity", "-inf" -> { return PgNumeric.NEGATIVE_INFINITY; }
            default -> { }
        }
        if (!DECIMAL.matcher(number).matches()) {
            throw TypeErrors.invalidSyntax("numeric", text);
        }
        BigDecimal value;
        try {
            value = new BigDecimal(number);
        } catch (NumberFormatException | ArithmeticException e) {
            throw overflow();
        }
        // check before setScale: "1e999999999" must not expand into a billion digits
        checkRange(value);
        if (value.scale() < 0) {
            value = value.setScale(0);
        }
        return PgNumeric.of(value);
    }

    private static void checkRange(BigDecimal value) {
        // weight of the first base-10000 digit must fit in int16
        long integerDigits = (long) value.precision() - value.scale();
        if (value.signum() != 0 && (integerDigits - 1) / 4 > WEIGHT_MAX) {
            throw overflow();
        }
        if (value.scale() > DSCALE_MAX) {
            throw overflow();
        }
    }

    private static PgException overflow() {
        return PgException.of(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "value overflows numeric format");
    }

    @Override
    public String formatText(PgNumeric value, FormatSettings settings) {
        return value.toString();
    }

    @Override
    public PgNumeric decodeBinary(byte[] bytes) {
        if (bytes.length < 8) {
            throw TypeErrors.insufficientData();
        }
        ByteBuffer in = ByteBuffer.wrap(bytes);
        int ndigits = in.getShort() & 0xFFFF;
        int weight = in.getShort();
        int sign = in.getShort() & 0xFFFF;
        int dscale = in.getShort() & 0xFFFF;
        switch (sign) {
            case SIGN_NAN -> { return PgNumeric.NAN; }
            case SIGN_PINF -> { return PgNumeric.POSITIVE_INFINITY; }
            case SIGN_NINF -> { return PgNumeric.NEGATIVE_INFINITY; }
            case SIGN_POSITIVE, SIGN_NEGATIVE -> { }
            default -> throw PgException.of(SqlState.INVALID_BINARY_REPRESENTATION,
                    "invalid sign in external \"numeric\" value");
        }
        if (dscale > DSCALE_MAX) {
            throw PgException.of(SqlState.INVALID_BINARY_REPRESENTATION,
                    "invalid scale in external \"numeric\" value");
        }
        TypeErrors.requireLength(name(), bytes, 8 + 2 * ndigits);
        BigInteger unscaled = BigInteger.ZERO;
        for (int i = 0; i < ndigits; i++) {
            int digit = in.getShort();
            if (digit < 0 || digit >= 10000) {
                throw PgException.of(SqlState.INVALID_BINARY_REPRESENTATION,
                        "invalid digit in external \"numeric\" value");
            }
            unscaled = unscaled.multiply(NBASE).add(BigInteger.valueOf(digit));
        }
        // digits[i] is worth 10000^(weight - i); the last one 10000^(weight - ndigits + 1)
        BigDecimal value = new BigDecimal(unscaled, -4 * (weight - ndigits + 1));
        if (sign == SIGN_NEGATIVE) {
            value = value.negate();
        }
        // recv rounds to the declared display scale, as PostgreSQL does
        return PgNumeric.of(value.setScale(dscale, java.math.RoundingMode.HALF_UP));
    }

    @Override
    public byte[] encodeBinary(PgNumeric value) {
        switch (value.kind()) {
            case NAN -> { return header(0, 0, SIGN_NAN, 0).array(); }
            case POSITIVE_INFINITY -> { return header(0, 0, SIGN_PINF, INFINITY_DSCALE).array(); }
            case NEGATIVE_INFINITY -> { return header(0, 0, SIGN_NINF, INFINITY_DSCALE).array(); }
            case FINITE -> { }
        }
        BigDecimal decimal = value.value();
        int dscale = decimal.scale();
        if (decimal.signum() == 0) {
            return header(0, 0, SIGN_POSITIVE, dscale).array();
        }
        String digits = decimal.unscaledValue().abs().toString();
        // split into integer and fraction digits, each padded to whole groups of four
        int integerLength = digits.length() - dscale;
        String integerPart = integerLength > 0 ? digits.substring(0, integerLength) : "";
        String fractionPart = integerLength > 0 ? digits.substring(integerLength)
                : "0".repeat(-integerLength) + digits;
        integerPart = "0".repeat((4 - integerPart.length() % 4) % 4) + integerPart;
        fractionPart = fractionPart + "0".repeat((4 - fractionPart.length() % 4) % 4);
        String all = integerPart + fractionPart;
        int groups = all.length() / 4;
        int weight = integerPart.length() / 4 - 1;
        int first = 0;
        while (first < groups && all.startsWith("0000", first * 4)) {
            first++;
        }
        int last = groups - 1;
        while (last > first && all.startsWith("0000", last * 4)) {
            last--;
        }
        int ndigits = last - first + 1;
        ByteBuffer out = header(ndigits, weight - first, decimal.signum() < 0 ? SIGN_NEGATIVE : SIGN_POSITIVE,
                dscale, ndigits);
        for (int g = first; g <= last; g++) {
            out.putShort(Short.parseShort(all.substring(g * 4, g * 4 + 4)));
        }
        return out.array();
    }

    private static ByteBuffer header(int ndigits, int weight, int sign, int dscale) {
        return header(ndigits, weight, sign, dscale, 0);
    }

    private static ByteBuffer header(int ndigits, int weight, int sign, int dscale, int digitCount) {
        ByteBuffer out = ByteBuffer.allocate(8 + 2 * digitCount);
        out.putShort((short) ndigits).putShort((short) weight).putShort((short) sign).putShort((short) dscale);
        return out;
    }
}
