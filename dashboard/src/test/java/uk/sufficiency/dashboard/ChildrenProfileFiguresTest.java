package uk.sufficiency.dashboard;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.sufficiency.dashboard.DashboardServerTest.assertJson;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.sufficiency.warehouse.FactTable;

/**
 * The seed's tables of who the children are (issue 11, point 9): sex, age and ethnic group at 31
 * March and section 20 children by the strategy's age bands and by kind of home. A third LA,
 * Testshire, is added to {@link TestSnapshot#lancashireAndBlackpool()} with the single collection
 * year 2022, worked by hand at 31 March 2022 (ages in completed years, counting-rules §6):
 * <pre>
 * child  legal  home          sex      DOB         age  DfE band     ETHNIC  group
 * t1     V2     foster_ifa    male     01/04/2016  5    5 to 9       WBRI    White
 * t2     V2     home_agency   female   31/03/2011  11   10 to 15     MWBC    Mixed
 * t3     V2     supported     male     31/03/2006  16   16 and over  CHNE    Other ethnic group
 * t4     V2     supported     male     01/04/2008  13   10 to 15     XXXX    Not recorded (not a code)
 * t5     C2     foster_inh.   female   15/06/2012  9    5 to 9       blank   Not recorded
 * t6     C2     foster_ifa    (no Header row: sex unknown, age Unknown, ethnicity not recorded)
 * t7     V2     ended on 31/03/2022: not looked after that day
 * </pre>
 * Six looked after: female 2 (33.3%), male 3 (50.0%), unknown 1 (16.7%); 5 to 9 2, 10 to 15 2, 16 and
 * over 1, Unknown 1; White, Mixed, Other 1 each (16.7%), not recorded 3 (50.0%). Section 20: four;
 * 0-5 1 (25.0%), 6-10 0, 11-13 2 (t2 turned 11 that day, t4 turns 14 the next; 50.0%), 14-15 0, 16-17
 * 1 (25.0%); foster_ifa 1, home_agency 1, supported 2 (50.0%).
 */
class ChildrenProfileFiguresTest {
    @TempDir
    Path dir;

    @BeforeEach
    void warehouse() throws Exception {
        TestSnapshot.lancashireAndBlackpool()
                .rows(FactTable.LA_WINDOW, "('Testshire', 2022, 2022)")
                .rows(FactTable.EPISODES,
                        episode("t1", "V2", "U6", "PR4", "foster_ifa", "NULL"),
                        episode("t2", "V2", "K2", "PR4", "home_agency", "NULL"),
                        episode("t3", "V2", "H5", "PR4", "supported", "NULL"),
                        episode("t4", "V2", "H5", "PR4", "supported", "NULL"),
                        episode("t5", "C2", "U4", "PR1", "foster_inhouse", "NULL"),
                        episode("t6", "C2", "U6", "PR4", "foster_ifa", "NULL"),
                        episode("t7", "V2", "U4", "PR1", "foster_inhouse", "'2022-03-31'"))
                .rows(FactTable.CHILDREN,
                        "('Testshire', 't1', 'male', '2016-04-01')", "('Testshire', 't2', 'female', '2011-03-31')",
                        "('Testshire', 't3', 'male', '2006-03-31')", "('Testshire', 't4', 'male', '2008-04-01')",
                        "('Testshire', 't5', 'female', '2012-06-15')", "('Testshire', 't7', 'male', '2015-01-01')")
                .rows(FactTable.CHILDREN_ETHNICITY,
                        "('Testshire', 't1', 'WBRI')", "('Testshire', 't2', 'MWBC')", "('Testshire', 't3', 'CHNE')",
                        "('Testshire', 't4', 'XXXX')", "('Testshire', 't5', NULL)", "('Testshire', 't7', 'WBRI')")
                .publish(dir);
        TestUsers.write(dir);
    }

    private static String episode(String child, String legalStatus, String place, String provider, String category,
                                  String dec) {
        return "('Testshire', '%s', '2022-01-10', %s, NULL, 'S', '%s', '%s', '%s', '%s', 2022, NULL)"
                .formatted(child, dec, legalStatus, place, provider, category);
    }

