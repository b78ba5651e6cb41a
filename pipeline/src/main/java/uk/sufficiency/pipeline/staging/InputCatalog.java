package uk.sufficiency.pipeline.staging;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import uk.sufficiency.pipeline.InputProblem;

/**
 * Finds the files of a landing folder and recognises each from its name and first line only, so
 * the driver never reads a child's row. Files it does not recognise are listed as ignored.
 */
public final class InputCatalog {
    private final Path inputDir;
    private final List<InputFile> recognised;
    private final List<String> ignored;

    private InputCatalog(Path inputDir, List<InputFile> recognised, List<String> ignored) {
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
        List<String> ignored = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).filter(p -> !isHidden(root, p)).sorted().toList()) {
                String display = root.relativize(file).toString();
                InputFile input = recognise(root, file, display);
                if (input == null) {
                    ignored.add(display);
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
        return ignored;
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
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String first = reader.readLine();
            if (first == null) {
                return List.of();
            }
            if (first.startsWith("\uFEFF")) {
                first = first.substring(1);
            }
            return Arrays.stream(first.split(",", -1))
                    .map(c -> c.strip().replace("\"", "").toUpperCase(Locale.ROOT))
                    .toList();
        } catch (IOException e) {
            throw new InputProblem(display, "cannot be read as UTF-8 text (" + e.getMessage() + ")");
        }
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
                    return root.equals("CHILDREN") || root.equals("EXPSSDA903");
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
