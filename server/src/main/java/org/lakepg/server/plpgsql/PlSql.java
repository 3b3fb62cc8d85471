package org.lakepg.server.plpgsql;

/**
 * An expression or statement of the body as SQL text, with the names visible where it was written. Its
 * analysis is cached here and reused while the variables it reads keep their types.
 */
public final class PlSql {
    private final String text;
    private final PlNamespace names;
    private final int line;
    private Object cached;

    PlSql(String text, PlNamespace names, int line) {
        this.text = text;
        this.names = names;
        this.line = line;
    }

    public String text() {
        return text;
    }

    PlNamespace names() {
        return names;
    }

    int line() {
        return line;
    }

    Object cached() {
        return cached;
    }

    void cache(Object analysis) {
        cached = analysis;
    }

    @Override
    public String toString() {
        return text;
    }
}
