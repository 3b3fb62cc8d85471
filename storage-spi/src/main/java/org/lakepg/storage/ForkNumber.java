package org.lakepg.storage;

/** The forks of a relation, numbered as in PostgreSQL ({@code common/relpath.h}). */
public enum ForkNumber {
    MAIN(0),
    FSM(1),
    VISIBILITY(2),
    INIT(3);

    private static final ForkNumber[] BY_NUMBER = values();

    private final int number;

    ForkNumber(int number) {
        this.number = number;
    }

    public int number() {
        return number;
    }

    public static ForkNumber ofNumber(int number) {
        if (number < 0 || number >= BY_NUMBER.length) {
            throw new IllegalArgumentException("invalid fork number: " + number);
        }
        return BY_NUMBER[number];
    }
}
