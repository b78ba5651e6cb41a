package uk.sufficiency.dashboard.auth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.sufficiency.warehouse.Viewer;

class UsersTest {
    private static final int COST = 4;
    private static final String PASSWORD = "a long enough password";

    @TempDir
    Path dir;

    private Users users() {
        return Users.load(dir, COST);
    }

    @Test
    void noFileMeansNoUsers() {
        assertTrue(users().isEmpty());
        assertEquals(dir.resolve("users.csv").toAbsolutePath(), users().file());
    }

    @Test
    void addOrReplaceWritesTheFileOwnerOnlyWithABcryptHash() throws Exception {
        char[] password = PASSWORD.toCharArray();
        User alice = users().addOrReplace("Alice", "Lancashire", "viewer", password);
        assertArrayEquals(new char[password.length], password, "the password array is cleared");
        assertEquals("alice", alice.username(), "usernames are stored lower-case");
        assertTrue(alice.passwordHash().startsWith("$2a$04$"), alice.passwordHash());
        assertEquals(60, alice.passwordHash().length());
        assertFalse(alice.toString().contains("$2a$"), "a user prints without its hash");

        Path file = dir.resolve("users.csv");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(List.of("username,la,role,password_hash", "alice,Lancashire,viewer," + alice.passwordHash()),
                Files.readAllLines(file));
        assertEquals(List.of(alice), users().all(), "read back from the file");
        try (var leftovers = Files.list(dir)) {
            assertEquals(List.of(file), leftovers.toList(), "no temporary file left behind");
        }
    }

    @Test
    void anLaWithACommaIsQuotedAndReadBack() {
        User user = users().addOrReplace("bristol1", "Bristol, City of", "admin", PASSWORD.toCharArray());
        assertEquals(user, users().find("bristol1").orElseThrow());
        assertEquals(Role.ADMIN, user.role());
        assertEquals(Viewer.ofLa("Bristol, City of"), user.viewer());
    }

    @Test
    void starMeansEveryLa() {
        User analyst = users().addOrReplace("analyst", "*", "viewer", PASSWORD.toCharArray());
        assertTrue(analyst.seesAllLas());
        assertEquals(Viewer.allLas(), analyst.viewer());
        assertEquals("all local authorities", analyst.scope());
    }

    @Test
    void replacingAUserKeepsTheOthersAndChangesThePassword() {
        Users users = users();
        users.addOrReplace("alice", "Lancashire", "viewer", PASSWORD.toCharArray());
        users.addOrReplace("bob", "Blackpool", "viewer", PASSWORD.toCharArray());
        users.addOrReplace("ALICE", "Cumbria", "admin", "another long password".toCharArray());
        Users reread = users();
        assertEquals(List.of("alice", "bob"), reread.all().stream().map(User::username).toList());
        assertEquals("Cumbria", reread.find("alice").orElseThrow().la());
        assertTrue(reread.authenticate("alice", "another long password".toCharArray()).isPresent());
        assertTrue(reread.authenticate("alice", PASSWORD.toCharArray()).isEmpty());
    }

    @Test
    void authenticateAcceptsOnlyTheRightPassword() {
        Users users = users();
        users.addOrReplace("alice", "Lancashire", "viewer", PASSWORD.toCharArray());
        assertEquals("alice", users.authenticate(" Alice ", PASSWORD.toCharArray()).orElseThrow().username());
        assertTrue(users.authenticate("alice", "a long enough passworD".toCharArray()).isEmpty());
        assertTrue(users.authenticate("alice", new char[0]).isEmpty());
        assertTrue(users.authenticate("alice", null).isEmpty());
        assertTrue(users.authenticate("nobody", PASSWORD.toCharArray()).isEmpty());
        assertTrue(users.authenticate(null, PASSWORD.toCharArray()).isEmpty());
        assertTrue(users.authenticate("alice", "x".repeat(500).toCharArray()).isEmpty(), "too long: refused, no error");
    }

    @Test
    void badEntriesAreRefusedSayingWhy() {
        Users users = users();
        assertThrows(IllegalArgumentException.class, () -> users.addOrReplace("alice", "Lancashire", "viewer",
                "short".toCharArray()));
        assertThrows(IllegalArgumentException.class, () -> users.addOrReplace("alice", "Lancashire", "viewer",
                "é".repeat(37).toCharArray()), "74 bytes: bcrypt would ignore the end");
        assertThrows(IllegalArgumentException.class, () -> users.addOrReplace("alice", "Lancashire", "owner",
                PASSWORD.toCharArray()));
        assertThrows(IllegalArgumentException.class, () -> users.addOrReplace("alice", " ", "viewer",
                PASSWORD.toCharArray()));
        assertThrows(IllegalArgumentException.class, () -> users.addOrReplace("alice", "Lanc\nashire", "viewer",
                PASSWORD.toCharArray()));
        for (String name : new String[] {"", "has space", "comma,name", "-dash", "x".repeat(65), "quote\""}) {
            assertThrows(IllegalArgumentException.class, () -> users.addOrReplace(name, "Lancashire", "viewer",
                    PASSWORD.toCharArray()), name);
        }
        char[] rejected = "short".toCharArray();
        assertThrows(IllegalArgumentException.class, () -> users.addOrReplace("alice", "A", "viewer", rejected));
        assertArrayEquals(new char[5], rejected, "cleared even when refused");
        assertTrue(users.isEmpty());
    }

