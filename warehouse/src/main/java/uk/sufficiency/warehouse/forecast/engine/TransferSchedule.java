package uk.sufficiency.warehouse.forecast.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.IntToDoubleFunction;

/**
 * Which transfers apply at the end of which step (transfers after the last day are dropped), and
 * the places they hold. A projection calls {@link #endOfStepExpected} or {@link #endOfStepRandom}
 * once at the end of each step, after the step's flows and entries; step 1 starts a new run with
 * the places empty.
 *
 * <p>The occupants of a transfer's places are counted apart from the rest of its to-states: each
 * step they leave the places at the to-states' rates of leaving them (moves to states outside the
 * to-states and leaving care; moves between to-states, such as a birthday, stay), the expected
 * share along the expected path and a binomial draw in a simulated run. Then the places left empty
 * are filled from the from-states, as far as they hold children.
 */
final class TransferSchedule {
    private final Map<Integer, List<Transfer>> byStep = new HashMap<>();
    /** The transfers holding places, and the step at whose end each starts to. */
    private final List<Transfer> holding = new ArrayList<>();
    private final List<Integer> holdingFrom = new ArrayList<>();
    /** This run's occupants of each holding transfer's places. */
    private final double[] occupants;
    /** This run's daily-step share of each to-state's children leaving the to-states, per holding transfer. */
    private final double[][] exitShare;

    TransferSchedule(List<Transfer> transfers, int days, int stepDays, int states) {
        for (Transfer transfer : transfers) {
            transfer.checkStates(states);
            if (transfer.day() <= days) {
                int step = (transfer.day() + stepDays - 1) / stepDays; // step k holds days (k-1)*stepDays+1 .. k*stepDays
                byStep.computeIfAbsent(step, s -> new ArrayList<>()).add(transfer);
                if (transfer.places() > 0) {
                    holding.add(transfer);
                    holdingFrom.add(step);
                }
            }
        }
        occupants = new double[holding.size()];
        exitShare = new double[holding.size()][];
    }

    /** Transfers to apply at the end of {@code step} (counting from 1), in the order given. */
    private List<Transfer> endOf(int step) {
        return byStep.getOrDefault(step, List.of());
    }

    /** The end of a step on the expected path: {@code before} is the stock at its start, {@code after} at its end. */
    void endOfStepExpected(int step, StepShares shares, double[] before, double[] after) {
        startRun(step, shares);
        for (int h = 0; h < holding.size(); h++) {
            if (holdingFrom.get(h) < step) {
                occupants[h] -= occupants[h] * leavingShare(h, i -> before[i]);
            }
        }
        for (Transfer transfer : endOf(step)) {
            fill(transfer, transfer.applyExpected(after));
        }
        for (int h = 0; h < holding.size(); h++) {
            if (holdingFrom.get(h) <= step) {
                occupants[h] += holding.get(h).moveExpected(after, holding.get(h).places() - occupants[h]);
            }
        }
    }

    /** The end of a step of a simulated run, in whole children. */
    void endOfStepRandom(int step, StepShares shares, int[] before, int[] after, SplittableRandom random) {
        startRun(step, shares);
        for (int h = 0; h < holding.size(); h++) {
            if (holdingFrom.get(h) < step && occupants[h] > 0) {
                occupants[h] -= RandomDraws.binomial(random, (int) occupants[h], leavingShare(h, i -> before[i]));
            }
        }
        for (Transfer transfer : endOf(step)) {
            fill(transfer, transfer.applyRandom(after, random));
        }
        for (int h = 0; h < holding.size(); h++) {
            if (holdingFrom.get(h) <= step) {
                occupants[h] += holding.get(h).moveRandom(after, holding.get(h).places() - (long) occupants[h], random);
            }
        }
    }

    /** Step 1 begins a run: its places are empty, and its rates say how fast children leave them. */
    private void startRun(int step, StepShares shares) {
        if (step != 1) {
            return;
        }
        for (int h = 0; h < holding.size(); h++) {
            occupants[h] = 0;
            int[] to = holding.get(h).to();
            exitShare[h] = new double[to.length];
            for (int k = 0; k < to.length; k++) {
                int state = to[k];
                double out = 0;
                for (int d = 0; d < shares.destinations[state].length; d++) {
                    if (!holding.get(h).into(shares.destinations[state][d])) {
                        out += shares.split[state][d];
                    }
                }
                exitShare[h][k] = shares.leaving[state] * out;
            }
        }
    }

    /** The children a transfer moved fill its places first. */
    private void fill(Transfer transfer, double moved) {
        for (int h = 0; h < holding.size(); h++) {
            if (holding.get(h) == transfer) {
                occupants[h] = Math.min(transfer.places(), occupants[h] + moved);
            }
        }
    }

    /** The share of the to-states' children at the start of the step who leave them during it, weighted by stock. */
    private double leavingShare(int h, IntToDoubleFunction before) {
        int[] to = holding.get(h).to();
        double children = 0;
        double leaving = 0;
        for (int k = 0; k < to.length; k++) {
            children += before.applyAsDouble(to[k]);
            leaving += before.applyAsDouble(to[k]) * exitShare[h][k];
        }
        return children > 0 ? leaving / children : 0;
    }
}
