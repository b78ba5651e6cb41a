package uk.sufficiency.dashboard.auth;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What a dashboard user may do. Both roles read figures; only {@code admin} may save and delete forecast scenarios. */
public enum Role {
    VIEWER("viewer"),
    ADMIN("admin");

    private final String code;

    Role(String code) {
        this.code = code;
    }

    /** The role as the users file spells it. */
    public String code() {
        return code;
    }

    /** A role from the users file or the command line ({@code viewer} or {@code admin}, any case). */
    public static Role parse(String code) {
        String wanted = code == null ? "" : code.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(r -> r.code.equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown role '" + code + "': use "
                        + Arrays.stream(values()).map(Role::code).collect(Collectors.joining(" or "))));
    }
}
