package uk.sufficiency.pipeline.staging;

import java.nio.file.Path;
import java.util.List;

/**
 * A file the run will read, as recognised from its name and first line.
 *
 * @param path          absolute path
 * @param displayName   path relative to the input folder, as shown to users and in rejects
 * @param table         the table it holds; null for an XML return, which holds several
 * @param columns       upper-case column names in file order (empty for XML)
 * @param nameYear      collection year from the file or folder name, or null
 * @param extraColumns  columns the table does not use, reported and ignored
 */
public record InputFile(Path path, String displayName, SourceTable table, List<String> columns,
                        Integer nameYear, List<String> extraColumns) {

    public boolean isXml() {
        return table == null;
    }

    public boolean hasColumn(String column) {
        return columns.contains(column);
    }
}
