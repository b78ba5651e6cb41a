package uk.sufficiency.dashboard;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.rendering.FileRenderer;
import io.javalin.rendering.template.JavalinJte;
import java.util.Map;

/**
 * The dashboard's HTML templates (src/main/jte). jte-maven-plugin turns them into classes of this
 * package at build time, so no template compiler runs in the server; they are HTML templates, so every
 * value they print is escaped for where it stands (text or attribute) and no page is built by hand.
 */
final class Templates {
    private static final TemplateEngine ENGINE = TemplateEngine.createPrecompiled(null, ContentType.Html,
            Templates.class.getClassLoader(), Templates.class.getPackageName());

    private Templates() {
    }

    /** What {@code ctx.render(template, model)} renders with. */
    static FileRenderer renderer() {
        return new JavalinJte(ENGINE);
    }

    /** A template's HTML as a string, for tests of one part of a page. */
    static String render(String template, Map<String, Object> model) {
        StringOutput output = new StringOutput();
        ENGINE.render(template, model, output);
        return output.toString();
    }
}
