package uk.sufficiency.pipeline.synthetic;

import java.time.LocalDate;

/**
 * One 903 episode as the case system finally records it: one legal status and one home from DECOM
 * until DEC. DEC may lie after the last return; a return made before DEC shows the episode open.
 */
record Episode(
        LocalDate decom,
        LocalDate dec,
        String reasonNewEpisode,
        String legalStatus,
        String categoryOfNeed,
        Placement home,
        String reasonEnded,
        String reasonPlaceChange,
        String homePostcode) {
}
