package uk.sufficiency.pipeline;

/**
 * A file that cannot be used at all (counting-rules §2): the run fails, names the file and the
 * problem, and publishes nothing.
 */
public final class InputProblem extends RuntimeException {
    public InputProblem(String file, String problem) {
        super(file + ": " + problem);
    }
}
