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

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * What kind of home a child goes to: the first on coming into care, and the next when a home comes
 * to an end, by age and by the kind of home left. Teenagers go to children's homes far more than
 * younger children, and from 16 many move on to supported accommodation or a flat of their own
 * (H5, P2), which is where Lancashire's 11.5% in children's homes and 6% in 16+ homes come from.
 */
final class HomeChoices {
    private final Draw draw;
    private final LocalAuthorityProfile la;
    /** The tables with children's homes leant as a year's practice leans them, by that lean. */
    private final Map<Double, Tables> byHomesLean = new HashMap<>();

    HomeChoices(LocalAuthorityProfile la, Draw draw) {
        this.draw = draw;
        this.la = la;
    }

    /** Where a child goes when a home ends, by age (under 11, 11-15, 16-17) and the home left; the first home on entry by age (under 1, 1-10, 11-15, 16-17). */
    private record Tables(Mix<Setting> youngFromFoster, Mix<Setting> youngFromElsewhere, Mix<Setting> teenFromFoster,
            Mix<Setting> teenFromResidential, Mix<Setting> teenFromElsewhere, Mix<Setting> olderFromFoster,
            Mix<Setting> olderFromResidential, Mix<Setting> olderFromSupported, Mix<Setting> olderFromElsewhere,
            Mix<Setting> firstHomeBaby, Mix<Setting> firstHomeChild, Mix<Setting> firstHomeTeen,
            Mix<Setting> firstHomeOlder) {
    }

    private Tables tables(LocalDate day) {
        double homesLean = la.childrensHomesLean() * la.trends().childrensHomes(day);
        return byHomesLean.computeIfAbsent(homesLean, lean -> new Tables(
                habits(lean, Mix.of(SHORT_TERM_FOSTER, 20, LONG_TERM_FOSTER, 52, KINSHIP_LONG_TERM, 9,
                        WITH_PARENTS, 9, CHILDRENS_HOME, 4, HOSPITAL, 1, OTHER_ARRANGEMENT, 1)),
                habits(lean, Mix.of(SHORT_TERM_FOSTER, 45, LONG_TERM_FOSTER, 30, KINSHIP_SHORT_TERM, 10,
                        CHILDRENS_HOME, 10, WITH_PARENTS, 5)),
                habits(lean, Mix.of(SHORT_TERM_FOSTER, 22, LONG_TERM_FOSTER, 42, KINSHIP_LONG_TERM, 5,
                        CHILDRENS_HOME, 29, WITH_PARENTS, 4, RESIDENTIAL_SCHOOL, 3, CARE_HOME, 1, HOSPITAL, 1,
                        OTHER_ARRANGEMENT, 1, SECURE_HOME, 0.5)),
                habits(lean, Mix.of(CHILDRENS_HOME, 56, LONG_TERM_FOSTER, 14, SHORT_TERM_FOSTER, 10,
                        WITH_PARENTS, 6, RESIDENTIAL_SCHOOL, 5, CARE_HOME, 3, SECURE_HOME, 2, HOSPITAL, 2,
                        OTHER_ARRANGEMENT, 3, KINSHIP_SHORT_TERM, 3)),
                habits(lean, Mix.of(SHORT_TERM_FOSTER, 40, CHILDRENS_HOME, 30, KINSHIP_SHORT_TERM, 10,
                        LONG_TERM_FOSTER, 15, WITH_PARENTS, 5)),
                habits(lean, Mix.of(SUPPORTED_ACCOMMODATION, 65, LONG_TERM_FOSTER, 28, SHORT_TERM_FOSTER, 8,
                        CHILDRENS_HOME, 10, INDEPENDENT_LIVING, 9, WITH_PARENTS, 5, KINSHIP_LONG_TERM, 3,
                        OTHER_ARRANGEMENT, 2)),
                habits(lean, Mix.of(SUPPORTED_ACCOMMODATION, 45, CHILDRENS_HOME, 30,
                        INDEPENDENT_LIVING, 8, SHORT_TERM_FOSTER, 5, WITH_PARENTS, 4, SECURE_HOME, 1, HOSPITAL, 2,
                        OTHER_ARRANGEMENT, 3, CARE_HOME, 2)),
                habits(lean, Mix.of(SUPPORTED_ACCOMMODATION, 55, INDEPENDENT_LIVING, 20, CHILDRENS_HOME, 12,
                        WITH_PARENTS, 5, SHORT_TERM_FOSTER, 3, OTHER_ARRANGEMENT, 3, YOUNG_OFFENDER_INSTITUTION, 2)),
                habits(lean, Mix.of(SUPPORTED_ACCOMMODATION, 40, SHORT_TERM_FOSTER, 20, CHILDRENS_HOME, 25,
                        INDEPENDENT_LIVING, 10, WITH_PARENTS, 5)),
                habits(lean, Mix.of(SHORT_TERM_FOSTER, 50, KINSHIP_SHORT_TERM, 25, FAMILY_CENTRE, 25)),
                habits(lean, Mix.of(SHORT_TERM_FOSTER, 64, KINSHIP_SHORT_TERM, 21, CHILDRENS_HOME, 4,
                        LONG_TERM_FOSTER, 2, OTHER_ARRANGEMENT, 2)),
                habits(lean, Mix.of(SHORT_TERM_FOSTER, 45, CHILDRENS_HOME, 40, KINSHIP_SHORT_TERM, 12,
                        OTHER_ARRANGEMENT, 2, HOSPITAL, 1, SECURE_HOME, 1, RESIDENTIAL_SCHOOL, 1)),
                habits(lean, Mix.of(SUPPORTED_ACCOMMODATION, 45, SHORT_TERM_FOSTER, 25, CHILDRENS_HOME, 28,
                        INDEPENDENT_LIVING, 8, KINSHIP_SHORT_TERM, 5, OTHER_ARRANGEMENT, 2))));
    }

    /** The LA's own leaning (and its year's) towards children's homes, and its own towards placements with parents. */
    private Mix<Setting> habits(double homesLean, Mix<Setting> mix) {
        return mix.scaled(CHILDRENS_HOME, homesLean).scaled(WITH_PARENTS, la.withParentsLean());
    }

    Setting first(double age, LocalDate day) {
        Tables t = tables(day);
        return draw.pick(age < 1 ? t.firstHomeBaby() : age < 11 ? t.firstHomeChild() : age < 16 ? t.firstHomeTeen()
                : t.firstHomeOlder());
    }

    Setting next(Setting current, double age, boolean male, LocalDate day) {
        Tables t = tables(day);
        Mix<Setting> table;
        if (age < 11) {
            table = current.fostering() ? t.youngFromFoster() : t.youngFromElsewhere();
        } else if (age < 16) {
            table = current.fostering() ? t.teenFromFoster() : current.residential() ? t.teenFromResidential() : t.teenFromElsewhere();
        } else {
            table = current.fostering() ? t.olderFromFoster() : current.residential() ? t.olderFromResidential()
                    : current.supported() ? t.olderFromSupported() : t.olderFromElsewhere();
        }
        Setting next = draw.pick(table);
        // boys are over-represented in children's homes (60% of them, against 54% of all CLA)
        if (next == CHILDRENS_HOME && !male && draw.chance(0.2)) {
            next = draw.pick(table);
        }
        return next;
    }
}
