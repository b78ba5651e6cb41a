package uk.sufficiency.dashboard.auth;

import uk.sufficiency.warehouse.Viewer;

/**
 * One dashboard user: a lower-case username, the LA they belong to (exactly as the warehouse names
 * it) or {@value Users#ALL_LAS} for a regional analyst, a role, and a bcrypt hash of the password.
 */
public record User(String username, String la, Role role, String passwordHash) {
    /** Whose figures this user sees exactly (counting-rules §9). */
    public Viewer viewer() {
        return seesAllLas() ? Viewer.allLas() : Viewer.ofLa(la);
    }

    public boolean seesAllLas() {
        return Users.ALL_LAS.equals(la);
    }

    /** The user's scope in words, for the page header. */
    public String scope() {
        return seesAllLas() ? "all local authorities" : la;
    }

    /** Without the hash, so a user can be logged or printed safely. */
    @Override
    public String toString() {
        return "User[" + username + ", " + la + ", " + role.code() + "]";
    }
}
