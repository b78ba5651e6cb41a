package uk.sufficiency.warehouse.forecast;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
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
            if (scenario.name().equals(Scenario.BASE_NAME)) {
                throw new IllegalArgumentException(file + ": 'base' is the unchanged projection; give the scenario another name");
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

    /** The saved scenarios, by name. */
    public List<Scenario> all() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Scenario> scenarios = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted()
                    .forEach(f -> scenarios.add(read(f)));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot list " + dir + ": " + e.getMessage(), e);
        }
        scenarios.sort(java.util.Comparator.comparing(Scenario::name));
        return scenarios;
    }

    /** Saves (or replaces) a scenario, written to a temporary file first so a reader never sees half of it. */
    public Path save(Scenario scenario) {
        if (scenario.name().equals(Scenario.BASE_NAME)) {
            throw new IllegalArgumentException("'base' is the unchanged projection; give the scenario another name");
        }
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve(fileName(scenario.name()));
            Path temp = Files.createTempFile(dir, ".saving", ".tmp");
            Files.writeString(temp, toJson(scenario));
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return file;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot save the scenario in " + dir + ": " + e.getMessage(), e);
        }
    }

    public boolean delete(String name) {
        try {
            return Files.deleteIfExists(dir.resolve(fileName(name)));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot delete the scenario: " + e.getMessage(), e);
        }
    }

    private static String fileName(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-") + ".json";
    }
}
