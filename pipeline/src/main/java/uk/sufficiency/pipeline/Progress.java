package uk.sufficiency.pipeline;

/** Receives a line per pipeline stage, so long runs show where they are. */
@FunctionalInterface
public interface Progress {
    Progress SILENT = message -> { };

    void step(String message);
}
