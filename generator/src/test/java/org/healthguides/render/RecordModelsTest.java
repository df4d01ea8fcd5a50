package org.healthguides.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.ObjectWrapper;
import freemarker.template.Template;
import freemarker.template.TemplateException;

class RecordModelsTest {
    private static final GuideView GUIDE = new GuideView("Back pain", "About <backs>", "../", "../whole-guide/",
            List.of(new PageLink("Causes", "../causes/", "Why", false), new PageLink("Sut", "./", "", true, "cy")),
            new ReviewDates("2026-11-24", "24 November 2026", "2027-11-24", "24 November 2027", null, null), 4, null, null, false);

    /** Templates that read records every way FreeMarker allows: the accessor, the call, derived values, keys, text, defaults. */
    private static final List<String> TEMPLATES = List.of(
            "${g.title} ${g.url} ${g.readingMinutes} ${g.draft?c} ${g.description}",
            "<#list g.contents as l>${l.title}|${l.url}|${l.current?c}|${l.untranslated?c}|${l.direction!'none'}|${l.language!'-'};</#list>",
            "${g.title()} ${g.contents[1].untranslated()?c} ${g.contents?size}",
            "<#if g.review??>${g.review.reviewedText} ${g.review.reviewerName!'nobody'}</#if><#if g.latestChange??>x<#else>none</#if>",
            "${g.download???c} ${(g.download.url)!'no download'} ${g?has_content?c} ${g.review?is_hash?c}",
            "<#list g.review?keys?sort as k>${k} </#list>",
            "${g.contents[0]}");

    @Test
    void templates_read_records_as_with_the_default_wrapper() throws Exception {
        for (String template : TEMPLATES) {
            assertEquals(render(template, defaultWrapper()), render(template, recordModels()), template);
        }
    }

    @Test
    void what_the_access_policy_hides_stays_hidden() {
        for (String template : List.of("${g.getClass()}", "${g.getClass().getProtectionDomain()}", "${g.nonsense}",
                "${g.contents[0].getClass().getName()}")) {
            TemplateException e = assertThrows(TemplateException.class, () -> render(template, recordModels()), template);
            assertThrows(TemplateException.class, () -> render(template, defaultWrapper()), template);
            assertTrue(e.getMessage() != null, template);
        }
    }

    /** A record that is also iterable: FreeMarker wraps it as an iterable, so the short way for plain records must not take it. */
    record Letters(List<String> all) implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return all.iterator();
        }
    }

    @Test
    void strings_and_records_are_wrapped_as_the_default_wrapper_wraps_them() throws Exception {
        freemarker.template.DefaultObjectWrapper records = (freemarker.template.DefaultObjectWrapper) recordModels();
        freemarker.template.DefaultObjectWrapper plain = (freemarker.template.DefaultObjectWrapper) defaultWrapper();
        for (String text : List.of("", "a <b> & text", "caf\u00e9 \u0645")) {
            freemarker.template.TemplateModel wrapped = records.wrap(text);
            assertEquals(plain.wrap(text).getClass(), wrapped.getClass());
            assertEquals(text, ((freemarker.template.TemplateScalarModel) wrapped).getAsString());
        }
        assertEquals("RecordModel", records.wrap(GUIDE).getClass().getSimpleName());
        // With iterables supported, FreeMarker wraps an iterable record as an iterable: so does the short way.
        DefaultObjectWrapperBuilder iterables = new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_34);
        iterables.setMemberAccessPolicy(ModelOnlyAccess.INSTANCE);
        iterables.setIterableSupport(true);
        Letters letters = new Letters(List.of("x", "y"));
        assertEquals(freemarker.template.DefaultIterableAdapter.class, new RecordModels(iterables).wrap(letters).getClass());
        assertEquals(iterables.build().wrap(letters).getClass(), new RecordModels(iterables).wrap(letters).getClass());
        assertEquals("x;y;", render("<#list l as x>${x};</#list>", Map.of("l", letters), new RecordModels(iterables)));
    }

    private static ObjectWrapper defaultWrapper() {
        DefaultObjectWrapperBuilder builder = new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_34);
        builder.setMemberAccessPolicy(ModelOnlyAccess.INSTANCE);
        return builder.build();
    }

    private static ObjectWrapper recordModels() {
        DefaultObjectWrapperBuilder builder = new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_34);
        builder.setMemberAccessPolicy(ModelOnlyAccess.INSTANCE);
        return new RecordModels(builder);
    }

    private static String render(String source, ObjectWrapper wrapper) throws Exception {
        return render(source, Map.of("g", GUIDE), wrapper);
    }

    private static String render(String source, Map<String, Object> model, ObjectWrapper wrapper) throws Exception {
        Configuration configuration = new Configuration(Configuration.VERSION_2_3_34);
        configuration.setObjectWrapper(wrapper);
        configuration.setAPIBuiltinEnabled(false);
        configuration.setLogTemplateExceptions(false);
        configuration.setTemplateExceptionHandler(freemarker.template.TemplateExceptionHandler.RETHROW_HANDLER);
        StringWriter out = new StringWriter();
        new Template("t", new StringReader(source), configuration).process(model, out);
        return out.toString();
    }
}
