package org.lakepg.server.function.scalar;

/**
 * The template patterns of to_char / to_timestamp (formatting.c's DCH_keywords), in PostgreSQL's
 * matching order: at each position the first pattern (among those with the same first
 * character) that the template starts with wins, so longer patterns come first.
 */
enum DateTimeFormatKeyword {
    A_D_("A.D.", Id.A_D, false, Mode.NONE), A_M_("A.M.", Id.A_M, false, Mode.NONE),
    AD("AD", Id.AD, false, Mode.NONE), AM("AM", Id.AM, false, Mode.NONE),
    B_C_("B.C.", Id.B_C, false, Mode.NONE), BC("BC", Id.BC, false, Mode.NONE),
    CC("CC", Id.CC, true, Mode.NONE), DAY("DAY", Id.DAY, false, Mode.NONE),
    DDD("DDD", Id.DDD, true, Mode.GREGORIAN), DD("DD", Id.DD, true, Mode.GREGORIAN),
    DY("DY", Id.DY, false, Mode.NONE), Day("Day", Id.Day, false, Mode.NONE), Dy("Dy", Id.Dy, false, Mode.NONE),
    D("D", Id.D, true, Mode.GREGORIAN),
    FF1("FF1", Id.FF1, true, Mode.NONE), FF2("FF2", Id.FF2, true, Mode.NONE), FF3("FF3", Id.FF3, true, Mode.NONE),
    FF4("FF4", Id.FF4, true, Mode.NONE), FF5("FF5", Id.FF5, true, Mode.NONE), FF6("FF6", Id.FF6, true, Mode.NONE),
    FX("FX", Id.FX, false, Mode.NONE),
    HH24("HH24", Id.HH24, true, Mode.NONE), HH12("HH12", Id.HH12, true, Mode.NONE), HH("HH", Id.HH, true, Mode.NONE),
    IDDD("IDDD", Id.IDDD, true, Mode.ISOWEEK), ID("ID", Id.ID, true, Mode.ISOWEEK),
    IW("IW", Id.IW, true, Mode.ISOWEEK), IYYY("IYYY", Id.IYYY, true, Mode.ISOWEEK),
    IYY("IYY", Id.IYY, true, Mode.ISOWEEK), IY("IY", Id.IY, true, Mode.ISOWEEK), I("I", Id.I, true, Mode.ISOWEEK),
    J("J", Id.J, true, Mode.NONE), MI("MI", Id.MI, true, Mode.NONE), MM("MM", Id.MM, true, Mode.GREGORIAN),
    MONTH("MONTH", Id.MONTH, false, Mode.GREGORIAN), MON("MON", Id.MON, false, Mode.GREGORIAN),
    MS("MS", Id.MS, true, Mode.NONE), Month("Month", Id.Month, false, Mode.GREGORIAN),
    Mon("Mon", Id.Mon, false, Mode.GREGORIAN), OF("OF", Id.OF, false, Mode.NONE),
    P_M_("P.M.", Id.P_M, false, Mode.NONE), PM("PM", Id.PM, false, Mode.NONE), Q("Q", Id.Q, true, Mode.NONE),
    RM("RM", Id.RM, false, Mode.GREGORIAN), SSSSS("SSSSS", Id.SSSS, true, Mode.NONE),
    SSSS("SSSS", Id.SSSS, true, Mode.NONE), SS("SS", Id.SS, true, Mode.NONE),
    TZH("TZH", Id.TZH, false, Mode.NONE), TZM("TZM", Id.TZM, true, Mode.NONE), TZ("TZ", Id.TZ, false, Mode.NONE),
    US("US", Id.US, true, Mode.NONE), WW("WW", Id.WW, true, Mode.GREGORIAN), W("W", Id.W, true, Mode.GREGORIAN),
    Y_YYY("Y,YYY", Id.Y_YYY, true, Mode.GREGORIAN), YYYY("YYYY", Id.YYYY, true, Mode.GREGORIAN),
    YYY("YYY", Id.YYY, true, Mode.GREGORIAN), YY("YY", Id.YY, true, Mode.GREGORIAN), Y("Y", Id.Y, true, Mode.GREGORIAN),
    a_d_("a.d.", Id.a_d, false, Mode.NONE), a_m_("a.m.", Id.a_m, false, Mode.NONE),
    ad("ad", Id.ad, false, Mode.NONE), am("am", Id.am, false, Mode.NONE),
    b_c_("b.c.", Id.b_c, false, Mode.NONE), bc("bc", Id.bc, false, Mode.NONE),
    cc("cc", Id.CC, true, Mode.NONE), day("day", Id.day, false, Mode.NONE),
    ddd("ddd", Id.DDD, true, Mode.GREGORIAN), dd("dd", Id.DD, true, Mode.GREGORIAN),
    dy("dy", Id.dy, false, Mode.NONE), d("d", Id.D, true, Mode.GREGORIAN),
    ff1("ff1", Id.FF1, true, Mode.NONE), ff2("ff2", Id.FF2, true, Mode.NONE), ff3("ff3", Id.FF3, true, Mode.NONE),
    ff4("ff4", Id.FF4, true, Mode.NONE), ff5("ff5", Id.FF5, true, Mode.NONE), ff6("ff6", Id.FF6, true, Mode.NONE),
    fx("fx", Id.FX, false, Mode.NONE),
    hh24("hh24", Id.HH24, true, Mode.NONE), hh12("hh12", Id.HH12, true, Mode.NONE), hh("hh", Id.HH, true, Mode.NONE),
    iddd("iddd", Id.IDDD, true, Mode.ISOWEEK), id("id", Id.ID, true, Mode.ISOWEEK),
    iw("iw", Id.IW, true, Mode.ISOWEEK), iyyy("iyyy", Id.IYYY, true, Mode.ISOWEEK),
    iyy("iyy", Id.IYY, true, Mode.ISOWEEK), iy("iy", Id.IY, true, Mode.ISOWEEK), i("i", Id.I, true, Mode.ISOWEEK),
    j("j", Id.J, true, Mode.NONE), mi("mi", Id.MI, true, Mode.NONE), mm("mm", Id.MM, true, Mode.GREGORIAN),
    month("month", Id.month, false, Mode.GREGORIAN), mon("mon", Id.mon, false, Mode.GREGORIAN),
    ms("ms", Id.MS, true, Mode.NONE), of("of", Id.OF, false, Mode.NONE),
    p_m_("p.m.", Id.p_m, false, Mode.NONE), pm("pm", Id.pm, false, Mode.NONE), q("q", Id.Q, true, Mode.NONE),
    rm("rm", Id.rm, false, Mode.GREGORIAN), sssss("sssss", Id.SSSS, true, Mode.NONE),
    ssss("ssss", Id.SSSS, true, Mode.NONE), ss("ss", Id.SS, true, Mode.NONE),
    tzh("tzh", Id.TZH, false, Mode.NONE), tzm("tzm", Id.TZM, true, Mode.NONE), tz("tz", Id.tz, false, Mode.NONE),
    us("us", Id.US, true, Mode.NONE), ww("ww", Id.WW, true, Mode.GREGORIAN), w("w", Id.W, true, Mode.GREGORIAN),
    y_yyy("y,yyy", Id.Y_YYY, true, Mode.GREGORIAN), yyyy("yyyy", Id.YYYY, true, Mode.GREGORIAN),
    yyy("yyy", Id.YYY, true, Mode.GREGORIAN), yy("yy", Id.YY, true, Mode.GREGORIAN), y("y", Id.Y, true, Mode.GREGORIAN);

