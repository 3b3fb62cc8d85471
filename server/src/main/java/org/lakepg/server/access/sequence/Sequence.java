package org.lakepg.server.access.sequence;

import org.lakepg.server.access.AccessContext;
import org.lakepg.server.access.buffer.PinnedPage;
import org.lakepg.server.access.page.Bytes;
import org.lakepg.storage.ForkNumber;
import org.lakepg.storage.PageKey;
import org.lakepg.storage.RelationCreate;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * A sequence (CREATE SEQUENCE) in a one-page relation. As in PostgreSQL, nextval is not transactional and logs
 * ahead: one WAL record reserves the next {@link #LOG_AHEAD} values, so most calls write nothing and a restarted
 * compute continues after the reserved range (values may be skipped, never repeated). setval is logged at once.
 * Values are handed out one by one here; a session with CACHE n reserves n at a time (session.SessionSequences).
 *
 * <p>Page layout: {@code [magic:4][last:8][is_called:1][increment:8][min:8][max:8][start:8][cycle:1]}, where
 * {@code last} is the last value reserved by the log (not the last handed out).
 */
public final class Sequence {

    /** PostgreSQL's SEQ_LOG_VALS. */
    public static final int LOG_AHEAD = 32;
    private static final int MAGIC = 0x1717;

    /** CREATE SEQUENCE options. */
    public record Options(long increment, long min, long max, long start, boolean cycle) {
        public Options {
            if (increment == 0) {
                throw PgException.of(SqlState.INVALID_PARAMETER_VALUE, "INCREMENT must not be zero");
            }
            if (min >= max) {
                throw PgException.of(SqlState.INVALID_PARAMETER_VALUE,
                        "MINVALUE (%d) must be less than MAXVALUE (%d)", min, max);
            }
            if (start < min) {
                throw PgException.of(SqlState.INVALID_PARAMETER_VALUE,
                        "START value (%d) cannot be less than MINVALUE (%d)", start, min);
            }
            if (start > max) {
                throw PgException.of(SqlState.INVALID_PARAMETER_VALUE,
                        "START value (%d) cannot be greater than MAXVALUE (%d)", start, max);
            }
        }

        /** PostgreSQL's defaults for a bigint sequence: INCREMENT 1, MINVALUE 1, MAXVALUE 2^63-1, START 1. */
        public static Options defaults() {
            return new Options(1, 1, Long.MAX_VALUE, 1, false);
        }
    }

    private final AccessContext ctx;
    private final int relation;
    private final String name;
    private final Options options;
    private long last;
    private boolean isCalled;
    /** The value up to which nextval may go without logging. */
    private long logged;

    private Sequence(AccessContext ctx, int relation, String name, Options options, long last, boolean isCalled) {
        this.ctx = ctx;
        this.relation = relation;
        this.name = name;
        this.options = options;
        this.last = last;
        this.isCalled = isCalled;
        this.logged = last;
    }

    public static Sequence create(AccessContext ctx, int relation, String name, Options options) {
        ctx.cache().relationCreated(relation, ForkNumber.MAIN);
        try (PinnedPage page = ctx.cache().extend(relation, ForkNumber.MAIN); var change = ctx.writer().begin()) {
            change.add(new RelationCreate(relation, ForkNumber.MAIN)).track(page);
            write(page.data(), options.start(), false, options);
            change.commit();
        }
        return new Sequence(ctx, relation, name, options, options.start(), false);
    }

    /** Opens an existing sequence; after a restart it continues after the last reserved value. */
    public static Sequence open(AccessContext ctx, int relation, String name) {
        try (PinnedPage page = ctx.cache().pinShared(PageKey.main(relation, 0))) {
            byte[] p = page.data();
            if (Bytes.i32(p, 0) != MAGIC) {
                throw PgException.of(SqlState.DATA_CORRUPTED, "bad magic number in sequence \"%s\"", name);
            }
            Options options = new Options(Bytes.i64(p, 13), Bytes.i64(p, 21), Bytes.i64(p, 29), Bytes.i64(p, 37),
                    p[45] != 0);
            return new Sequence(ctx, relation, name, options, Bytes.i64(p, 4), p[12] != 0);
        }
    }

    private static void write(byte[] p, long last, boolean isCalled, Options o) {
        Bytes.i32(p, 0, MAGIC);
        Bytes.i64(p, 4, last);
        p[12] = (byte) (isCalled ? 1 : 0);
        Bytes.i64(p, 13, o.increment());
        Bytes.i64(p, 21, o.min());
        Bytes.i64(p, 29, o.max());
        Bytes.i64(p, 37, o.start());
        p[45] = (byte) (o.cycle() ? 1 : 0);
    }

    public String name() {
        return name;
    }

    public Options options() {
        return options;
    }

    public synchronized long nextval() {
        long next;
        if (!isCalled) {
            next = last;
        } else {
            next = step(last);
        }
        boolean wrapped = isCalled && (options.increment() > 0 ? next < last : next > last);
        if (!isCalled || wrapped || passes(next, logged)) {
            long reserve = next;
            for (int i = 0; i < LOG_AHEAD - 1; i++) {
                long candidate = stepWithin(reserve);
                if (candidate == reserve) {
                    break;
                }
                reserve = candidate;
            }
            log(reserve, true);
            logged = reserve;
        }
        last = next;
        isCalled = true;
        return next;
    }

    /** setval(value, is_called): the next nextval returns value (+ increment if is_called). Logged at once. */
    public synchronized void setval(long value, boolean called) {
        if (value < options.min() || value > options.max()) {
            throw PgException.of(SqlState.NUMERIC_VALUE_OUT_OF_RANGE,
                    "setval: value %d is out of bounds for sequence \"%s\" (%d..%d)", value, name, options.min(),
                    options.max());
        }
        log(value, called);
        last = value;
        isCalled = called;
        logged = value;
    }

    /** last_value and is_called as SELECT * FROM seq shows them (the in-memory state). */
    public synchronized long lastValue() {
        return last;
    }

    public synchronized boolean isCalled() {
        return isCalled;
    }

    private boolean passes(long value, long bound) {
        return options.increment() > 0 ? value > bound : value < bound;
    }

    /** The value after {@code v}, wrapping or failing at the limits as PostgreSQL does. */
    private long step(long v) {
        long inc = options.increment();
        boolean overflow = inc > 0 ? v > options.max() - inc : v < options.min() - inc;
        if (!overflow) {
            return v + inc;
        }
        if (!options.cycle()) {
            if (inc > 0) {
                throw PgException.of(SqlState.SEQUENCE_GENERATOR_LIMIT_EXCEEDED,
                        "nextval: reached maximum value of sequence \"%s\" (%d)", name, options.max());
            }
            throw PgException.of(SqlState.SEQUENCE_GENERATOR_LIMIT_EXCEEDED,
                    "nextval: reached minimum value of sequence \"%s\" (%d)", name, options.min());
        }
        return inc > 0 ? options.min() : options.max();
    }

    /** Like step, but stays put at a limit instead of failing or wrapping (for the log-ahead reservation). */
    private long stepWithin(long v) {
        long inc = options.increment();
        boolean overflow = inc > 0 ? v > options.max() - inc : v < options.min() - inc;
        return overflow ? v : v + inc;
    }

    private void log(long value, boolean called) {
        try (PinnedPage page = ctx.cache().pinExclusive(PageKey.main(relation, 0)); var change = ctx.writer().begin()) {
            change.track(page);
            write(page.data(), value, called, options);
            change.commit();
        }
    }
}