    @Test
    void sexAgeAndEthnicityAt31March() {
        TestUsers.as(dir, TestUsers.REGION, browser -> {
            assertJson("""
                    {"rows": [{"month_end": "2022-03-31", "sex": "female", "children": 2, "share": 33.3},
                              {"month_end": "2022-03-31", "sex": "male", "children": 3, "share": 50.0},
                              {"month_end": "2022-03-31", "sex": "unknown", "children": 1, "share": 16.7}]}""",
                    browser.get("/api/cla-sex-31-march?la=Testshire"));
            assertJson("""
                    {"rows": [{"month_end": "2022-03-31", "age_band": "5 to 9", "children": 2, "share": 33.3},
                              {"month_end": "2022-03-31", "age_band": "10 to 15", "children": 2, "share": 33.3},
                              {"month_end": "2022-03-31", "age_band": "16 and over", "children": 1, "share": 16.7},
                              {"month_end": "2022-03-31", "age_band": "Unknown", "children": 1, "share": 16.7}]}""",
                    browser.get("/api/cla-age-band-31-march?la=Testshire"));
            assertJson("""
                    {"rows": [{"month_end": "2022-03-31", "ethnic_group": "White", "children": 1, "share": 16.7},
                              {"month_end": "2022-03-31", "ethnic_group": "Mixed or multiple ethnic groups",
                               "children": 1, "share": 16.7},
                              {"month_end": "2022-03-31", "ethnic_group": "Other ethnic group", "children": 1,
                               "share": 16.7},
                              {"month_end": "2022-03-31", "ethnic_group": "Not recorded", "children": 3,
                               "share": 50.0}]}""",
                    browser.get("/api/cla-ethnicity?la=Testshire"));
        });
    }

    @Test
    void section20ByTheStrategysAgeBandsAndByKindOfHome() {
        TestUsers.as(dir, TestUsers.REGION, browser -> {
            assertJson("""
                    {"rows": [{"month_end": "2022-03-31", "age_group": "0-5", "children": 1, "share": 25.0},
                              {"month_end": "2022-03-31", "age_group": "6-10", "children": 0, "share": 0.0},
                              {"month_end": "2022-03-31", "age_group": "11-13", "children": 2, "share": 50.0},
                              {"month_end": "2022-03-31", "age_group": "14-15", "children": 0, "share": 0.0},
                              {"month_end": "2022-03-31", "age_group": "16-17", "children": 1, "share": 25.0}]}""",
                    browser.get("/api/section20-age-group?la=Testshire"));
            assertJson("""
                    {"rows": [{"month_end": "2022-03-31", "category": "foster_ifa", "children": 1, "share": 25.0},
                              {"month_end": "2022-03-31", "category": "home_agency", "children": 1, "share": 25.0},
                              {"month_end": "2022-03-31", "category": "supported", "children": 2, "share": 50.0}]}""",
                    browser.get("/api/section20-category?la=Testshire"));
            String csv = browser.get("/api/section20-age-group.csv?la=Testshire").body();
            assertTrue(csv.startsWith("month_end,age_group,children,share"), csv);
            String page = browser.get("/children?la=Testshire").body();
            for (String figure : new String[] {"cla-sex-31-march", "cla-age-band-31-march", "cla-ethnicity",
                    "section20-age-group"}) {
                assertTrue(page.contains("/api/" + figure + ".xlsx?la=Testshire"), figure);
            }
        });
    }

    @Test
    void anotherLasReaderSeesCountsOf1To4AndTheirSharesAsC() {
        TestUsers.as(dir, TestUsers.BLACKPOOL, browser -> {
            assertJson("""
                    {"rows": [{"month_end": "2022-03-31", "age_group": "0-5", "children": "[c]", "share": "[c]"},
                              {"month_end": "2022-03-31", "age_group": "6-10", "children": 0, "share": 0.0},
                              {"month_end": "2022-03-31", "age_group": "11-13", "children": "[c]", "share": "[c]"},
                              {"month_end": "2022-03-31", "age_group": "14-15", "children": 0, "share": 0.0},
                              {"month_end": "2022-03-31", "age_group": "16-17", "children": "[c]", "share": "[c]"}]}""",
                    browser.get("/api/section20-age-group?la=Testshire"));
            assertJson("""
                    {"rows": [{"month_end": "2022-03-31", "ethnic_group": "White", "children": "[c]", "share": "[c]"},
                              {"month_end": "2022-03-31", "ethnic_group": "Mixed or multiple ethnic groups",
                               "children": "[c]", "share": "[c]"},
                              {"month_end": "2022-03-31", "ethnic_group": "Other ethnic group", "children": "[c]",
                               "share": "[c]"},
                              {"month_end": "2022-03-31", "ethnic_group": "Not recorded", "children": "[c]",
                               "share": "[c]"}]}""",
                    browser.get("/api/cla-ethnicity?la=Testshire"));
        });
    }
}
