package uk.sufficiency.warehouse.forecast;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Saved scenarios: one JSON file each in {@code scenarios/} of the warehouse directory, named after
 * the scenario. Every run projects them all beside the base.
 */
public final class ScenarioStore {
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT);

    private final Path dir;

    public ScenarioStore(Path warehouseDir) {
        this.dir = warehouseDir.resolve("scenarios");
    }

    /** Reads a scenario file, saying which file and what is wrong when it cannot be used. */
    public static Scenario read(Path file) {
        try {
            Scenario scenario = JSON.readValue(file.toFile(), Scenario.class);
            if (Scenario.reservedName(scenario.name())) {
                throw new IllegalArgumentException(file + ": '" + scenario.name()
                        + "' is the unchanged projection's name; give the scenario another name");
            }
            return scenario;
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": " + message(e), e);
        }
    }

    public static Scenario parse(String json) {
        try {
            return JSON.readValue(json, Scenario.class);
        } catch (IOException e) {
            throw new IllegalArgumentException(message(e), e);
        }
    }

    /** The scenario's own complaint when its constructor refused a value, else the JSON reader's, without the source dump. */
    private static String message(IOException e) {
        if (e.getCause() instanceof IllegalArgumentException refused) {
            return refused.getMessage();
        }
        return e instanceof com.fasterxml.jackson.core.JsonProcessingException json ? json.getOriginalMessage()
                : e.getMessage();
    }

    public static String toJson(Scenario scenario) {
        try {
            return JSON.writeValueAsString(scenario);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The saved scenarios, by name; two files holding the same LA's scenario of one name are refused. */
    public List<Scenario> all() {
        return List.copyOf(files().values());
    }

    /** The saved scenarios that are projected for an LA: its own and those for every LA. */
    public List<Scenario> forLa(String la) {
        return all().stream().filter(s -> s.appliesTo(la)).toList();
    }

    private Map<Path, Scenario> files() {
        Map<Path, Scenario> scenarios = new LinkedHashMap<>();
        if (!Files.isDirectory(dir)) {
            return scenarios;
        }
        Map<String, Path> seen = new HashMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList()) {
                Scenario scenario = read(file);
                Path other = seen.put(key(scenario.la(), scenario.name()), file);
                if (other != null) {
                    throw new IllegalArgumentException(file + " and " + other + " both hold the scenario '"
                            + scenario.name() + "'" + (scenario.la() == null ? "" : " for " + scenario.la())
                            + ": remove one");
                }
                scenarios.put(file, scenario);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot list " + dir + ": " + e.getMessage(), e);
        }
        List<Map.Entry<Path, Scenario>> sorted = new ArrayList<>(scenarios.entrySet());
        sorted.sort(Comparator.comparing((Map.Entry<Path, Scenario> e) -> e.getValue().name())
                .thenComparing(e -> String.valueOf(e.getValue().la())));
        Map<Path, Scenario> ordered = new LinkedHashMap<>();
        sorted.forEach(e -> ordered.put(e.getKey(), e.getValue()));
        return ordered;
    }

    /**
     * Saves (or replaces) a scenario, written to a temporary file first so a reader never sees half
     * of it. Refused when another scenario would share its file (names that differ only in case or
     * punctuation).
     */
    public Path save(Scenario scenario) {
        if (Scenario.reservedName(scenario.name())) {
            throw new IllegalArgumentException("'" + scenario.name()
                    + "' is the unchanged projection's name; give the scenario another name");
        }
        try {
            Files.createDirectories(dir);
            Map<Path, Scenario> existing = files();
            Path file = dir.resolve(fileName(scenario.la(), scenario.name()));
            Scenario there = existing.get(file);
            if (there != null && !key(there.la(), there.name()).equals(key(scenario.la(), scenario.name()))) {
                throw new IllegalArgumentException("The name '" + scenario.name() + "' is too like the saved scenario '"
                        + there.name() + "': give it another name");
            }
            existing.forEach((path, saved) -> {
                if (!path.equals(file) && key(saved.la(), saved.name()).equals(key(scenario.la(), scenario.name()))) {
                    delete(path); // the same scenario in a file of another name (copied in by hand): replaced
                }
            });
            Path temp = Files.createTempFile(dir, ".saving", ".tmp");
            Files.writeString(temp, toJson(scenario));
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return file;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot save the scenario in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Deletes an LA's scenario (null: the one for every LA), whatever its file is called. */
    public boolean delete(String la, String name) {
        for (Map.Entry<Path, Scenario> file : files().entrySet()) {
            if (key(file.getValue().la(), file.getValue().name()).equals(key(la, name))) {
                delete(file.getKey());
                return true;
            }
        }
        return false;
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot delete " + file + ": " + e.getMessage(), e);
        }
    }

    private static String key(String la, String name) {
        return la + '\u0000' + name;
    }

    private static String fileName(String la, String name) {
        String base = (la == null ? "" : la + "--") + name;
        return base.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]+", "-") + ".json";
    }
}
