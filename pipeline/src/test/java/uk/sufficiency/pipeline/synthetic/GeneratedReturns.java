package uk.sufficiency.pipeline.synthetic;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The returns a generator run wrote, read back by collection year, in either layout. */
final class GeneratedReturns {
    final GeneratorOptions options;
    final GeneratedSummary summary;
    final Map<Integer, List<Map<String, String>>> episodes = new TreeMap<>();
    final Map<Integer, List<Map<String, String>>> headers = new TreeMap<>();

    private GeneratedReturns(GeneratorOptions options, GeneratedSummary summary) {
        this.options = options;
        this.summary = summary;
    }

    static GeneratedReturns generate(GeneratorOptions options) throws IOException {
        GeneratedReturns returns = new GeneratedReturns(options, SyntheticReturns.write(options));
        for (int year = options.firstYear(); year <= options.lastYear(); year++) {
            returns.episodes.put(year, ReturnRows.read(returns.episodeFile(year)));
            returns.headers.put(year, ReturnRows.read(returns.headerFile(year)));
        }
        return returns;
    }

    Path episodeFile(int year) {
        return folder(year).resolve("episodes_" + year + ".csv");
    }

    Path headerFile(int year) {
        return folder(year).resolve("header_" + year + ".csv");
    }

    private Path folder(int year) {
        return options.las() > 1 ? options.outDir() : options.outDir().resolve(Integer.toString(year));
    }

    /** Every episode row of every return, oldest return first. */
    List<Map<String, String>> allEpisodes() {
        List<Map<String, String>> all = new ArrayList<>();
        episodes.values().forEach(all::addAll);
        return all;
    }

    /** The LA of a row: its LA column in pooled files, else the only LA. */
    String la(Map<String, String> row) {
        return row.getOrDefault("LA", "Demo County");
    }
}
