package uk.sufficiency.warehouse;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Secondary (complementary) suppression over one table's cells, after the small counts are hidden
 * (docs/warehouse.md, "Secondary suppression"). Each {@link Group} is a set of cells that add up to a
 * total: a cell of the same table, a figure published elsewhere (which may itself be hidden), or a
 * total the reader is taken to know. Until no group changes, in each group whose total is shown
 * (or known) and which has a hidden cell: hide the smallest shown cell above zero until at least two
 * are hidden and together they hold at least 5 (so neither subtraction nor their sum gives a small
 * count back), or, with none left, the total cell. In a group whose total is hidden and no cell is,
 * hide the smallest cell above zero (else the cells would add up to the hidden total).
 */
final class SecondarySuppression {
    private static final BigDecimal FIVE = BigDecimal.valueOf(5);

    /** One value of the table: its row's index and column. */
    record Cell(int row, String column) {
    }

    /**
     * Cells adding up to {@code total} (a cell), or to a total elsewhere: hidden there when
     * {@code totalHidden}, else known. {@code shownElsewhere}: the total is a figure another table
     * shows, so a group of one cell shows that cell, which must then never be hidden to protect another.
     */
    record Group(List<Cell> parts, Cell total, boolean totalHidden, boolean shownElsewhere) {
    }

    private final List<Map<String, Object>> truth;
    private final List<Map<String, Object>> shown;

    /** {@code shown} (the rows after the small counts are hidden, same order as {@code truth}) is changed in place. */
    SecondarySuppression(List<Map<String, Object>> truth, List<Map<String, Object>> shown) {
        this.truth = truth;
        this.shown = shown;
    }

    /** Cells shown as they are elsewhere (the one cell of a subtotal): never hidden to protect another. */
    private final java.util.Set<Cell> pinned = new java.util.HashSet<>();

    /** Hides cells until every group is safe; returns how many more were hidden. */
    int apply(List<Group> groups) {
        groups.stream().filter(g -> g.shownElsewhere() && g.total() == null && g.parts().size() == 1)
                .forEach(g -> pinned.add(g.parts().get(0)));
        int hidden = 0;
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Group group : groups) {
                Cell next = nextToHide(group);
                if (next != null) {
                    shown.get(next.row()).put(next.column(), Suppression.MARKER);
                    hidden++;
                    changed = true;
                }
            }
        }
        return hidden;
    }

    boolean isHidden(Cell cell) {
        return Suppression.isSuppressed(shown.get(cell.row()).get(cell.column()));
    }

    /** The true value of a cell (0 when it holds no number, or was already hidden upstream). */
    BigDecimal value(Cell cell) {
        BigDecimal value = Suppression.numeric(truth.get(cell.row()).get(cell.column()));
        return value == null ? BigDecimal.ZERO : value;
    }

    /** The true sum of a group's hidden cells. */
    BigDecimal hiddenSum(Group group) {
        return group.parts().stream().filter(this::isHidden).map(this::value).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Whether the total of a group is hidden, here or where it is published. */
    boolean totalHidden(Group group) {
        return group.totalHidden() || (group.total() != null && isHidden(group.total()));
    }

    private Cell nextToHide(Group group) {
        long hiddenParts = group.parts().stream().filter(this::isHidden).count();
        if (totalHidden(group)) {
            return hiddenParts == 0 ? smallestShown(group) : null;
        }
        if (hiddenParts == 0 || (hiddenParts >= 2 && hiddenSum(group).compareTo(FIVE) >= 0)) {
            return null;
        }
        Cell next = smallestShown(group);
        return next != null ? next : group.total();
    }

    /** The shown cell above zero with the smallest value (the first of equals). */
    private Cell smallestShown(Group group) {
        return group.parts().stream().filter(c -> !isHidden(c) && value(c).signum() > 0 && !pinned.contains(c))
                .min(Comparator.comparing(this::value)).orElse(null);
    }
}
