package org.lakepg.server.plpgsql;

/** The variables of one running call: values and their current types (a record's type is its shape). */
final class PlFrame implements PlHost.PlFrameTypes {
    final Object[] values;
    final long[] types;
    final int[] typmods;
    final boolean[] declared;

    PlFrame(int slots) {
        values = new Object[slots];
        types = new long[slots];
        typmods = new int[slots];
        declared = new boolean[slots];
        java.util.Arrays.fill(typmods, -1);
    }

    @Override
    public long type(PlVariable variable) {
        return types[variable.slot()];
    }

    @Override
    public int typmod(PlVariable variable) {
        return typmods[variable.slot()];
    }

    void set(PlVariable variable, long type, int typmod, Object value) {
        types[variable.slot()] = type;
        typmods[variable.slot()] = typmod;
        values[variable.slot()] = value;
        declared[variable.slot()] = true;
    }
}
