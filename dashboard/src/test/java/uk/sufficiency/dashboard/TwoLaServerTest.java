package uk.sufficiency.dashboard;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** Tests against a server for the hand-worked two-LA snapshot of {@link TestSnapshot#lancashireAndBlackpool()}. */
abstract class TwoLaServerTest {
    @TempDir
    Path dir;

    @BeforeEach
    void warehouse() throws Exception {
        TestSnapshot.lancashireAndBlackpool().publish(dir);
        TestUsers.write(dir);
    }

    void as(String username, TestUsers.Scenario scenario) {
        TestUsers.as(dir, username, scenario);
    }
}
