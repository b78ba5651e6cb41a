package uk.sufficiency.warehouse.forecast.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Which transfers apply at the end of which step; transfers after the last day are dropped. */
final class TransferSchedule {
    private final Map<Integer, List<Transfer>> byStep = new HashMap<>();

    TransferSchedule(List<Transfer> transfers, int days, int stepDays, int states) {
        for (Transfer transfer : transfers) {
            transfer.checkStates(states);
            if (transfer.day() <= days) {
                int step = (transfer.day() + stepDays - 1) / stepDays; // step k holds days (k-1)*stepDays+1 .. k*stepDays
                byStep.computeIfAbsent(step, s -> new ArrayList<>()).add(transfer);
            }
        }
    }

    /** Transfers to apply at the end of {@code step} (counting from 1), in the order given. */
    List<Transfer> endOf(int step) {
        return byStep.getOrDefault(step, List.of());
    }
}
