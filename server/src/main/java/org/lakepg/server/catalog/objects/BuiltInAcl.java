package org.lakepg.server.catalog.objects;

import java.util.Optional;

/**
 * The privileges an object has while its ACL is NULL, per object kind, as PostgreSQL's acldefault gives them: the
 * owner holds every privilege of the kind, PUBLIC a few for some kinds. The one place lakepg knows this; GRANT,
 * privilege checks, default privileges and acldefault() all ask here.
 *
 * <p>Kinds are acldefault's letters: r relation, s sequence, d database, f function, l language, L large object,
 * n schema, t tablespace, F foreign-data wrapper, S foreign server, T type, p parameter, c column.
 */
public final class BuiltInAcl {
    private BuiltInAcl() {}

    /** The owner's privilege letters of a kind (empty for columns, whose privileges come from the table). */
    public static Optional<String> owner(char kind) {
        return Optional.ofNullable(switch (kind) {
            case 'c' -> "";
            case 'r' -> "arwdDxt";
            case 's' -> "rwU";
            case 'd' -> "CTc";
            case 'f' -> "X";
            case 'l', 'T', 'F', 'S' -> "U";
            case 'L' -> "rw";
            case 'n' -> "UC";
            case 't' -> "C";
            case 'p' -> "sA";
            default -> null;
        });
    }

    /** PUBLIC's privilege letters of a kind, empty when PUBLIC gets none by default. */
    public static String toPublic(char kind) {
        return switch (kind) {
            case 'd' -> "Tc";
            case 'f' -> "X";
            case 'l', 'T' -> "U";
            default -> "";
        };
    }

    /** The kind of an object of a catalog (pg_class rows are relations unless {@code sequence}). */
    public static char kindOf(long classoid, boolean sequence) {
        if (classoid == CatalogClasses.PG_CLASS) {
            return sequence ? 's' : 'r';
        }
        if (classoid == CatalogClasses.PG_NAMESPACE) {
            return 'n';
        }
        if (classoid == CatalogClasses.PG_PROC) {
            return 'f';
        }
        if (classoid == CatalogClasses.PG_DATABASE) {
            return 'd';
        }
        if (classoid == CatalogClasses.PG_TYPE) {
            return 'T';
        }
        if (classoid == CatalogClasses.PG_LARGEOBJECT) {
            return 'L';
        }
        throw new IllegalArgumentException("no ACL kind for catalog " + classoid);
    }
}
