package org.lakepg.wire.types;

/** The pg_type facts every codec shares, read from {@link PgTypeInfo}. */
abstract class AbstractPgType<T> implements PgType<T> {

    private final PgTypeInfo info;
    private final Class<T> valueClass;

    AbstractPgType(int oid, Class<T> valueClass) {
        this.info = PgTypeInfo.byOid(oid);
        if (info == null) {
            throw new IllegalArgumentException("no pg_type row for oid " + oid);
        }
        this.valueClass = valueClass;
    }

    @Override
    public final int oid() {
        return info.oid();
    }

    @Override
    public final int arrayOid() {
        return info.arrayOid();
    }

    @Override
    public final String name() {
        return info.name();
    }

    @Override
    public final short typeLength() {
        return info.typeLength();
    }

    @Override
    public final Class<T> valueClass() {
        return valueClass;
    }

    @Override
    public String toString() {
        return info.name();
    }
}
