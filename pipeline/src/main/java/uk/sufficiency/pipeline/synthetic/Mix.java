package uk.sufficiency.pipeline.synthetic;

import java.util.ArrayList;
import java.util.List;

/** A weighted choice, written as {@code Mix.of("E4A", 60, "E4B", 15, "E13", 25)}. */
final class Mix<T> {
    private final List<T> items;
    private final double[] cumulative;

    private Mix(List<T> items, double[] weights) {
        this.items = List.copyOf(items);
        this.cumulative = new double[weights.length];
        double total = 0;
        for (int i = 0; i < weights.length; i++) {
            if (weights[i] < 0) {
                throw new IllegalArgumentException("negative weight for " + items.get(i));
            }
            total += weights[i];
            cumulative[i] = total;
        }
        if (total <= 0) {
            throw new IllegalArgumentException("a mix needs a positive weight");
        }
        for (int i = 0; i < cumulative.length; i++) {
            cumulative[i] /= total;
        }
    }

    /** Items and weights alternate; weights need not add up to anything in particular. */
    @SuppressWarnings("unchecked")
    static <T> Mix<T> of(Object... itemsAndWeights) {
        if (itemsAndWeights.length == 0 || itemsAndWeights.length % 2 != 0) {
            throw new IllegalArgumentException("give item, weight pairs");
        }
        List<T> items = new ArrayList<>();
        double[] weights = new double[itemsAndWeights.length / 2];
        for (int i = 0; i < itemsAndWeights.length; i += 2) {
            items.add((T) itemsAndWeights[i]);
            weights[i / 2] = ((Number) itemsAndWeights[i + 1]).doubleValue();
        }
        return new Mix<>(items, weights);
    }

    /** The same mix with one item's weight multiplied, for a local authority's own habits. */
    Mix<T> scaled(T item, double factor) {
        double[] weights = new double[cumulative.length];
        double previous = 0;
        for (int i = 0; i < cumulative.length; i++) {
            weights[i] = (cumulative[i] - previous) * (items.get(i).equals(item) ? factor : 1.0);
            previous = cumulative[i];
        }
        return new Mix<>(items, weights);
    }

    T pick(double uniform) {
        for (int i = 0; i < cumulative.length; i++) {
            if (uniform < cumulative[i]) {
                return items.get(i);
            }
        }
        return items.get(items.size() - 1);
    }
}
