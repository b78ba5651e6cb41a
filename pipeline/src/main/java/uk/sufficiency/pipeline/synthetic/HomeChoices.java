package uk.sufficiency.pipeline.synthetic;

import static uk.sufficiency.pipeline.synthetic.Setting.CARE_HOME;
import static uk.sufficiency.pipeline.synthetic.Setting.CHILDRENS_HOME;
import static uk.sufficiency.pipeline.synthetic.Setting.FAMILY_CENTRE;
import static uk.sufficiency.pipeline.synthetic.Setting.HOSPITAL;
import static uk.sufficiency.pipeline.synthetic.Setting.INDEPENDENT_LIVING;
import static uk.sufficiency.pipeline.synthetic.Setting.KINSHIP_LONG_TERM;
import static uk.sufficiency.pipeline.synthetic.Setting.KINSHIP_SHORT_TERM;
import static uk.sufficiency.pipeline.synthetic.Setting.LONG_TERM_FOSTER;
import static uk.sufficiency.pipeline.synthetic.Setting.OTHER_ARRANGEMENT;
import static uk.sufficiency.pipeline.synthetic.Setting.RESIDENTIAL_SCHOOL;
import static uk.sufficiency.pipeline.synthetic.Setting.SECURE_HOME;
import static uk.sufficiency.pipeline.synthetic.Setting.SHORT_TERM_FOSTER;
import static uk.sufficiency.pipeline.synthetic.Setting.SUPPORTED_ACCOMMODATION;
import static uk.sufficiency.pipeline.synthetic.Setting.WITH_PARENTS;
import static uk.sufficiency.pipeline.synthetic.Setting.YOUNG_OFFENDER_INSTITUTION;

/**
 * What kind of home a child goes to: the first on coming into care, and the next when a home comes
 * to an end, by age and by the kind of home left. Teenagers go to children's homes far more than
 * younger children, and from 16 many move on to supported accommodation or a flat of their own
 * (H5, P2), which is where Lancashire's 11.5% in children's homes and 6% in 16+ homes come from.
 */
final class HomeChoices {
    private final Draw draw;

    // Where a child goes when a home ends, by age (under 11, 11-15, 16-17) and the home left.
    private final Mix<Setting> youngFromFoster;
    private final Mix<Setting> youngFromElsewhere;
    private final Mix<Setting> teenFromFoster;
    private final Mix<Setting> teenFromResidential;
    private final Mix<Setting> teenFromElsewhere;
    private final Mix<Setting> olderFromFoster;
    private final Mix<Setting> olderFromResidential;
    private final Mix<Setting> olderFromSupported;
    private final Mix<Setting> olderFromElsewhere;
    // The first home on entry, by age (under 1, 1-10, 11-15, 16-17).
    private final Mix<Setting> firstHomeBaby;
    private final Mix<Setting> firstHomeChild;
    private final Mix<Setting> firstHomeTeen;
    private final Mix<Setting> firstHomeOlder;

