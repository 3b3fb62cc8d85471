package org.lakepg.server.systemcatalog;

import java.util.ArrayList;
import java.util.List;

/**
 * The grants one aclitem text ({@code grantee=letters/grantor}, an empty grantee meaning PUBLIC) spells out, for the
 * information_schema views that list privileges one per row.
 */
record AclItemGrants(String grantor, String grantee, char letter, boolean grantOption) {

    static List<AclItemGrants> of(String item) {
        int eq = item.indexOf('=');
        int slash = item.lastIndexOf('/');
        String grantee = eq == 0 ? "PUBLIC" : item.substring(0, eq);
        String grantor = item.substring(slash + 1);
        String letters = item.substring(eq + 1, slash);
        List<AclItemGrants> out = new ArrayList<>();
        for (int i = 0; i < letters.length(); i++) {
            char letter = letters.charAt(i);
            if (letter != '*') {
                out.add(new AclItemGrants(grantor, grantee, letter,
                        i + 1 < letters.length() && letters.charAt(i + 1) == '*'));
            }
        }
        return out;
    }

    /** information_schema's is_grantable: a grant option, or the owner's own (implicitly grantable) privilege. */
    String grantable(String owner) {
        return grantOption || grantee.equals(owner) ? "YES" : "NO";
    }
}
