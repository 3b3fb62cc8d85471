package org.lakepg.server.textsearch;

/** The built-in text search objects by kind ("text search parser" ...) and name, for DROP. */
public final class BuiltinObjects {
    private BuiltinObjects() {}

    public static boolean exists(String kind, String name) {
        return switch (kind) {
            case "text search parser" -> name.equals("default");
            case "text search template" -> name.equals("simple") || name.equals("snowball");
            case "text search dictionary" -> Dictionary.byName(name) != null;
            default -> Configuration.byName('"' + name + '"') != null;
        };
    }

    /** Objects of the bootstrap catalog (pinned): the database system needs them. initdb's english ones are not. */
    public static boolean pinned(String kind, String name) {
        return kind.equals("text search parser") || name.equals("simple");
    }
}
