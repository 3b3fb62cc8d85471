package org.lakepg.server.sql.ast;

import java.util.List;

/** FOR VALUES IN/FROM..TO/WITH (MODULUS, REMAINDER) or DEFAULT. */
public record PartitionBoundSpec(
        char strategy,
        boolean isDefault,
        int modulus,
        int remainder,
        List<Expr> listdatums,
        List<Expr> lowerdatums,
        List<Expr> upperdatums,
        int location) {}
