package uk.sufficiency.pipeline.synthetic;

import java.nio.file.Path;
import java.util.List;

/** What a generator run wrote: the LA names in file order, every file, and the row counts. */
public record GeneratedSummary(List<String> laNames, List<Path> files, long episodeRows, long headerRows) {
    public GeneratedSummary {
        laNames = List.copyOf(laNames);
        files = List.copyOf(files);
    }
}
