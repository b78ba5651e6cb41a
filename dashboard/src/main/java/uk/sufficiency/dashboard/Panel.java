package uk.sufficiency.dashboard;

/** One part of a page below its filters, as dashboard.jte renders it: each kind has its own template. */
sealed interface Panel permits ChartPanel.View, KpiCards.View, RunsPanel.View, ScenarioEditor.Editor {
}
