package uk.sufficiency.warehouse;

import java.util.Objects;
import java.util.Optional;

/**
 * Whose figures a reader sees exactly (counting-rules §9): a user of one local authority sees their
 * own LA's exact figures and everyone else's with small numbers suppressed; a regional analyst sees
 * every LA exactly. The LA is compared exactly as the warehouse holds it (the {@code la} column).
 */
public final class Viewer {
    private static final Viewer ALL = new Viewer(null);

    private final String ownLa; // null: every LA

    private Viewer(String ownLa) {
        this.ownLa = ownLa;
    }

    /** A reader of one LA, named exactly as in the warehouse's {@code la} column. */
    public static Viewer ofLa(String la) {
        if (la == null || la.isBlank()) {
            throw new IllegalArgumentException("A viewer's local authority must be named");
        }
        return new Viewer(la);
    }

    /** A regional analyst: every LA's figures exactly. */
    public static Viewer allLas() {
        return ALL;
    }

    /** The reader's own LA; empty for a regional analyst. */
    public Optional<String> ownLa() {
        return Optional.ofNullable(ownLa);
    }

    public boolean seesAllLas() {
        return ownLa == null;
    }

    /** Whether this reader may see the LA's figures unsuppressed; a row with no LA is nobody's own. */
    public boolean seesExactly(String la) {
        return ownLa == null || ownLa.equals(la);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Viewer v && Objects.equals(ownLa, v.ownLa);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(ownLa);
    }

    @Override
    public String toString() {
        return ownLa == null ? "Viewer[all LAs]" : "Viewer[" + ownLa + "]";
    }
}
