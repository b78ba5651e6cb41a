package uk.sufficiency.dashboard;

import io.javalin.testtools.JavalinTest;
import java.nio.file.Path;
import java.time.Clock;
import uk.sufficiency.dashboard.auth.Users;

/** The users the server tests sign in as, hashed at bcrypt's lowest cost so the tests run fast. */
final class TestUsers {
    static final int COST = 4;
    static final String LANCASHIRE = "lancs";
    static final String BLACKPOOL = "black";
    static final String REGION = "region";
    static final String ADMIN = "admin";
    /** Everybody's password in these tests; each user's own is this followed by the username. */
    static final String PASSWORD_PREFIX = "correct horse ";

    private TestUsers() {
    }

    /** What a test does in a signed-in browser. */
    interface Scenario {
        void run(Browser browser) throws Exception;
    }

    /** Runs a scenario against a server for the warehouse, in a browser signed in as the user. */
    static void as(Path warehouseDir, String username, Scenario scenario) {
        JavalinTest.test(DashboardServer.create(warehouseDir), (server, client) ->
                scenario.run(new Browser(server).signedInAs(username)));
    }

    /** The same, with a stand-in for remaking the forecast when a scenario is saved or deleted. */
    static void as(Path warehouseDir, String username, Republisher republisher, Scenario scenario) {
        JavalinTest.test(DashboardServer.create(warehouseDir, Users.load(warehouseDir, COST), Clock.systemUTC(), republisher),
                (server, client) -> scenario.run(new Browser(server).signedInAs(username)));
    }

    static String password(String username) {
        return PASSWORD_PREFIX + username;
    }

    /** A Lancashire viewer, a Blackpool viewer, a regional analyst and a Lancashire admin. */
    static Users write(Path warehouseDir) {
        Users users = Users.load(warehouseDir, COST);
        users.addOrReplace(LANCASHIRE, "Lancashire", "viewer", password(LANCASHIRE).toCharArray());
        users.addOrReplace(BLACKPOOL, "Blackpool", "viewer", password(BLACKPOOL).toCharArray());
        users.addOrReplace(REGION, "*", "viewer", password(REGION).toCharArray());
        users.addOrReplace(ADMIN, "Lancashire", "admin", password(ADMIN).toCharArray());
        return users;
    }
}
