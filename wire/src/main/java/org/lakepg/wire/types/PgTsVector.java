package org.lakepg.wire.types;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * A tsvector: distinct lexemes in PostgreSQL's order (bytes, shorter first), each with its sorted
 * positions; a position is packed as PostgreSQL's WordEntryPos: weight (3 = A .. 0 = D) in bits
 * 14-15, the position (1..16383) below.
 */
public record PgTsVector(List<Lexeme> lexemes) {

    public PgTsVector {
        lexemes = List.copyOf(lexemes);
    }

    public record Lexeme(String word, List<Integer> positions) {
        public Lexeme {
            positions = List.copyOf(positions);
        }
    }

    public static int position(int packed) {
        return packed & 0x3FFF;
    }

    public static int weight(int packed) {
        return packed >> 14;
    }

    public static int pack(int position, int weight) {
        return weight << 14 | position;
    }

    /** tsCompareString: unsigned bytes, a prefix before the longer word. */
    public static int compareWords(String a, String b) {
        return Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return TsText.formatVector(this);
    }
}
