package uk.sufficiency.warehouse.forecast.engine;

/**
 * Picks index {@code k} with probability {@code weights[k] / sum} from one uniform. The Monte Carlo
 * projection picks a destination for each leaver, hundreds of millions of times in a full forecast,
 * so it must be nearly free: a guide table (Chen and Asau's index search) splits [0, 1) into equal
 * cells, each remembering the first index it can give, so most picks are one look-up and a test
 * that is almost always false (cheap, as the processor predicts it).
 */
final class IndexPicker {
    /** Running totals of the weights' shares; the last is exactly 1. */
    private final double[] cumulative;
    /** Cell c covers [c / cells, (c + 1) / cells) and holds the first index with cumulative > c / cells. */
    private final int[] guide;

    IndexPicker(double[] weights) {
        int m = weights.length;
        double total = 0;
        for (double weight : weights) {
            total += weight;
        }
        cumulative = new double[m];
        double running = 0;
        for (int k = 0; k < m; k++) {
            running += weights[k];
            cumulative[k] = running / total;
        }
        cumulative[m - 1] = 1;
        // A power of two, so u * cells is exact and a cell's bounds match its guide entry exactly;
        // about 16 cells per index keeps index boundaries (the slow case) in few cells.
        int cells = Integer.highestOneBit(16 * m) * 2;
        guide = new int[cells];
        int k = 0;
        for (int c = 0; c < cells; c++) {
            while (cumulative[k] * cells <= c) {
                k++;
            }
            guide[c] = k;
        }
    }

    /** The index picked by {@code u}, uniform in [0, 1). */
    int pick(double u) {
        int k = guide[(int) (u * guide.length)];
        while (u >= cumulative[k]) {
            k++;
        }
        return k;
    }
}
