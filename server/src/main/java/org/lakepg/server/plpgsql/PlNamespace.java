package org.lakepg.server.plpgsql;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The names a block declares (pl_funcs.c's namespace), nested in the enclosing blocks'; the outermost is the function. */
public final class PlNamespace {
    private final PlNamespace parent;
    private final String label;
    private final Map<String, PlVariable> names = new LinkedHashMap<>();

    PlNamespace(PlNamespace parent, String label) {
        this.parent = parent;
        this.label = label;
    }

    PlNamespace parent() {
        return parent;
    }

    String label() {
        return label;
    }

    void add(PlVariable variable) {
        names.put(variable.name(), variable);
    }

    /** The variable a name means here, the nearest declaration first. */
    Optional<PlVariable> find(String name) {
        for (PlNamespace n = this; n != null; n = n.parent) {
            PlVariable v = n.names.get(name);
            if (v != null) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }

    /** {@code label.name}: the variable declared by the block of that label. */
    Optional<PlVariable> find(String label, String name) {
        for (PlNamespace n = this; n != null; n = n.parent) {
            if (label.equals(n.label)) {
                return Optional.ofNullable(n.names.get(name));
            }
        }
        return Optional.empty();
    }
}
