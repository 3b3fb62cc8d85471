package org.lakepg.server.session;

import java.util.List;

/** The name lists DROP, COMMENT and GRANT carry for their objects. */
final class ObjectNames {
    private ObjectNames() {}

    @SuppressWarnings("unchecked")
    static List<String> qualified(Object object) {
        if (object instanceof String s) {
            return List.of(s);
        }
        return (List<String>) object;
    }

    static String last(Object object) {
        List<String> name = qualified(object);
        return name.get(name.size() - 1);
    }

    static String schemaOf(List<String> name) {
        return name.size() > 1 ? name.get(name.size() - 2) : null;
    }
}
