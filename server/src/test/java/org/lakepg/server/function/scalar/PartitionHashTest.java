package org.lakepg.server.function.scalar;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Hash values recorded from PostgreSQL 15.18 (hashint4extended, hashtextextended, hashint8extended). */
class PartitionHashTest {

    @Test
    void int4AsPostgres() {
        assertEquals(-9138765687874534020L, PartitionHash.uint32(5, 0));
        assertEquals(-2840406021921404358L, PartitionHash.uint32(5, PartitionHash.SEED));
    }

    @Test
    void textAsPostgres() {
        assertEquals(3628778498291917250L, PartitionHash.bytes("abc".getBytes(StandardCharsets.UTF_8), PartitionHash.SEED));
        assertEquals(-680712388934158000L, PartitionHash.bytes("hello world, a long text".getBytes(StandardCharsets.UTF_8),
                PartitionHash.SEED));
    }

    @Test
    void int8AsPostgres() {
        assertEquals(-7298374200968567817L, PartitionHash.hash(20, -7L, PartitionHash.SEED));
    }
}