    HomeChoices(LocalAuthorityProfile la, Draw draw) {
        this.draw = draw;
        youngFromFoster = habits(la, Mix.of(SHORT_TERM_FOSTER, 20, LONG_TERM_FOSTER, 52, KINSHIP_LONG_TERM, 9,
                WITH_PARENTS, 9, CHILDRENS_HOME, 4, HOSPITAL, 1, OTHER_ARRANGEMENT, 1));
        youngFromElsewhere = habits(la, Mix.of(SHORT_TERM_FOSTER, 45, LONG_TERM_FOSTER, 30, KINSHIP_SHORT_TERM, 10,
                CHILDRENS_HOME, 10, WITH_PARENTS, 5));
        teenFromFoster = habits(la, Mix.of(SHORT_TERM_FOSTER, 22, LONG_TERM_FOSTER, 42, KINSHIP_LONG_TERM, 5,
                CHILDRENS_HOME, 29, WITH_PARENTS, 4, RESIDENTIAL_SCHOOL, 3, CARE_HOME, 1, HOSPITAL, 1,
                OTHER_ARRANGEMENT, 1, SECURE_HOME, 0.5));
        teenFromResidential = habits(la, Mix.of(CHILDRENS_HOME, 56, LONG_TERM_FOSTER, 14, SHORT_TERM_FOSTER, 10,
                WITH_PARENTS, 6, RESIDENTIAL_SCHOOL, 5, CARE_HOME, 3, SECURE_HOME, 2, HOSPITAL, 2,
                OTHER_ARRANGEMENT, 3, KINSHIP_SHORT_TERM, 3));
        teenFromElsewhere = habits(la, Mix.of(SHORT_TERM_FOSTER, 40, CHILDRENS_HOME, 30, KINSHIP_SHORT_TERM, 10,
                LONG_TERM_FOSTER, 15, WITH_PARENTS, 5));
        olderFromFoster = habits(la, Mix.of(SUPPORTED_ACCOMMODATION, 65, LONG_TERM_FOSTER, 28, SHORT_TERM_FOSTER, 8,
                CHILDRENS_HOME, 10, INDEPENDENT_LIVING, 9, WITH_PARENTS, 5, KINSHIP_LONG_TERM, 3,
                OTHER_ARRANGEMENT, 2));
        olderFromResidential = habits(la, Mix.of(SUPPORTED_ACCOMMODATION, 45, CHILDRENS_HOME, 30,
                INDEPENDENT_LIVING, 8, SHORT_TERM_FOSTER, 5, WITH_PARENTS, 4, SECURE_HOME, 1, HOSPITAL, 2,
                OTHER_ARRANGEMENT, 3, CARE_HOME, 2));
        olderFromSupported = habits(la, Mix.of(SUPPORTED_ACCOMMODATION, 55, INDEPENDENT_LIVING, 20, CHILDRENS_HOME, 12,
                WITH_PARENTS, 5, SHORT_TERM_FOSTER, 3, OTHER_ARRANGEMENT, 3, YOUNG_OFFENDER_INSTITUTION, 2));
        olderFromElsewhere = habits(la, Mix.of(SUPPORTED_ACCOMMODATION, 40, SHORT_TERM_FOSTER, 20, CHILDRENS_HOME, 25,
                INDEPENDENT_LIVING, 10, WITH_PARENTS, 5));
        firstHomeBaby = habits(la, Mix.of(SHORT_TERM_FOSTER, 50, KINSHIP_SHORT_TERM, 25, FAMILY_CENTRE, 25));
        firstHomeChild = habits(la, Mix.of(SHORT_TERM_FOSTER, 64, KINSHIP_SHORT_TERM, 21, CHILDRENS_HOME, 4,
                LONG_TERM_FOSTER, 2, OTHER_ARRANGEMENT, 2));
        firstHomeTeen = habits(la, Mix.of(SHORT_TERM_FOSTER, 45, CHILDRENS_HOME, 40, KINSHIP_SHORT_TERM, 12,
                OTHER_ARRANGEMENT, 2, HOSPITAL, 1, SECURE_HOME, 1, RESIDENTIAL_SCHOOL, 1));
        firstHomeOlder = habits(la, Mix.of(SUPPORTED_ACCOMMODATION, 45, SHORT_TERM_FOSTER, 25, CHILDRENS_HOME, 28,
                INDEPENDENT_LIVING, 8, KINSHIP_SHORT_TERM, 5, OTHER_ARRANGEMENT, 2));
    }

    /** The LA's own leaning towards children's homes and placements with parents. */
    private static Mix<Setting> habits(LocalAuthorityProfile la, Mix<Setting> mix) {
        return mix.scaled(CHILDRENS_HOME, la.childrensHomesLean()).scaled(WITH_PARENTS, la.withParentsLean());
    }

    Setting first(double age) {
        return draw.pick(age < 1 ? firstHomeBaby : age < 11 ? firstHomeChild : age < 16 ? firstHomeTeen : firstHomeOlder);
    }

    Setting next(Setting current, double age, boolean male) {
        Mix<Setting> table;
        if (age < 11) {
            table = current.fostering() ? youngFromFoster : youngFromElsewhere;
        } else if (age < 16) {
            table = current.fostering() ? teenFromFoster : current.residential() ? teenFromResidential : teenFromElsewhere;
        } else {
            table = current.fostering() ? olderFromFoster : current.residential() ? olderFromResidential
                    : current.supported() ? olderFromSupported : olderFromElsewhere;
        }
        Setting next = draw.pick(table);
        // boys are over-represented in children's homes (60% of them, against 54% of all CLA)
        if (next == CHILDRENS_HOME && !male && draw.chance(0.2)) {
            next = draw.pick(table);
        }
        return next;
    }
}
