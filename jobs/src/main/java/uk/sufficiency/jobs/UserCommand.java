package uk.sufficiency.jobs;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import uk.sufficiency.dashboard.auth.User;
import uk.sufficiency.dashboard.auth.Users;
import uk.sufficiency.warehouse.Snapshots;
import uk.sufficiency.warehouse.Warehouse;

/** {@code ./sufficiency user add|remove|list}: who may sign in to the dashboard, and which LA each sees exactly. */
final class UserCommand {
    private UserCommand() {
    }

    static int run(List<String> words, PrintStream out, PrintStream err) throws IOException {
        if (words.isEmpty()) {
            throw new Args.UsageError("'user' needs add, remove or list");
        }
        String action = words.get(0);
        List<String> rest = words.subList(1, words.size());
        switch (action) {
            case "add" -> {
                Args args = new Args("user add", rest, Set.of("warehouse", "user", "la", "role"), Set.of("force"));
                Users users = Users.load(args.path("warehouse"));
                if (!args.flag("force")) {
                    checkLa(args.path("warehouse"), args.required("la"));
                }
                char[] password = readPassword(err);
                try {
                    User user = users.addOrReplace(args.required("user"), args.required("la"),
                            args.get("role", "viewer"), password);
                    out.printf("User '%s' can sign in; sees %s exactly.%n", user.username(),
                            Users.ALL_LAS.equals(user.la()) ? "every LA" : user.la());
                } finally {
                    Arrays.fill(password, '\0');
                }
            }
            case "remove" -> {
                Args args = new Args("user remove", rest, Set.of("warehouse", "user"));
                if (!Users.load(args.path("warehouse")).remove(args.required("user"))) {
                    err.println("error: no user '" + args.required("user") + "'");
                    return 1;
                }
                out.println("Removed '" + args.required("user") + "'; their sessions end on their next request.");
            }
            case "list" -> {
                Args args = new Args("user list", rest, Set.of("warehouse"));
                out.println("username,la,role");
                for (User user : Users.load(args.path("warehouse")).all()) {
                    out.println(String.join(",", user.username(), user.la(), user.role().code()));
                }
            }
            default -> throw new Args.UsageError("unknown 'user' action '" + action + "'");
        }
        return 0;
    }

    /**
     * Refuses an LA the current snapshot does not hold (a misspelt LA would see even its own figures
     * suppressed), naming the closest it does; {@code --force} skips this, e.g. before the first run.
     */
    static void checkLa(Path warehouseDir, String la) {
        String wanted = la.strip();
        if (Users.ALL_LAS.equals(wanted)) {
            return;
        }
        if (new Snapshots(warehouseDir).current().isEmpty()) {
            throw new IllegalArgumentException("the warehouse has no published snapshot yet, so the LA '" + wanted
                    + "' cannot be checked: run the pipeline first, or add --force to add the user anyway");
        }
        List<String> held;
        try (Warehouse warehouse = Warehouse.openCurrent(warehouseDir)) {
            held = warehouse.query("SELECT DISTINCT la FROM la_window ORDER BY la").stream()
                    .map(r -> String.valueOf(r.get("la"))).toList();
        }
        if (!held.contains(wanted)) {
            throw new IllegalArgumentException("the warehouse holds no LA named '" + wanted + "'. Closest: "
                    + String.join(", ", ClosestNames.of(wanted, held, 3)) + ". Name the LA exactly as the warehouse "
                    + "does, or add --force to add the user anyway");
        }
    }

    /** Asked twice without echo at a terminal; otherwise one line from standard input (for scripts). */
    private static char[] readPassword(PrintStream err) throws IOException {
        Console console = System.console();
        if (console == null) {
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            if (line == null) {
                throw new IllegalArgumentException("no password given on standard input");
            }
            return line.toCharArray();
        }
        char[] first = console.readPassword("Password (at least %d characters): ", Users.MIN_PASSWORD_LENGTH);
        char[] second = console.readPassword("Same password again: ");
        if (first == null || !Arrays.equals(first, second)) {
            throw new IllegalArgumentException("the two passwords differ");
        }
        Arrays.fill(second, '\0');
        return first;
    }
}
