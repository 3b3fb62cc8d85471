package org.lakepg.server.function.scalar;

/** cash_words: an amount spelled out in English, as PostgreSQL words it (quirks included). */
final class MoneyWords {
    private MoneyWords() {}

    private static final String[] SMALL = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight",
        "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
        "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"};

    /** SMALL shifted so that index 2 is "twenty": the tens words. */
    private static String tens(int t) {
        return SMALL[18 + t];
    }

    static String words(long value) {
        StringBuilder buf = new StringBuilder();
        if (value < 0) {
            value = -value;
            buf.append("minus ");
        }
        int prefix = buf.length();
        // unsigned from here, so the most negative amount works too
        long val = value;
        long m0 = Long.remainderUnsigned(val, 100);
        long[] groups = {Long.divideUnsigned(val, 100_000_000_000_000_000L) % 1000,
            Long.divideUnsigned(val, 100_000_000_000_000L) % 1000, Long.divideUnsigned(val, 100_000_000_000L) % 1000,
            Long.divideUnsigned(val, 100_000_000L) % 1000, Long.divideUnsigned(val, 100_000L) % 1000};
        String[] names = {" quadrillion ", " trillion ", " billion ", " million ", " thousand "};
        for (int i = 0; i < groups.length; i++) {
            if (groups[i] != 0) {
                buf.append(numWord(groups[i])).append(names[i]);
            }
        }
        long m1 = Long.divideUnsigned(val, 100) % 1000;
        if (m1 != 0) {
            buf.append(numWord(m1));
        }
        if (buf.length() == prefix) {
            buf.append("zero");
        }
        buf.append(Long.divideUnsigned(val, 100) == 1 ? " dollar and " : " dollars and ");
        buf.append(numWord(m0));
        buf.append(m0 == 1 ? " cent" : " cents");
        buf.setCharAt(0, Character.toUpperCase(buf.charAt(0)));
        return buf.toString();
    }

    private static String numWord(long value) {
        int v = (int) value;
        int tu = v % 100;
        if (v <= 20) {
            return SMALL[v];
        }
        if (tu == 0) {
            return SMALL[v / 100] + " hundred";
        }
        if (v > 99) {
            if (v % 10 == 0 && tu > 10) {
                return SMALL[v / 100] + " hundred " + tens(tu / 10);
            } else if (tu < 20) {
                return SMALL[v / 100] + " hundred and " + SMALL[tu];
            }
            return SMALL[v / 100] + " hundred " + tens(tu / 10) + " " + SMALL[tu % 10];
        }
        if (v % 10 == 0 && tu > 10) {
            return tens(tu / 10);
        } else if (tu < 20) {
            return SMALL[tu];
        }
        return tens(tu / 10) + " " + SMALL[tu % 10];
    }
}
