package org.healthguides.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.healthguides.testing.Fixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The preview serves translations as the build publishes them, and a new translation reaches its original's page. */
class PreviewTranslationsTest {
    @TempDir
    Path root;

    private static final String WELSH_INDEX = "---\ntitle: Canllaw codi\ntranslated_from_reviewed: 2026-11-24\n---\nCroeso.\n";
    private static final String WELSH_RECOVERY = """
            ---
            title: Gwella
            ---
            ## Pryd i weld meddyg

            !!! urgent "Ewch i weld meddyg:"
                - poen yn y nos
                - diffyg teimlad
            """;

    /** A mistyped Welsh address gets the Welsh "Page not found" page, as nginx and Netlify serve it (docs/publishing.md). */
    @Test
    void aMissingAddressUnderALanguagesFolderGetsThatLanguagesNotFoundPage() throws Exception {
        Fixture fixture = welshFixture();
        Fixture.write(fixture.content.resolve("lifting/index.cy.md"), WELSH_INDEX);
        Fixture.write(fixture.content.resolve("lifting/recovery.cy.md"), WELSH_RECOVERY);
        PreviewBuild.Result built = new PreviewBuild(fixture.content, fixture.templates, Fixture.CLOCK).build();
        assertTrue(new String(built.files().get("cy/404.html"), StandardCharsets.UTF_8).contains("<html lang=\"cy\">"));
        assertTrue(new String(built.files().get("404.html"), StandardCharsets.UTF_8).contains("<html lang=\"en-GB\">"));

        java.util.List<BuildOutcome> outcomes = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (PreviewServer server = PreviewServer.start(new PreviewOptions(fixture.content, fixture.templates,
                java.net.InetAddress.getLoopbackAddress(), 0, java.time.Duration.ofMillis(50)), outcomes::add)) {
            java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
            for (String[] missing : new String[][] {{"/cy/no-such-page", "cy"}, {"/cy/lifting/nothing/", "cy"}, {"/no-such-page", "en-GB"},
                    {"/lifting/cy/", "en-GB"}}) {
                java.net.http.HttpResponse<String> response = client.send(java.net.http.HttpRequest.newBuilder(server.url().resolve(missing[0]))
                        .timeout(java.time.Duration.ofSeconds(30)).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
                assertEquals(404, response.statusCode(), missing[0]);
                assertTrue(response.body().contains("<html lang=\"" + missing[1] + "\">"), missing[0] + ": " + response.body());
            }
        }
    }

    private Fixture welshFixture() {
        Fixture fixture = new Fixture(root);
        Fixture.write(fixture.content.resolve("site.yaml"), Fixture.SETTINGS.replace("language: en-GB", "languages: [en-GB, cy]"));
        Fixture.write(fixture.content.resolve("lifting/index.md"), Fixture.INDEX
                .replace("[basics, recovery]", "[recovery]")
                .replace("mentions: [night pain, numbness]", "mentions: { en-GB: [night pain, numbness], cy: [poen yn y nos, diffyg teimlad] }"));
        Fixture.write(fixture.templates.resolve("section.ftlh"), Fixture.PAGE_TEMPLATE.replace("<title>",
                "<#list meta.alternates as a><link rel=\"alternate\" hreflang=\"${a.language}\" href=\"${a.href}\"></#list><title>"));
        Fixture.write(fixture.templates.resolve("i18n/en-GB.yaml"), "contents: Contents\n");
        Fixture.write(fixture.templates.resolve("i18n/cy.yaml"), """
                contents: Cynnwys
                site: { title: Canllawiau prawf, disclaimer: Nid cyngor meddygol. }
                warning_kinds:
                  urgent: { label: Cyngor brys, heading: "Ewch i weld meddyg ar unwaith os:" }
                  caution: { label: Pwysig, heading: Pwysig }
                """);
        return fixture;
    }

    @Test
    void aTranslationIsPreviewedUnderItsLanguageAndTheOriginalLearnsOfIt() throws Exception {
        Fixture fixture = welshFixture();
        PreviewBuild preview = new PreviewBuild(fixture.content, fixture.templates, Fixture.CLOCK);
        PreviewBuild.Result before = preview.build();
        String english = new String(before.files().get("lifting/recovery/index.html"), StandardCharsets.UTF_8);
        assertFalse(english.contains("hreflang"), english);

        Fixture.write(fixture.content.resolve("lifting/index.cy.md"), WELSH_INDEX);
        Fixture.write(fixture.content.resolve("lifting/recovery.cy.md"), WELSH_RECOVERY);
        PreviewBuild.Result after = preview.build();
        String welsh = new String(after.files().get("cy/lifting/recovery/index.html"), StandardCharsets.UTF_8);
        assertTrue(welsh.contains("<html lang=\"cy\">"), welsh);
        assertTrue(welsh.contains("Gwella"), welsh);
        assertTrue(after.files().containsKey("cy/index.html"), "the Welsh home page");
        String englishAgain = new String(after.files().get("lifting/recovery/index.html"), StandardCharsets.UTF_8);
        assertTrue(englishAgain.contains("hreflang=\"cy\" href=\"../../cy/lifting/recovery/\""),
                "the English page is rendered again with its new alternate: " + englishAgain);
        assertEquals(after.files().keySet().stream().filter(p -> p.startsWith("cy/lifting/basics")).count(), 0L,
                "basics is not translated, so not previewed in Welsh");
    }
}
