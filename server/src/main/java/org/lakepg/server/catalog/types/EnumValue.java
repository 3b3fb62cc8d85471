package org.lakepg.server.catalog.types;

/**
 * A value of an enum type: the label and the type it belongs to, so comparisons can find the label's sort
 * order (values of one enum type compare by pg_enum.enumsortorder, not by text).
 */
public record EnumValue(long type, String label) {
    @Override
    public String toString() {
        return label;
    }
}
