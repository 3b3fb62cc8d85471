package org.lakepg.server.catalog.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lakepg.server.exec.expr.WireTypeIO;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.types.PgArray;
import org.lakepg.wire.types.PgType;

/** Text and binary forms of user types, as PostgreSQL 15 writes them (outputs recorded from it in ut_*.tsv). */
class UserTypeCodecsTest {
    // OIDs far above what the tests' databases hand out, so this registry entry meets no real type
    private static final UserType.Enum MOOD = new UserType.Enum(990001, 990002, "codec_mood", 2200, 10,
            List.of(new UserType.EnumLabelInfo(990003, 1, "sad"), new UserType.EnumLabelInfo(990004, 1.5f, "ok"),
                    new UserType.EnumLabelInfo(990005, 2, "happy")));
    private static final UserType.Composite PAIR = new UserType.Composite(990011, 990012, "codec_pair", 2200, 10,
            List.of(new UserType.Attribute("a", 23, -1), new UserType.Attribute("b", 25, -1)), 990010);

    @SuppressWarnings("unchecked")
    private static <T> PgType<T> codec(long oid) {
        UserTypeRegistry.publish(MOOD);
        UserTypeRegistry.publish(PAIR);
        return (PgType<T>) WireTypeIO.codec(oid);
    }

    @Test
    void enumLabelsReadAndPrintAsText() {
        PgType<EnumValue> mood = codec(MOOD.oid());
        assertThat(mood.formatText(mood.parseText("ok"))).isEqualTo("ok");
        assertThat(mood.decodeBinary(mood.encodeBinary(new EnumValue(MOOD.oid(), "happy"))).label()).isEqualTo("happy");
        assertThatThrownBy(() -> mood.parseText("mauve")).isInstanceOf(PgException.class)
                .hasMessage("invalid input value for enum codec_mood: \"mauve\"");
    }

    @Test
    void enumArraysQuoteLikeArrayOut() {
        PgType<PgArray> moods = codec(MOOD.arrayOid());
        PgArray parsed = moods.parseText("{sad, \"happy\" ,NULL}");
        assertThat(moods.formatText(parsed)).isEqualTo("{sad,happy,NULL}");
        assertThat(moods.formatText(moods.decodeBinary(moods.encodeBinary(parsed)))).isEqualTo("{sad,happy,NULL}");
    }

    @Test
    void recordsQuoteFieldsAsRecordOut() {
        PgType<RowValue> pair = codec(PAIR.oid());
        RowValue v = pair.parseText("(5,\"a \"\"q\"\" \\\\ b\")");
        assertThat(v.values()).containsExactly(5, "a \"q\" \\ b");
        assertThat(pair.formatText(v)).isEqualTo("(5,\"a \"\"q\"\" \\\\ b\")");
        assertThat(pair.formatText(pair.parseText("(,)"))).isEqualTo("(,)");
        assertThat(pair.formatText(pair.decodeBinary(pair.encodeBinary(v)))).isEqualTo(pair.formatText(v));
        assertThatThrownBy(() -> pair.parseText("(1,2,3)")).isInstanceOf(PgException.class)
                .hasMessage("malformed record literal: \"(1,2,3)\"");
    }

    @Test
    void discreteRangesAreCanonical() {
        PgType<RangeValue> int4range = codec(3904);
        assertThat(int4range.formatText(int4range.parseText("(1,5]"))).isEqualTo("[2,6)");
        assertThat(int4range.formatText(int4range.parseText("[3,3)"))).isEqualTo("empty");
        assertThat(int4range.formatText(int4range.parseText("(,)"))).isEqualTo("(,)");
        assertThat(int4range.decodeBinary(int4range.encodeBinary(int4range.parseText("[1,9)"))))
                .isEqualTo(int4range.parseText("[1,8]"));
        assertThatThrownBy(() -> int4range.parseText("[5,1)")).isInstanceOf(PgException.class)
                .hasMessage("range lower bound must be less than or equal to range upper bound");
    }

    @Test
    void multirangesMergeOverlappingRanges() {
        PgType<MultirangeValue> int4multirange = codec(4451);
        assertThat(int4multirange.formatText(int4multirange.parseText("{[1,3), [2,5), [7,8)}")))
                .isEqualTo("{[1,5),[7,8)}");
        assertThat(int4multirange.formatText(int4multirange.parseText("{[1,2], empty, (3,4]}")))
                .isEqualTo("{[1,3),[4,5)}");
    }
}
