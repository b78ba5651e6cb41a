package uk.sufficiency.pipeline.synthetic;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The yearly 903 episode and header files, written the way an LA's case system produces them:
 * the return for collection year Y (1 April Y-1 to 31 March Y) repeats every episode open at any
 * time in that year; DEC, REC and REASON_PLACE_CHANGE appear only once the episode has closed by
 * 31 March Y. One LA gets a folder per year and no LA column; several LAs are pooled into one file
 * per year with trailing LA and YEAR columns, as regional extracts are.
 */
final class ReturnFiles implements Closeable {
    static final String EPISODE_COLUMNS =
            "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN";
    static final String HEADER_COLUMNS = "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB";

    private final int firstYear;
    private final boolean pooled;
    private final List<Path> files = new ArrayList<>();
    private final List<Writer> episodeWriters = new ArrayList<>();
    private final List<Writer> headerWriters = new ArrayList<>();
    private final StringBuilder row = new StringBuilder(160);
    private long episodeRows;
    private long headerRows;

    ReturnFiles(GeneratorOptions options) throws IOException {
        this.firstYear = options.firstYear();
        this.pooled = options.las() > 1;
        String extra = pooled ? ",LA,YEAR" : "";
        try {
            for (int year = firstYear; year <= options.lastYear(); year++) {
                Path folder = pooled ? options.outDir() : options.outDir().resolve(Integer.toString(year));
                Files.createDirectories(folder);
                episodeWriters.add(open(folder.resolve("episodes_" + year + ".csv"), EPISODE_COLUMNS + extra));
                headerWriters.add(open(folder.resolve("header_" + year + ".csv"), HEADER_COLUMNS + extra));
            }
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    private Writer open(Path file, String columns) throws IOException {
        files.add(file);
        Writer writer = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16);
        writer.write(columns);
        writer.write('\n');
        return writer;
    }

    /** Writes the child into every return whose year one of the child's episodes overlaps. */
    void write(String laName, Child child) throws IOException {
        for (int i = 0; i < episodeWriters.size(); i++) {
            int year = firstYear + i;
            LocalDate yearStart = LocalDate.of(year - 1, 4, 1);
            LocalDate yearEnd = LocalDate.of(year, 3, 31);
            boolean any = false;
            for (Episode episode : child.episodes()) {
                if (!episode.decom().isAfter(yearEnd) && !episode.dec().isBefore(yearStart)) {
                    writeEpisode(episodeWriters.get(i), laName, year, child, episode, !episode.dec().isAfter(yearEnd));
                    any = true;
                }
            }
            if (any) {
                writeHeader(headerWriters.get(i), laName, year, child, yearEnd);
            }
        }
    }

    private void writeEpisode(Writer out, String laName, int year, Child child, Episode e, boolean closed)
            throws IOException {
        row.setLength(0);
        row.append(child.id()).append(',');
        date(e.decom()).append(',').append(e.reasonNewEpisode())
                .append(',').append(e.legalStatus())
                .append(',').append(e.categoryOfNeed())
                .append(',').append(e.home().setting().place)
                .append(',').append(e.home().provider()).append(',');
        if (closed) {
            date(e.dec()).append(',').append(e.reasonEnded()).append(',').append(e.reasonPlaceChange());
        } else {
            row.append(",,");
        }
        row.append(',').append(e.homePostcode())
                .append(',').append(e.home().postcode())
                .append(',').append(e.home().urn());
        finish(out, laName, year);
        episodeRows++;
    }

    private void writeHeader(Writer out, String laName, int year, Child child, LocalDate yearEnd) throws IOException {
        row.setLength(0);
        row.append(child.id()).append(',').append(child.male() ? '1' : '2').append(',');
        date(child.dob()).append(',').append(child.ethnicity()).append(',');
        // children under 5 are not yet at school, so have no UPN yet (reason code UN1)
        row.append(child.dob().plusYears(5).isAfter(yearEnd) ? "UN1" : child.upn()).append(',');
        boolean mother = child.babyBorn() != null && !child.babyBorn().isAfter(yearEnd);
        if (!child.male()) {
            row.append(mother ? '1' : '0');
        }
        row.append(',');
        if (mother) {
            date(child.babyBorn());
        }
        finish(out, laName, year);
        headerRows++;
    }

    private void finish(Writer out, String laName, int year) throws IOException {
        if (pooled) {
            row.append(',').append(laName).append(',').append(year);
        }
        row.append('\n');
        out.append(row);
    }

    /** dd/mm/yyyy, the form LAs' case systems export. */
    private StringBuilder date(LocalDate date) {
        int day = date.getDayOfMonth();
        int month = date.getMonthValue();
        return row.append(day < 10 ? "0" : "").append(day).append('/')
                .append(month < 10 ? "0" : "").append(month).append('/')
                .append(date.getYear());
    }

    List<Path> files() {
        return List.copyOf(files);
    }

    long episodeRows() {
        return episodeRows;
    }

    long headerRows() {
        return headerRows;
    }

    @Override
    public void close() throws IOException {
        IOException failure = null;
        for (Writer writer : concat(episodeWriters, headerWriters)) {
            try {
                writer.close();
            } catch (IOException e) {
                failure = failure == null ? e : failure;
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private static List<Writer> concat(List<Writer> a, List<Writer> b) {
        List<Writer> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
