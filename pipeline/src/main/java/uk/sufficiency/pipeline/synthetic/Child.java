package uk.sufficiency.pipeline.synthetic;

import java.time.LocalDate;
import java.util.List;

/**
 * A child and every episode of every period of care, in date order. {@code babyBorn} is the date
 * of birth of the child's own baby (903 MC_DOB) for the few looked-after young mothers, else null.
 */
record Child(String id, boolean male, LocalDate dob, String ethnicity, String upn, LocalDate babyBorn,
        List<Episode> episodes) {
    Child {
        episodes = List.copyOf(episodes);
    }
}