    @Test
    void removeRewritesTheFile() {
        Users users = users();
        users.addOrReplace("alice", "Lancashire", "viewer", PASSWORD.toCharArray());
        assertTrue(users.remove("ALICE"));
        assertFalse(users.remove("alice"));
        assertTrue(users().isEmpty());
    }

    @Test
    void aDamagedFileIsAnErrorAtLoadAndLetsNobodyInAtRuntime() throws Exception {
        Users users = users();
        users.addOrReplace("alice", "Lancashire", "viewer", PASSWORD.toCharArray());
        Path file = dir.resolve("users.csv");
        String good = Files.readString(file);

        Files.writeString(file, good + "bob,Blackpool,viewer\n");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> users());
        assertTrue(e.getMessage().endsWith("users.csv line 3: expected 4 columns (username,la,role,password_hash), "
                + "found 3"), e.getMessage());
        assertTrue(users.authenticate("alice", PASSWORD.toCharArray()).isEmpty(), "fail closed at runtime");
        assertTrue(users.isEmpty());
        assertThrows(IllegalStateException.class, () -> users.addOrReplace("carol", "A", "viewer",
                PASSWORD.toCharArray()), "never overwrite a damaged file");

        Files.writeString(file, good);
        assertTrue(users.authenticate("alice", PASSWORD.toCharArray()).isPresent(), "put right: in again");
    }

    @Test
    void damagedFilesNameTheProblem() throws Exception {
        Path file = dir.resolve("users.csv");
        String hash = users().addOrReplace("alice", "A", "viewer", PASSWORD.toCharArray()).passwordHash();
        for (String[] bad : new String[][] {
                {"user,la\n", "line 1: expected the header 'username,la,role,password_hash'"},
                {"username,la,role,password_hash\nalice,A,viewer," + hash + "\nALICE,B,viewer," + hash + "\n",
                        "line 3: the username 'alice' appears twice"},
                {"username,la,role,password_hash\nalice,A,boss," + hash + "\n", "line 2: Unknown role 'boss'"},
                {"username,la,role,password_hash\nalice,\"A,viewer," + hash + "\n", "line 2: a quoted field is not closed"},
                {"username,la,role,password_hash\nalice,,viewer," + hash + "\n", "line 2: no local authority"}}) {
            Files.writeString(file, bad[0]);
            IllegalStateException e = assertThrows(IllegalStateException.class, this::users, bad[0]);
            assertTrue(e.getMessage().contains(bad[1]), e.getMessage());
        }
    }

    @Test
    void quotedFieldsFollowRfc4180() {
        assertEquals(List.of("a", "b, c", "say \"hi\"", ""), Users.parseLine("a,\"b, c\",\"say \"\"hi\"\"\",", "x"));
        assertThrows(IllegalStateException.class, () -> Users.parseLine("\"a\"b,c", "x"));
    }

    @Test
    void theDemoUserGetsARandomPasswordHashedAtCost12() {
        String first = Users.createDemoUser(dir, "Demo County");
        assertTrue(first.matches("[A-Za-z0-9_-]{24}"), first);
        User demo = Users.load(dir).find("demo").orElseThrow();
        assertEquals("Demo County", demo.la());
        assertEquals(Role.ADMIN, demo.role());
        assertTrue(demo.passwordHash().startsWith("$2a$12$"), demo.passwordHash());
        assertTrue(Users.load(dir).authenticate("demo", first.toCharArray()).isPresent());

        String second = Users.createDemoUser(dir, "Demo County");
        assertFalse(first.equals(second), "a new password each time");
        assertEquals(1, Users.load(dir).all().size(), "replaced, not added");
        assertTrue(Users.load(dir).authenticate("demo", first.toCharArray()).isEmpty());
    }

    @Test
    void roles() {
        assertEquals(Role.VIEWER, Role.parse(" Viewer "));
        assertEquals(Role.ADMIN, Role.parse("admin"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Role.parse("root"));
        assertEquals("Unknown role 'root': use viewer or admin", e.getMessage());
    }
}
