package uk.sufficiency.warehouse.forecast.engine;

/**
 * Exact ageing: each state's children are held in cells by single year of age and months to their
 * next birthday, and on each month's birthday day the children whose birthday falls in that month
 * are a year older: they stay in their state, move to the next state of their group (the next age
 * band) or, past a state's last age with no next state, leave (at 18). The other cells count down a
 * month. Rates stay the states': a state's leavers are taken from its cells in proportion to their
 * children, keep their age and months in the state they move to, and entries are spread over a
 * state's cells by the mix of ages at entry.
 *
 * <p>Cell {@code offset[i] + (age - firstAge[i]) * months + m} holds state {@code i}'s children of
 * {@code age} whose birthday is {@code m} birthday days away ({@code m = 0}: the next one).
 */
public final class Ageing {
    final int states;
    final int months;
    final int cells;
    final int[] offset;
    final int[] firstAge;
    final int[] lastAge;
    final int[] stateOfCell;
    final int[] ageOfCell;
    final int[] monthOfCell;
    /** The cell each cell's children are in after a birthday day; -1 when they leave. */
    final int[] afterBirthday;
    /** Day d's entries are one month nearer their birthday when that month's birthday day has passed. */
    private final int[] entryShiftOfDay;
    /** How many months' birthdays fall on each day. */
    private final int[] birthdaysOnDay;
    /** Each state's share of entries into each of its cells (sums to 1). */
    final double[][] entryMix;

    /**
     * @param firstAge       each state's youngest single year of age
     * @param lastAge        each state's oldest single year of age
     * @param olderState     the state a child past {@code lastAge} moves to; -1 to leave
     * @param entryMix       per state, weights over its cells of the ages (and months to birthday) at
     *                       entry; null or all zero for an even spread
     * @param birthdayDays   the day of each month's birthdays (ascending)
     * @param monthEndDays   the last day of each month, so that a child entering after that month's
     *                       birthday day is counted from the next one
     */
    public Ageing(int[] firstAge, int[] lastAge, int[] olderState, double[][] entryMix, int[] birthdayDays,
                  int[] monthEndDays, int days) {
        this(firstAge, lastAge, olderState, entryMix, 12, birthdayDays, monthEndDays, days);
    }

    private Ageing(int[] firstAge, int[] lastAge, int[] olderState, double[][] entryMix, int months,
                   int[] birthdayDays, int[] monthEndDays, int days) {
        states = firstAge.length;
        this.months = months;
        this.firstAge = firstAge.clone();
        this.lastAge = lastAge.clone();
        offset = new int[states + 1];
        for (int i = 0; i < states; i++) {
            if (lastAge[i] < firstAge[i]) {
                throw new IllegalArgumentException("state " + i + " has ages " + firstAge[i] + " to " + lastAge[i]);
            }
            offset[i + 1] = offset[i] + (lastAge[i] - firstAge[i] + 1) * months;
        }
        cells = offset[states];
        stateOfCell = new int[cells];
        ageOfCell = new int[cells];
        monthOfCell = new int[cells];
        afterBirthday = new int[cells];
        for (int i = 0; i < states; i++) {
            for (int c = offset[i]; c < offset[i + 1]; c++) {
                stateOfCell[c] = i;
                ageOfCell[c] = firstAge[i] + (c - offset[i]) / months;
                monthOfCell[c] = (c - offset[i]) % months;
                if (monthOfCell[c] > 0) {
                    afterBirthday[c] = c - 1;
                } else if (ageOfCell[c] < lastAge[i]) {
                    afterBirthday[c] = c + 2 * months - 1; // a year older, a year to go
                } else {
                    int older = olderState[i];
                    afterBirthday[c] = older < 0 ? -1 : cellIn(older, ageOfCell[c] + 1, months - 1);
                }
            }
        }
        this.entryMix = new double[states][];
        for (int i = 0; i < states; i++) {
            int width = offset[i + 1] - offset[i];
            double[] weights = entryMix == null || entryMix[i] == null ? new double[width] : entryMix[i].clone();
            if (weights.length != width) {
                throw new IllegalArgumentException("entryMix[" + i + "] has " + weights.length + " cells, expected " + width);
            }
            double total = 0;
            for (double weight : weights) {
                total += weight;
            }
            for (int k = 0; k < width; k++) {
                weights[k] = total > 0 ? weights[k] / total : 1.0 / width;
            }
            this.entryMix[i] = weights;
        }
        birthdaysOnDay = new int[days + 1];
        for (int day : birthdayDays) {
            if (day < 1) {
                throw new IllegalArgumentException("birthday day " + day + "; days run from 1");
            }
            if (day <= days) {
                birthdaysOnDay[day]++;
            }
        }
        entryShiftOfDay = new int[days + 1];
        for (int k = 0; k < monthEndDays.length && k < birthdayDays.length; k++) {
            for (int d = Math.max(0, birthdayDays[k] + 1); d <= Math.min(days, monthEndDays[k]); d++) {
                entryShiftOfDay[d] = 1;
            }
        }
    }

    /** No ageing: one cell per state and no birthdays (the engine's plain stock-and-flow model). */
    public static Ageing none(int states, int days) {
        return new Ageing(new int[states], new int[states], filled(states), null, 1, new int[0], new int[0], days);
    }

    private static int[] filled(int states) {
        int[] older = new int[states];
        java.util.Arrays.fill(older, -1);
        return older;
    }

    /** Number of cells. */
    public int cells() {
        return cells;
    }

    /** The cell of state {@code i} for an age (held to the state's ages) and months to the birthday. */
    public int cellIn(int i, int age, int month) {
        int a = Math.max(firstAge[i], Math.min(lastAge[i], age));
        return offset[i] + (a - firstAge[i]) * months + month;
    }

