package org.lakepg.server.function;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.lakepg.server.function.aggregate.AggregateSupport;
import org.lakepg.server.function.scalar.BoolFunctions;
import org.lakepg.server.function.scalar.BranchFunctions;
import org.lakepg.server.function.scalar.DateFunctions;
import org.lakepg.server.function.scalar.DateTimeClockFunctions;
import org.lakepg.server.function.scalar.DateTimeConstructors;
import org.lakepg.server.function.scalar.DateTimeExtractFunctions;
import org.lakepg.server.function.scalar.DateTimeFormattingFunctions;
import org.lakepg.server.function.scalar.DateTimeHashFunctions;
import org.lakepg.server.function.scalar.DateTimeInRangeFunctions;
import org.lakepg.server.function.scalar.DateTimeTruncFunctions;
import org.lakepg.server.function.scalar.ByteaFunctions;
import org.lakepg.server.function.scalar.CharCasts;
import org.lakepg.server.function.scalar.CharLengthCoercion;
import org.lakepg.server.function.scalar.ConcatFunctions;
import org.lakepg.server.function.scalar.DegreeTrigFunctions;
import org.lakepg.server.function.scalar.EncodingFunctions;
import org.lakepg.server.function.scalar.EncodingNames;
import org.lakepg.server.function.scalar.FloatFunctions;
import org.lakepg.server.function.scalar.FloatMoreFunctions;
import org.lakepg.server.function.scalar.FormatFunction;
import org.lakepg.server.function.scalar.HashFunctions;
import org.lakepg.server.function.scalar.IntegerFunctions;
import org.lakepg.server.function.scalar.IntervalAggregateFunctions;
import org.lakepg.server.function.scalar.IntervalFunctions;
import org.lakepg.server.function.scalar.JsonBuild;
import org.lakepg.server.function.scalar.JsonFunctions;
import org.lakepg.server.function.scalar.JsonObjectFromArrays;
import org.lakepg.server.function.scalar.JsonbOperators;
import org.lakepg.server.function.scalar.JsonbPathEdit;
import org.lakepg.server.function.scalar.JsonbPretty;
import org.lakepg.server.function.scalar.NumericFunctions;
import org.lakepg.server.function.scalar.NumericMathFunctions;
import org.lakepg.server.function.scalar.ParseIdent;
import org.lakepg.server.function.scalar.QuoteFunctions;
import org.lakepg.server.function.scalar.RegexArrayFunctions;
import org.lakepg.server.function.scalar.RegexFunctions;
import org.lakepg.server.function.scalar.SessionFunctions;
import org.lakepg.server.function.scalar.SimilarToEscape;
import org.lakepg.server.function.scalar.StringToArray;
import org.lakepg.server.function.scalar.TextEditFunctions;
import org.lakepg.server.function.scalar.TextFunctions;
import org.lakepg.server.function.scalar.TimeFunctions;
import org.lakepg.server.function.scalar.TimeZoneFunctions;
import org.lakepg.server.function.scalar.TimestampFunctions;
import org.lakepg.server.function.scalar.TextPatternOrder;
import org.lakepg.server.function.scalar.ToCharNumber;
import org.lakepg.server.function.scalar.ToNumber;
import org.lakepg.server.function.scalar.UuidFunctions;
import org.lakepg.server.function.scalar.GeometricBoxes;
import org.lakepg.server.function.scalar.GeometricCircles;
import org.lakepg.server.function.scalar.GeometricPaths;
import org.lakepg.server.function.scalar.GeometricPoints;
import org.lakepg.server.function.scalar.GeometricRelations;
import org.lakepg.server.function.scalar.NetworkFunctions;
import org.lakepg.server.function.scalar.NetworkMacFunctions;
import org.lakepg.server.function.scalar.MoneyFunctions;
import org.lakepg.server.function.scalar.BitStringFunctions;
import org.lakepg.server.function.scalar.JsonpathFunctions;
import org.lakepg.server.function.scalar.TxidFunctions;
import org.lakepg.server.function.scalar.TextSearchFunctions;
import org.lakepg.server.function.scalar.TextSearchConfigFunctions;
import org.lakepg.server.function.scalar.TextSearchQueryOrder;
import org.lakepg.server.function.scalar.TextSearchRank;
import org.lakepg.server.function.scalar.TextSearchRankCd;
import org.lakepg.server.function.scalar.LsnFunctions;

/**
 * Built-in function code by prosrc name (e.g. {@code int4pl}). Families register themselves;
 * several pg_proc rows may share one prosrc, exactly as in PostgreSQL.
 */
public final class FunctionRegistry {

    private static final FunctionRegistry BUILTINS = new FunctionRegistry();

