package uk.sufficiency.pipeline.staging;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import uk.sufficiency.pipeline.InputProblem;

/**
 * Finds the files of a landing folder and recognises each from its name and first line only, so
 * the driver never reads a child's row. Files it does not recognise are listed as ignored, each
 * with the reason. A file that looks like a 903 table (by its name, or by having CHILD and most of
 * a table's columns) but cannot be read as one fails the run, naming the file: its rows would
 * otherwise be lost without a word.
 */
public final class InputCatalog {
    /** Bytes looked at to tell text from a binary file. */
    private static final int SNIFF_BYTES = 8192;
    /** First bytes of zip (xlsx, ods), OLE (xls), PDF and gzip files. */
    private static final byte[][] MAGIC = {{'P', 'K', 3, 4}, {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0},
            {'%', 'P', 'D', 'F'}, {0x1F, (byte) 0x8B}};

    private final Path inputDir;
    private final List<InputFile> recognised;
    private final List<Ignored> ignored;

    /** A file the run does not read, and why. */
    public record Ignored(String displayName, String reason) {
    }

    private InputCatalog(Path inputDir, List<InputFile> recognised, List<Ignored> ignored) {
        this.inputDir = inputDir;
        this.recognised = recognised;
        this.ignored = ignored;
    }

    public static InputCatalog scan(Path inputDir) {
        Path root = inputDir.toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) {
            throw new InputProblem(inputDir.toString(), "the input folder does not exist or is not a folder");
        }
        List<InputFile> recognised = new ArrayList<>();
        List<Ignored> ignored = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).filter(p -> !isHidden(root, p)).sorted().toList()) {
                String display = root.relativize(file).toString();
                String unreadable = unreadable(file, display);
                InputFile input = unreadable == null ? recognise(root, file, display) : null;
                if (input == null) {
                    ignored.add(new Ignored(display, unreadable != null ? unreadable : notRecognised(display)));
                } else {
                    recognised.add(input);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the input folder " + root, e);
        }
        return new InputCatalog(root, List.copyOf(recognised), List.copyOf(ignored));
    }

    public Path inputDir() {
        return inputDir;
    }

    public List<InputFile> recognised() {
        return recognised;
    }

    public List<InputFile> of(SourceTable table) {
        return recognised.stream().filter(f -> f.table() == table).toList();
    }

    public List<InputFile> xmlReturns() {
        return recognised.stream().filter(InputFile::isXml).toList();
    }

    public List<String> ignored() {
        return ignored.stream().map(Ignored::displayName).toList();
    }

    public List<Ignored> ignoredWithReasons() {
        return ignored;
    }

    /** The 903 table a file's name names (episodes, header, uasc), if any. */
    private static SourceTable named903(String display) {
        String name = Path.of(display).getFileName().toString().toLowerCase(Locale.ROOT);
        for (SourceTable table : SourceTable.values()) {
            if (table.is903() && name.contains(table.label())) {
                return table;
            }
        }
        return null;
    }

    /**
     * Why a CSV or XML file cannot be read at all (empty, or binary), or null when it can be tried.
     * Refused outright when its name says it is a 903 table.
     */
    private static String unreadable(Path file, String display) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean readable = name.endsWith(".csv") || name.endsWith(".xml");
        String reason;
        try {
            if (!readable) {
                reason = "not a CSV or XML file";
            } else if (Files.size(file) == 0) {
                reason = "empty (0 bytes)";
            } else if (binary(file)) {
                reason = "binary, not text (a spreadsheet or archive saved under a ." + name.substring(name.lastIndexOf('.') + 1)
                        + " name?)";
            } else {
                return null;
            }
        } catch (IOException e) {
            reason = "cannot be read (" + e.getMessage() + ")";
        }
        SourceTable named = named903(display);
        if (named == SourceTable.EPISODES || (named != null && readable)) {
            throw new InputProblem(display, "is named as a 903 " + named.label() + " table but is " + reason
                    + "; its rows cannot be read. Export it again as CSV (or the XML return), or move it out of the folder");
        }
        return reason;
    }

    /**
     * A spreadsheet, archive or PDF by its first bytes, or text no CSV would be: more than one byte in
     * twenty a control character. (A stray NUL in one value is not enough: that row is rejected instead.)
     */
    private static boolean binary(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] start = in.readNBytes(SNIFF_BYTES);
            for (byte[] magic : MAGIC) {
                if (start.length >= magic.length && Arrays.equals(Arrays.copyOf(start, magic.length), magic)) {
                    return true;
                }
            }
            long control = 0;
            for (byte b : start) {
                control += b >= 0 && b < 0x20 && b != '\t' && b != '\n' && b != '\r' ? 1 : 0;
            }
            return control * 20 > start.length;
        }
    }

    private static String notRecognised(String display) {
        return display.toLowerCase(Locale.ROOT).endsWith(".xml") ? "XML, but not a 903 return (root Children or EXPSSDA903)"
                : "its columns match no input the product reads (a 903 table it does not use, such as missing or reviews?)";
    }

    private static boolean isHidden(Path root, Path file) {
        for (Path part : root.relativize(file)) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private static InputFile recognise(Path root, Path file, String display) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        Integer nameYear = CollectionYearInName.of(root, file);
        if (name.endsWith(".xml")) {
            return is903Xml(file, display) ? new InputFile(file, display, null, List.of(), nameYear, List.of()) : null;
        }
        if (!name.endsWith(".csv")) {
            return null;
        }
        List<String> columns = headerColumns(file, display);
        Set<String> columnSet = new LinkedHashSet<>(columns);
        for (SourceTable table : SourceTable.values()) {
            if (!table.claims(columnSet, name)) {
                continue;
            }
            List<String> repeated = table.required().stream().filter(c -> columnSet.contains(c + "_2")).toList();
            if (!repeated.isEmpty() && table.is903()) {
                throw new InputProblem(display, "has the column" + (repeated.size() > 1 ? "s " : " ")
                        + String.join(", ", repeated) + " more than once; which one holds the data is unclear");
            }
            List<String> missing = table.required().stream().filter(c -> !columnSet.contains(c)).toList();
            if (!missing.isEmpty()) {
                throw new InputProblem(display, "looks like a " + table.label() + " table but lacks the required column"
                        + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing));
            }
            List<String> extra = columns.stream()
                    .filter(c -> !table.required().contains(c) && !SourceTable.OPTIONAL_COLUMNS.contains(c)).toList();
            return new InputFile(file, display, table, columns, nameYear, table.is903() ? extra : List.of());
        }
        return null;
    }

    /** The header row's column names, upper-case and trimmed, BOM removed. */
    static List<String> headerColumns(Path file, String display) {
        // Undecodable bytes become U+FFFD, as Spark reads the rows, rather than failing the whole run.
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(Files.newInputStream(file), decoder))) {
            String first = reader.readLine();
            if (first == null) {
                return List.of();
            }
            if (first.startsWith("\uFEFF")) {
                first = first.substring(1);
            }
            return uniqueNames(splitOutsideQuotes(first).stream()
                    .map(c -> c.strip().toUpperCase(Locale.ROOT))
                    .toList());
        } catch (IOException e) {
            throw new InputProblem(display, "cannot be read as UTF-8 text (" + e.getMessage() + ")");
        }
    }

    /** A CSV line's fields, honouring double quotes as the rows' parser does. */
    static List<String> splitOutsideQuotes(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"' && quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                field.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }

    /**
     * Column names made unique so every value keeps its position: a repeated name gets {@code _2},
     * {@code _3}, … on its later occurrences (DfE's 2021 neighbour file repeats {@code SNP} after each
     * {@code SNn}), and a blank name (a trailing comma) becomes {@code _C} and its 0-based position.
     */
    static List<String> uniqueNames(List<String> names) {
        List<String> out = new ArrayList<>(names.size());
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i).isEmpty() ? "_C" + i : names.get(i);
            int occurrence = seen.merge(name, 1, Integer::sum);
            out.add(occurrence == 1 ? name : name + "_" + occurrence);
        }
        return List.copyOf(out);
    }

    /** A 903 XML return has root {@code Children} or {@code EXPSSDA903} (any case). */
    private static boolean is903Xml(Path file, String display) {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        try (InputStream in = Files.newInputStream(file)) {
            XMLStreamReader reader = factory.createXMLStreamReader(in);
            while (reader.hasNext()) {
                if (reader.next() == XMLStreamReader.START_ELEMENT) {
                    String root = reader.getLocalName().toUpperCase(Locale.ROOT);
                    if (!root.equals("CHILDREN") && !root.equals("EXPSSDA903")) {
                        return false;
                    }
                    // Read to the end (keeping nothing) so a truncated return fails here, naming the file
                    // and line, rather than deep inside a Spark task.
                    while (reader.hasNext()) {
                        reader.next();
                    }
                    return true;
                }
            }
            return false;
        } catch (XMLStreamException e) {
            throw new InputProblem(display, "is not well-formed XML (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }
}
