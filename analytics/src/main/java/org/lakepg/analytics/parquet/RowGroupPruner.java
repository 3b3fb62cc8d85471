package org.lakepg.analytics.parquet;

import java.io.IOException;
import java.util.List;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Dictionary;
import org.apache.parquet.column.EncodingStats;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.column.page.DictionaryPageReadStore;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.schema.PrimitiveComparator;
import org.apache.parquet.schema.PrimitiveType;
import org.lakepg.analytics.batch.Schema;

/**
 * Decides from a row group's footer statistics, and from its dictionaries, that no row in it can satisfy all the
 * predicates. Only ever answers "skip" when that is certain; NULLs never satisfy a comparison.
 */
final class RowGroupPruner {

    /** Why a row group can be skipped. */
    enum Verdict { READ, SKIP_BY_STATISTICS, SKIP_BY_DICTIONARY }

    private final Schema schema;
    private final ParquetColumnType[] types;
    private final List<ColumnDescriptor> descriptors;

    RowGroupPruner(Schema schema, ParquetColumnType[] types, List<ColumnDescriptor> descriptors) {
        this.schema = schema;
        this.types = types;
        this.descriptors = descriptors;
    }

    Verdict judge(BlockMetaData block, List<ColumnPredicate> predicates, DictionaryPageReadStore dictionaries)
            throws IOException {
        for (ColumnPredicate p : predicates) {
            if (cannotMatchByStatistics(block, p)) {
                return Verdict.SKIP_BY_STATISTICS;
            }
        }
        for (ColumnPredicate p : predicates) {
            if (cannotMatchByDictionary(block, p, dictionaries)) {
                return Verdict.SKIP_BY_DICTIONARY;
            }
        }
        return Verdict.READ;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private boolean cannotMatchByStatistics(BlockMetaData block, ColumnPredicate p) {
        ColumnChunkMetaData chunk = block.getColumns().get(p.column());
        Statistics stats = chunk.getStatistics();
        if (stats == null || !stats.isNumNullsSet()) {
            return false;
        }
        long rows = block.getRowCount();
        boolean allNull = stats.getNumNulls() == rows;
        switch (p.op()) {
            case IS_NULL:
                return stats.getNumNulls() == 0;
            case IS_NOT_NULL:
                return allNull;
            default:
                if (allNull) {
                    return true;
                }
        }
        Comparable literal = ParquetValues.toParquet(schema.column(p.column()), types[p.column()], p.literal());
        if (literal == null || !stats.hasNonNullValue()) {
            return false;
        }
        PrimitiveComparator cmp = stats.comparator();
        Comparable min = stats.genericGetMin();
        Comparable max = stats.genericGetMax();
        return switch (p.op()) {
            case EQ -> cmp.compare(literal, min) < 0 || cmp.compare(literal, max) > 0;
            case NE -> cmp.compare(min, literal) == 0 && cmp.compare(max, literal) == 0;
            case LT -> cmp.compare(min, literal) >= 0;
            case LE -> cmp.compare(min, literal) > 0;
            case GT -> cmp.compare(max, literal) <= 0;
            case GE -> cmp.compare(max, literal) < 0;
            default -> false;
        };
    }

    /**
     * A range test on an integer chunk with exact statistics: the dictionary holds exactly the chunk's values, whose
     * min and max the statistics are, so it cannot prune what they kept. Decoding it for nothing cost a warm query
     * more than its filter (a dictionary per row group and predicate, every query).
     */
    private static boolean rangeAlreadyJudged(ColumnChunkMetaData chunk, ColumnPredicate p) {
        var type = chunk.getPrimitiveType().getPrimitiveTypeName();
        boolean range = switch (p.op()) {
            case LT, LE, GT, GE -> true;
            default -> false;
        };
        Statistics<?> stats = chunk.getStatistics();
        return range && (type == PrimitiveType.PrimitiveTypeName.INT32 || type == PrimitiveType.PrimitiveTypeName.INT64)
                && stats != null && stats.hasNonNullValue();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private boolean cannotMatchByDictionary(BlockMetaData block, ColumnPredicate p, DictionaryPageReadStore dictionaries)
            throws IOException {
        if (p.op() == ColumnPredicate.Op.IS_NULL || p.op() == ColumnPredicate.Op.IS_NOT_NULL) {
            return false;
        }
        ColumnChunkMetaData chunk = block.getColumns().get(p.column());
        if (rangeAlreadyJudged(chunk, p)) {
            return false;
        }
        EncodingStats encodings = chunk.getEncodingStats();
        // Only a chunk whose every data page is dictionary-encoded has all its values in the dictionary.
        if (encodings == null || !encodings.hasDictionaryPages() || encodings.hasNonDictionaryEncodedPages()) {
            return false;
        }
        Comparable literal = ParquetValues.toParquet(schema.column(p.column()), types[p.column()], p.literal());
        if (literal == null) {
            return false;
        }
        ColumnDescriptor descriptor = descriptors.get(p.column());
        DictionaryPage page = dictionaries.readDictionaryPage(descriptor);
        if (page == null) {
            return false;
        }
        Dictionary dictionary = page.getEncoding().initDictionary(descriptor, page);
        PrimitiveComparator cmp = chunk.getPrimitiveType().comparator();
        for (int id = 0; id <= dictionary.getMaxId(); id++) {
            Comparable value = switch (chunk.getPrimitiveType().getPrimitiveTypeName()) {
                case INT32 -> dictionary.decodeToInt(id);
                case INT64 -> dictionary.decodeToLong(id);
                case FLOAT -> dictionary.decodeToFloat(id);
                case DOUBLE -> dictionary.decodeToDouble(id);
                default -> dictionary.decodeToBinary(id);
            };
            int c = cmp.compare(value, literal);
            boolean matches = switch (p.op()) {
                case EQ -> c == 0;
                case NE -> c != 0;
                case LT -> c < 0;
                case LE -> c <= 0;
                case GT -> c > 0;
                case GE -> c >= 0;
                default -> true;
            };
            if (matches) {
                return false;
            }
        }
        return true;
    }
}
