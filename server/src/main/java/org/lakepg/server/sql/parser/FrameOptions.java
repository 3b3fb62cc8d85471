package org.lakepg.server.sql.parser;

/** Window frame option bits, numbered as PostgreSQL's FRAMEOPTION_* so plans can be compared. */
public final class FrameOptions {
    public static final int NONDEFAULT = 0x00001;
    public static final int RANGE = 0x00002;
    public static final int ROWS = 0x00004;
    public static final int GROUPS = 0x00008;
    public static final int BETWEEN = 0x00010;
    public static final int START_UNBOUNDED_PRECEDING = 0x00020;
    public static final int END_UNBOUNDED_PRECEDING = 0x00040;
    public static final int START_UNBOUNDED_FOLLOWING = 0x00080;
    public static final int END_UNBOUNDED_FOLLOWING = 0x00100;
    public static final int START_CURRENT_ROW = 0x00200;
    public static final int END_CURRENT_ROW = 0x00400;
    public static final int START_OFFSET_PRECEDING = 0x00800;
    public static final int END_OFFSET_PRECEDING = 0x01000;
    public static final int START_OFFSET_FOLLOWING = 0x02000;
    public static final int END_OFFSET_FOLLOWING = 0x04000;
    public static final int EXCLUDE_CURRENT_ROW = 0x08000;
    public static final int EXCLUDE_GROUP = 0x10000;
    public static final int EXCLUDE_TIES = 0x20000;
    /** RANGE UNBOUNDED PRECEDING AND CURRENT ROW, PostgreSQL's default frame. */
    public static final int DEFAULTS = RANGE | START_UNBOUNDED_PRECEDING | END_CURRENT_ROW;

    private FrameOptions() {
    }
}