    /** What a pattern does; lower/upper-case variants of text patterns differ in their output. */
    enum Id {
        A_D, A_M, AD, AM, B_C, BC, CC, DAY, DDD, DD, DY, Day, Dy, D, FF1, FF2, FF3, FF4, FF5, FF6, FX, HH24, HH12,
        HH, IDDD, ID, IW, IYYY, IYY, IY, I, J, MI, MM, MONTH, MON, MS, Month, Mon, OF, P_M, PM, Q, RM, SSSS, SS,
        TZH, TZM, TZ, US, WW, W, Y_YYY, YYYY, YYY, YY, Y, a_d, a_m, ad, am, b_c, bc, day, dy, month, mon, p_m, pm,
        rm, tz
    }

    /** Which date convention a field belongs to (they must not be mixed in to_timestamp). */
    enum Mode { NONE, GREGORIAN, ISOWEEK }

    final String pattern;
    final Id action;
    final boolean isDigit;
    final Mode mode;

    DateTimeFormatKeyword(String pattern, Id id, boolean isDigit, Mode mode) {
        this.pattern = pattern;
        this.action = id;
        this.isDigit = isDigit;
        this.mode = mode;
    }

    /** The patterns by their first (ASCII) character, in matching order. */
    private static final DateTimeFormatKeyword[][] BY_FIRST_CHAR = new DateTimeFormatKeyword[128][];

    static {
        for (char c = 0; c < 128; c++) {
            final char first = c;
            BY_FIRST_CHAR[c] = java.util.Arrays.stream(values()).filter(k -> k.pattern.charAt(0) == first)
                    .toArray(DateTimeFormatKeyword[]::new);
        }
    }

    /** The pattern the template has at {@code pos}, or null. */
    static DateTimeFormatKeyword match(String template, int pos) {
        char first = template.charAt(pos);
        if (first >= 128) {
            return null;
        }
        for (DateTimeFormatKeyword k : BY_FIRST_CHAR[first]) {
            if (template.startsWith(k.pattern, pos)) {
                return k;
            }
        }
        return null;
    }
}
