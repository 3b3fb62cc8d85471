package org.lakepg.server.catalog.objects;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Lists kept in one text column of a catalog row: items joined by a control character no name contains. */
final class TextLists {
    private static final String SEPARATOR = "\u0001";

    private TextLists() {}

    static String join(List<String> items) {
        if (items == null) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        for (String item : items) {
            // a leading marker per item keeps empty lists and empty items apart
            out.append(SEPARATOR).append(item == null ? "\u0002" : item);
        }
        return out.toString();
    }

    static List<String> split(String text) {
        if (text == null) {
            return null;
        }
        if (text.isEmpty()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String item : Arrays.asList(text.substring(1).split(SEPARATOR, -1))) {
            out.add(item.equals("\u0002") ? null : item);
        }
        return out;
    }

    static String joinOids(long[] oids) {
        if (oids == null) {
            return null;
        }
        return join(Arrays.stream(oids).mapToObj(Long::toString).toList());
    }

    static long[] splitOids(String text) {
        List<String> items = split(text);
        return items == null ? null : items.stream().mapToLong(Long::parseLong).toArray();
    }
}