    /** The cell a child of cell {@code c} is in after moving to state {@code j}: same age and months. */
    int moved(int c, int j) {
        return cellIn(j, ageOfCell[c], monthOfCell[c]);
    }

    /** Where state {@code i}'s entries arriving on day {@code day} land, by their cell in the mix. */
    int entryCell(int i, int k, int day) {
        int c = offset[i] + k;
        return entryShiftOfDay[day] == 1 && monthOfCell[c] > 0 ? c - 1 : c;
    }

    /** Children in each state. */
    double[] stateTotals(double[] byCell) {
        double[] totals = new double[states];
        for (int c = 0; c < cells; c++) {
            totals[stateOfCell[c]] += byCell[c];
        }
        return totals;
    }

    void stateTotals(int[] byCell, int[] totals) {
        java.util.Arrays.fill(totals, 0, states, 0);
        for (int c = 0; c < cells; c++) {
            totals[stateOfCell[c]] += byCell[c];
        }
    }

    /** Everyone whose birthday it is ages a year (leaving past the last age); the rest count down a month. */
    void birthdays(double[] byCell) {
        double[] after = new double[cells];
        for (int c = 0; c < cells; c++) {
            if (afterBirthday[c] >= 0) {
                after[afterBirthday[c]] += byCell[c];
            }
        }
        System.arraycopy(after, 0, byCell, 0, cells);
    }

    void birthdays(int[] byCell, int[] scratch) {
        java.util.Arrays.fill(scratch, 0, cells, 0);
        for (int c = 0; c < cells; c++) {
            if (afterBirthday[c] >= 0) {
                scratch[afterBirthday[c]] += byCell[c];
            }
        }
        System.arraycopy(scratch, 0, byCell, 0, cells);
    }

    /** How many birthday days fall in the step of {@code stepDays} ending on {@code stepEnd}. */
    int birthdayDaysIn(int stepEnd, int stepDays) {
        int count = 0;
        for (int d = stepEnd - stepDays + 1; d <= stepEnd; d++) {
            count += birthdaysOnDay[d];
        }
        return count;
    }

    /**
     * After planned transfers changed the states' totals from {@code before} to {@code after}: the
     * children a state lost are taken from its cells in proportion, and those a state gained are
     * given the ages of the children lost (a transfer keeps children in their age band), shared
     * between the states that gained children of that age in proportion to their gains.
     */
    void transferred(double[] byCell, double[] before, double[] after) {
        int maxAge = maxAge();
        double[] pool = new double[(maxAge + 1) * months];
        for (int i = 0; i < states; i++) {
            if (after[i] < before[i] && before[i] > 0) {
                double share = (before[i] - after[i]) / before[i];
                for (int c = offset[i]; c < offset[i + 1]; c++) {
                    double taken = byCell[c] * share;
                    byCell[c] -= taken;
                    pool[ageOfCell[c] * months + monthOfCell[c]] += taken;
                }
            }
        }
        double allGains = 0;
        for (int j = 0; j < states; j++) {
            allGains += Math.max(0, after[j] - before[j]);
        }
        if (allGains == 0) {
            return;
        }
        for (int key = 0; key < pool.length; key++) {
            if (pool[key] == 0) {
                continue;
            }
            int age = key / months;
            int month = key % months;
            double gains = 0;
            for (int j = 0; j < states; j++) {
                if (after[j] > before[j] && firstAge[j] <= age && age <= lastAge[j]) {
                    gains += after[j] - before[j];
                }
            }
            // no state gained children of this age (a transfer across bands): any that gained take them
            boolean anyAge = gains == 0;
            for (int j = 0; j < states; j++) {
                if (after[j] > before[j] && (anyAge || (firstAge[j] <= age && age <= lastAge[j]))) {
                    byCell[cellIn(j, age, month)] += pool[key] * (after[j] - before[j]) / (anyAge ? allGains : gains);
                }
            }
        }
    }

    /** As {@link #transferred(double[], double[], double[])} for whole children, picked at random. */
    void transferred(int[] byCell, int[] before, int[] after, java.util.SplittableRandom random) {
        int lost = 0;
        for (int i = 0; i < states; i++) {
            lost += Math.max(0, before[i] - after[i]);
        }
        int[] pool = new int[lost];
        int pooled = 0;
        for (int i = 0; i < states; i++) {
            int left = before[i];
            for (int k = before[i] - after[i]; k > 0 && left > 0; k--, left--) {
                int c = pick(byCell, i, left, random);
                byCell[c]--;
                pool[pooled++] = ageOfCell[c] * months + monthOfCell[c];
            }
        }
        for (int j = 0; j < states; j++) {
            for (int k = after[j] - before[j]; k > 0 && pooled > 0; k--) {
                int chosen = pooled - 1;
                for (int p = 0; p < pooled; p++) {
                    int age = pool[p] / months;
                    if (firstAge[j] <= age && age <= lastAge[j]) {
                        chosen = p;
                        break;
                    }
                }
                byCell[cellIn(j, pool[chosen] / months, pool[chosen] % months)]++;
                pool[chosen] = pool[--pooled];
            }
        }
    }

    /** A cell of state {@code i} picked in proportion to its children; {@code total} is the state's. */
    int pick(int[] byCell, int i, int total, java.util.SplittableRandom random) {
        int first = offset[i];
        if (offset[i + 1] - first == 1) {
            return first;
        }
        int r = random.nextInt(total);
        int c = first;
        while (r >= byCell[c]) {
            r -= byCell[c];
            c++;
        }
        return c;
    }

    /** Cells in state {@code i}. */
    int width(int i) {
        return offset[i + 1] - offset[i];
    }

    private int maxAge() {
        int max = 0;
        for (int age : lastAge) {
            max = Math.max(max, age);
        }
        return max;
    }
}