    static {
        IntegerFunctions.register(BUILTINS);
        FloatFunctions.register(BUILTINS);
        BoolFunctions.register(BUILTINS);
        TextFunctions.register(BUILTINS);
        NumericFunctions.register(BUILTINS);
        ConcatFunctions.register(BUILTINS);
        FormatFunction.register(BUILTINS);
        QuoteFunctions.register(BUILTINS);
        TextEditFunctions.register(BUILTINS);
        TextPatternOrder.register(BUILTINS);
        CharLengthCoercion.register(BUILTINS);
        CharCasts.register(BUILTINS);
        EncodingFunctions.register(BUILTINS);
        EncodingNames.register(BUILTINS);
        ParseIdent.register(BUILTINS);
        StringToArray.register(BUILTINS);
        RegexFunctions.register(BUILTINS);
        RegexArrayFunctions.register(BUILTINS);
        SimilarToEscape.register(BUILTINS);
        NumericMathFunctions.register(BUILTINS);
        DegreeTrigFunctions.register(BUILTINS);
        FloatMoreFunctions.register(BUILTINS);
        ToCharNumber.register(BUILTINS);
        ToNumber.register(BUILTINS);
        ByteaFunctions.register(BUILTINS);
        UuidFunctions.register(BUILTINS);
        JsonbOperators.register(BUILTINS);
        JsonbPathEdit.register(BUILTINS);
        JsonbPretty.register(BUILTINS);
        JsonFunctions.register(BUILTINS);
        JsonBuild.register(BUILTINS);
        JsonObjectFromArrays.register(BUILTINS);
        HashFunctions.register(BUILTINS);
        SessionFunctions.register(BUILTINS);
        BranchFunctions.register(BUILTINS);
        org.lakepg.server.function.scalar.PrivilegeFunctions.register(BUILTINS);
        org.lakepg.server.function.scalar.SqlFunctionCall.register(BUILTINS);
        AggregateSupport.register(BUILTINS);
        org.lakepg.server.function.aggregate.ArrayAggregates.register(BUILTINS);
        org.lakepg.server.function.aggregate.OrderedSetAggregates.register(BUILTINS);
        org.lakepg.server.function.aggregate.StatisticalAggregates.register(BUILTINS);
        org.lakepg.server.function.scalar.JsonAggregates.register(BUILTINS);
        DateFunctions.register(BUILTINS);
        TimestampFunctions.register(BUILTINS);
        IntervalFunctions.register(BUILTINS);
        TimeFunctions.register(BUILTINS);
        TimeZoneFunctions.register(BUILTINS);
        DateTimeClockFunctions.register(BUILTINS);
        DateTimeConstructors.register(BUILTINS);
        DateTimeExtractFunctions.register(BUILTINS);
        DateTimeTruncFunctions.register(BUILTINS);
        DateTimeFormattingFunctions.register(BUILTINS);
        DateTimeInRangeFunctions.register(BUILTINS);
        DateTimeHashFunctions.register(BUILTINS);
        IntervalAggregateFunctions.register(BUILTINS);
        org.lakepg.server.function.scalar.SequenceFunctions.register(BUILTINS);
        GeometricPoints.register(BUILTINS);
        GeometricBoxes.register(BUILTINS);
        GeometricPaths.register(BUILTINS);
        GeometricCircles.register(BUILTINS);
        GeometricRelations.register(BUILTINS);
        NetworkFunctions.register(BUILTINS);
        NetworkMacFunctions.register(BUILTINS);
        MoneyFunctions.register(BUILTINS);
        BitStringFunctions.register(BUILTINS);
        JsonpathFunctions.register(BUILTINS);
        TxidFunctions.register(BUILTINS);
        TextSearchFunctions.register(BUILTINS);
        TextSearchConfigFunctions.register(BUILTINS);
        org.lakepg.server.function.scalar.TextSearchRewrite.register(BUILTINS);
        TextSearchQueryOrder.register(BUILTINS);
        TextSearchRank.register(BUILTINS);
        TextSearchRankCd.register(BUILTINS);
        LsnFunctions.register(BUILTINS);
        org.lakepg.server.function.scalar.CatalogComparisons.register(BUILTINS);
        org.lakepg.server.function.scalar.CatalogFunctions.register(BUILTINS);
        org.lakepg.server.function.scalar.TidFunctions.register(BUILTINS);
        org.lakepg.server.function.scalar.DomainCheck.register(BUILTINS);
        org.lakepg.server.function.scalar.EnumFunctions.register(BUILTINS);
        org.lakepg.server.function.scalar.RowFunctions.register(BUILTINS);
        org.lakepg.server.function.scalar.RangeFunctions.register(BUILTINS);
        org.lakepg.server.function.scalar.Multiranges.register(BUILTINS);
        org.lakepg.server.function.scalar.JsonPopulate.register(BUILTINS);
        org.lakepg.server.function.scalar.JsonbSubscriptAssign.register(BUILTINS);
        org.lakepg.server.function.scalar.BinarySendFunctions.register(BUILTINS);
        org.lakepg.server.function.scalar.TextIoFunctions.register(BUILTINS);
        org.lakepg.server.function.scalar.VariadicAnyCalls.register(BUILTINS);
    }

    private final Map<String, ScalarFunction> bySource = new HashMap<>();

    public static FunctionRegistry builtins() {
        return BUILTINS;
    }

    public void register(String source, ScalarFunction function) {
        if (bySource.putIfAbsent(source, function) != null) {
            throw new IllegalStateException("function code registered twice: " + source);
        }
    }

    public Optional<ScalarFunction> lookup(String source) {
        return Optional.ofNullable(bySource.get(source));
    }

    public int size() {
        return bySource.size();
    }
}
