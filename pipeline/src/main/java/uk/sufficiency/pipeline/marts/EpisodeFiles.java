package uk.sufficiency.pipeline.marts;

import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.make_date;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import uk.sufficiency.pipeline.staging.InputFile;

/**
 * What can be said about each episodes file as a whole, from one aggregate per file (never a row):
 * a file cut off inside its last row, lines shorter than their header, a header with no rows, and a
 * file whose dates sit a year after the return year it is dated by (a file named by the year its
 * return starts). Each becomes a notice in plain words for the run summary, naming file and line;
 * the short lines and empty files are also warnings in {@code data_quality}.
 */
public final class EpisodeFiles {
    /** Share of a file's kept episodes starting after its return year above which its year is doubted. */
    static final double MISDATED_SHARE = 0.10;

    private final Map<String, Stats> byFile;

    private EpisodeFiles(Map<String, Stats> byFile) {
        this.byFile = byFile;
    }

    /** One file's counts. {@code firstYear}/{@code lastYear} null when no row has a year. */
    public record Stats(String file, long rows, long rejected, long kept, long shortKept, Integer firstShortLine,
                        Integer cutOffLine, long afterYear, long afterNextYear, Integer firstYear, Integer lastYear,
                        List<String> las) {
    }

    /** @param validated {@code IntEpisodesValidated} rows */
    public static EpisodeFiles of(Dataset<Row> validated) {
        Column kept = col("reject_reason").isNull();
        Column yearEnd = make_date(col("year"), lit(3), lit(31));
        Column shortKept = kept.and(col("short_line"));
        Map<String, Stats> out = new HashMap<>();
        for (Row r : validated.groupBy(col("file")).agg(
                count(lit(1)), count(when(kept.unary_$bang(), lit(1))), count(when(kept, lit(1))),
                count(when(shortKept, lit(1))), min(when(shortKept, col("line"))),
                max(when(col("reject_reason").equalTo("short_row").and(col("unterminated")), col("line"))),
                count(when(kept.and(col("decom").gt(yearEnd)), lit(1))),
                count(when(kept.and(col("decom").gt(make_date(col("year").plus(1), lit(3), lit(31)))), lit(1))),
                min(col("year")), max(col("year")),
                array_sort(collect_set(when(kept, col("la"))))).collectAsList()) {
            out.put(r.getString(0), new Stats(r.getString(0), r.getLong(1), r.getLong(2), r.getLong(3), r.getLong(4),
                    integer(r, 5), integer(r, 6), r.getLong(7), r.getLong(8), integer(r, 9), integer(r, 10),
                    r.getList(11)));
        }
        return new EpisodeFiles(out);
    }

    private static Integer integer(Row r, int i) {
        return r.isNullAt(i) ? null : r.getInt(i);
    }

    public Stats of(String file) {
        return byFile.get(file);
    }

    /** Files of the catalogue with a header and no rows. */
    public List<InputFile> empty(List<InputFile> files) {
        return files.stream().filter(f -> !f.isXml() && !byFile.containsKey(f.displayName())).toList();
    }

    /** Plain-words notices for the summary, in file order. */
    public List<String> notices(List<InputFile> episodeFiles) {
        List<String> out = new ArrayList<>();
        for (InputFile f : episodeFiles) {
            Stats s = byFile.get(f.displayName());
            if (s == null) {
                if (!f.isXml()) {
                    out.add(f.displayName() + ": an episodes file with its header and no rows (empty_episodes_file). "
                            + "The export may have failed or been interrupted: export the return's episodes again; "
                            + "if the LA really had none that year, remove the file.");
                }
                continue;
            }
            if (s.cutOffLine() != null) {
                out.add(f.displayName() + " line " + s.cutOffLine() + ": the file ends in the middle of a row (no line "
                        + "break, fewer fields than the header), so that row was rejected as short_row. The file may "
                        + "be incomplete (an interrupted copy or export): copy or export it again and run again.");
            }
            if (s.shortKept() > 0) {
                out.add(f.displayName() + " line " + s.firstShortLine() + ": " + s.shortKept() + (s.shortKept() == 1
                        ? " line has" : " lines have") + " fewer fields than the header (short_line; the first at line "
                        + s.firstShortLine() + "); the missing fields were read as blank. The file may be incomplete: "
                        + "check it against the source system and export it again if so.");
            }
            if (misdated(s)) {
                int year = s.lastYear();
                out.add(String.format("%s: %,d of %,d episodes (%.0f%%) start after 31 March %d, the end of the %d-%02d "
                                + "return the file is dated by, and none after 31 March %d (decom_after_return_year). "
                                + "The file is probably named by the year its return starts, so its dates sit a year late. "
                                + "Rename it by the year the return ends (for example %d-episodes.csv or %d-%02d) and "
                                + "run again; its episodes are counted meanwhile, but dated a year early.",
                        f.displayName(), s.afterYear(), s.kept(), 100.0 * s.afterYear() / s.kept(), year, year - 1,
                        year % 100, year + 1, year + 1, year, (year + 1) % 100));
            }
        }
        return out;
    }

    /** Enough of a one-year file's episodes start in the following year, and none later, that its year is doubted. */
    static boolean misdated(Stats s) {
        return s.kept() > 0 && s.firstYear() != null && s.firstYear().equals(s.lastYear())
                && s.afterYear() >= MISDATED_SHARE * s.kept() && s.afterNextYear() == 0;
    }

    /**
     * The file-level warnings for {@code data_quality} (la, source, warning, count): {@code short_line}
     * per kept short line and {@code empty_episodes_file} per file with no rows, under the run's
     * {@code --la} (null without it).
     */
    public Dataset<Row> warnings(SparkSession spark, Dataset<Row> validated, List<InputFile> episodeFiles, String la) {
        Dataset<Row> shortLines = validated.where(col("reject_reason").isNull().and(col("short_line")))
                .groupBy(col("la")).agg(count(lit(1)).as("count"))
                .select(col("la"), lit("episodes").as("source"), lit("short_line").as("warning"), col("count"));
        Map<String, Long> emptyByLa = new TreeMap<>();
        List<Row> empty = new ArrayList<>();
        for (InputFile f : empty(episodeFiles)) {
            emptyByLa.merge(la == null ? "" : la, 1L, Long::sum);
        }
        emptyByLa.forEach((l, n) -> empty.add(RowFactory.create(l.isEmpty() ? null : l, "episodes",
                "empty_episodes_file", n)));
        StructType schema = new StructType().add("la", DataTypes.StringType).add("source", DataTypes.StringType)
                .add("warning", DataTypes.StringType).add("count", DataTypes.LongType, false);
        return shortLines.unionByName(spark.createDataFrame(empty, schema));
    }
}
