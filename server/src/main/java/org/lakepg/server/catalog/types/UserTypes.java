package org.lakepg.server.catalog.types;

import java.util.List;
import java.util.Optional;
import org.lakepg.server.catalog.TypeCatalog;
import org.lakepg.server.catalog.TypeEntry;

/** The user types one statement sees, looked up by OID or by schema and name, as pg_type rows. */
public final class UserTypes {
    /** PostgreSQL's FirstNormalObjectId: no built-in object has an OID at or above it. */
    public static final long FIRST_USER_OID = 16384;

    private final List<UserType> types;
    private final TypeCatalog builtins;

    public UserTypes(List<UserType> types, TypeCatalog builtins) {
        this.types = types;
        this.builtins = builtins;
        types.forEach(UserTypeRegistry::publish);
    }

    public List<UserType> all() {
        return types;
    }

    public Optional<UserType> find(long oid) {
        return types.stream().filter(t -> t.oid() == oid).findFirst();
    }

    /** The pg_type row of a user type or of its array type. */
    public Optional<TypeEntry> entry(long oid) {
        for (UserType t : types) {
            if (t.oid() == oid) {
                return Optional.of(UserTypeEntries.entry(t, resolver()));
            }
            if (t.arrayOid() == oid && oid != 0) {
                return Optional.of(UserTypeEntries.arrayEntry(t, resolver(), arrayName(t)));
            }
            if (t instanceof UserType.Range r && r.multirangeOid() == oid) {
                return Optional.of(UserTypeEntries.multirangeEntry(r, resolver()));
            }
            if (t instanceof UserType.Range r && r.multirangeArrayOid() == oid) {
                return Optional.of(UserTypeEntries.multirangeArrayEntry(r, resolver()));
            }
        }
        return Optional.empty();
    }

    /**
     * The name of a type's array type: "_name", with more underscores while another type of the schema has it (as
     * PostgreSQL's makeArrayTypeName, and moveArrayTypeName when a new type takes an array type's name).
     */
    public String arrayName(UserType type) {
        if (arrayNames == null) {
            // older types first: the array type made earlier keeps the name it moved to, the newer one goes past it
            java.util.Map<Long, java.util.Set<String>> used = new java.util.HashMap<>();
            for (UserType t : types) {
                used.computeIfAbsent(t.namespace(), n -> new java.util.HashSet<>()).add(t.name());
            }
            java.util.Map<Long, String> names = new java.util.HashMap<>();
            for (UserType t : types.stream().sorted(java.util.Comparator.comparingLong(UserType::oid)).toList()) {
                String name = UserTypeEntries.arrayName(t.name());
                java.util.Set<String> taken = used.get(t.namespace());
                while (taken.contains(name)) {
                    name = "_" + name;
                }
                taken.add(name);
                names.put(t.oid(), name);
            }
            arrayNames = names;
        }
        return arrayNames.getOrDefault(type.oid(), UserTypeEntries.arrayName(type.name()));
    }

    private java.util.Map<Long, String> arrayNames;

    public Optional<TypeEntry> byName(long namespace, String name) {
        for (UserType t : types) {
            if (t.namespace() == namespace && t.name().equals(name)) {
                return entry(t.oid());
            }
        }
        for (UserType t : types) {
            if (t.namespace() != namespace) {
                continue;
            }
            if (t.arrayOid() != 0 && name.startsWith("_") && arrayName(t).equals(name)) {
                return entry(t.arrayOid());
            }
            if (t instanceof UserType.Range r && r.multirangeName().equals(name)) {
                return entry(r.multirangeOid());
            }
            if (t instanceof UserType.Range r && UserTypeEntries.arrayName(r.multirangeName()).equals(name)) {
                return entry(r.multirangeArrayOid());
            }
        }
        return Optional.empty();
    }

    /** Built-in types, then these (a domain's base may be another user type). */
    private TypeCatalog resolver() {
        return new TypeCatalog() {
            @Override
            public Optional<TypeEntry> type(long oid) {
                Optional<TypeEntry> b = builtins.type(oid);
                return b.isPresent() ? b : entry(oid);
            }

            @Override
            public Optional<org.lakepg.server.catalog.CastEntry> cast(long source, long target) {
                return builtins.cast(source, target);
            }
        };
    }
}
