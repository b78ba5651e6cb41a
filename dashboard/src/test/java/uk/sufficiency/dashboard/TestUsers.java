package uk.sufficiency.dashboard;

import java.nio.file.Path;
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
