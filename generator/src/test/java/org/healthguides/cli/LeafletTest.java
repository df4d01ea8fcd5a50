package org.healthguides.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;
import org.apache.pdfbox.text.PDFTextStripper;
import org.healthguides.testing.Fixture;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each guide's printable leaflet: made by `guide build`, linked with its real size, left out with --no-pdf. */
class LeafletTest {
    @TempDir
    Path root;

    /** A fixture with the project's real templates, so its pages show the download link as the site does. */
    private Fixture fixture() throws IOException {
        Fixture fixture = new Fixture(root);
        try (Stream<Path> files = Files.walk(Path.of("..", "templates"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path target = fixture.templates.resolve(Path.of("..", "templates").relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return fixture;
    }

    @Test
    void every_page_of_the_guide_links_to_its_leaflet_with_the_real_page_count_and_size() throws Exception {
        Fixture fixture = fixture();
        BufferedImage picture = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
        ImageIO.write(picture, "png", fixture.content.resolve("lifting/bar.png").toFile());
        Fixture.write(fixture.content.resolve("lifting/basics.md"),
                Fixture.BASICS + "\n![A lifter holding the bar close to the shins](bar.png)\n");
        GuideRun run = GuideRun.on(fixture, "build", "--strict");
        assertEquals(0, run.exit(), run.err());
        Path pdf = fixture.out.resolve("lifting/lifting.pdf");
        assertTrue(Files.isRegularFile(pdf), "the leaflet is at <guide>/<guide-slug>.pdf");
        long size = Files.size(pdf);
        int pages;
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            pages = document.getNumberOfPages();
            assertTrue(document.getDocumentCatalog().getMarkInfo().isMarked(), "tagged");
            List<String> alts = new ArrayList<>();
            collectAlt(document.getDocumentCatalog().getStructureTreeRoot(), alts);
            assertTrue(alts.contains("A lifter holding the bar close to the shins"), "the image's alt text is in the structure tree: " + alts);
            String text = new PDFTextStripper().getText(document);
            assertTrue(text.contains("sharp night pain") && text.contains("numbness down your legs"), text);
        }
        String expected = "Download this guide (PDF, " + pages + " page" + (pages == 1 ? "" : "s") + ", "
                + Math.max(1, (size + 999) / 1000) + " KB)";
        for (String page : List.of("lifting/index.html", "lifting/basics/index.html", "lifting/recovery/index.html",
                "lifting/whole-guide/index.html")) {
            Document html = Jsoup.parse(fixture.out.resolve(page).toFile(), "UTF-8");
            assertEquals(expected, html.selectFirst("a[type=application/pdf]").text(), page);
            String href = html.selectFirst("a[type=application/pdf]").attr("href");
            assertTrue(Files.isRegularFile(fixture.out.resolve(page).getParent().resolve(href).normalize()), page + " links to " + href);
        }
    }

    @Test
    void no_pdf_leaves_out_the_leaflet_and_its_link() throws Exception {
        Fixture fixture = fixture();
        GuideRun run = GuideRun.on(fixture, "build", "--strict", "--no-pdf");
        assertEquals(0, run.exit(), run.err());
        assertFalse(Files.exists(fixture.out.resolve("lifting/lifting.pdf")));
        Document html = Jsoup.parse(fixture.out.resolve("lifting/index.html").toFile(), "UTF-8");
        assertTrue(html.select("a[type=application/pdf]").isEmpty(), "no link to a leaflet that is not there");
        assertNotNull(html.selectFirst(".whole-guide-link a"), "the whole-guide page is still linked");
    }

    @Test
    void a_missing_font_is_one_error_naming_the_file_and_nothing_is_written() throws Exception {
        Fixture fixture = fixture();
        Files.delete(fixture.templates.resolve("fonts/Lato-Bold.ttf"));
        GuideRun run = GuideRun.on(fixture, "build");
        assertEquals(1, run.exit(), run.err());
        assertFalse(run.hasStackTrace(), run.err());
        assertTrue(run.problems().stream().anyMatch(p -> p.contains("fonts/Lato-Bold.ttf: error[G0605]: font for the PDF leaflets not found")
                && p.contains("--no-pdf")), run.err());
        assertFalse(Files.exists(fixture.out), "nothing written");
        assertEquals(0, GuideRun.on(fixture, "build", "--no-pdf").exit(), "--no-pdf builds without the font");
    }

    @Test
    void the_same_content_gives_the_same_pdf_bytes() throws Exception {
        Fixture fixture = fixture();
        assertEquals(0, GuideRun.on(fixture, "build").exit());
        byte[] first = Files.readAllBytes(fixture.out.resolve("lifting/lifting.pdf"));
        assertEquals(0, GuideRun.on(fixture, "build").exit());
        byte[] second = Files.readAllBytes(fixture.out.resolve("lifting/lifting.pdf"));
        assertTrue(java.util.Arrays.equals(first, second), "a rebuild writes the same leaflet");
        Matcher date = Pattern.compile("/CreationDate \\(D:(\\d{8})").matcher(new String(first, java.nio.charset.StandardCharsets.ISO_8859_1));
        if (date.find()) {
            assertEquals("20261124", date.group(1), "dated by the guide's review");
        }
    }

    @Test
    void text_no_font_can_show_gets_no_leaflet_and_a_warning_naming_the_guide() throws Exception {
        Fixture fixture = fixture();
        // Thai: neither Lato nor Noto Naskh Arabic has its letters.
        Fixture.write(fixture.content.resolve("lifting/index.md"), Fixture.INDEX.replace("Welcome.", "Welcome. \u0e22\u0e01\u0e01\u0e25\u0e48\u0e2d\u0e07."));
        GuideRun run = GuideRun.on(fixture, "build");
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.problems().stream().anyMatch(p -> p.contains("lifting/index.md: warning[G0607]: no PDF leaflet")
                && p.contains("U+0E22") && p.contains("--no-pdf")), run.err());
        assertFalse(Files.exists(fixture.out.resolve("lifting/lifting.pdf")), "no leaflet of empty boxes");
        Document html = Jsoup.parse(fixture.out.resolve("lifting/index.html").toFile(), "UTF-8");
        assertTrue(html.select("a[type=application/pdf]").isEmpty(), "and no link to one");
        assertEquals(1, GuideRun.on(fixture, "build", "--strict").exit(), "--strict refuses to publish without it");
    }

    @Test
    void urdu_in_an_english_guide_is_printed_joined_and_in_reading_order_with_the_arabic_font() throws Exception {
        Fixture fixture = fixture();
        String urdu = "\u0688\u0628\u06c1 \u0627\u0679\u06be\u0627\u0646\u0627 \u0679\u0627\u0646\u06af\u0648\u06ba \u0645\u06cc\u06ba \u0633\u0646 \u06c1\u0648\u0646\u0627\u06d4";
        Fixture.write(fixture.content.resolve("lifting/index.md"), Fixture.INDEX.replace("Welcome.", "Welcome. In Urdu: " + urdu));
        GuideRun run = GuideRun.on(fixture, "build");
        assertEquals(0, run.exit(), run.err());
        assertFalse(run.err().contains("G0607"), run.err());
        Path pdf = fixture.out.resolve("lifting/lifting.pdf");
        assertTrue(Files.isRegularFile(pdf), "Noto Naskh Arabic has the Urdu letters: " + run.err());
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            assertEquals("en-GB", document.getDocumentCatalog().getLanguage());
            List<String> boxes = new ArrayList<>();
            StringBuilder glyphs = new StringBuilder();
            java.util.Set<String> fonts = new java.util.TreeSet<>();
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void processTextPosition(org.apache.pdfbox.text.TextPosition position) {
                    super.processTextPosition(position);
                    glyphs.append(position.getUnicode());
                    fonts.add(position.getFont().getName().replaceFirst("^[A-Z]{6}\\+", ""));
                    for (int code : position.getCharacterCodes()) {
                        try {
                            if (((org.apache.pdfbox.pdmodel.font.PDType0Font) position.getFont()).codeToGID(code) == 0) {
                                boxes.add(position.getUnicode());
                            }
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }
                }
            };
            // PDFBox gives the joined letters as presentation forms (U+FB50 on): NFKC turns them back into letters.
            String text = java.text.Normalizer.normalize(stripper.getText(document), java.text.Normalizer.Form.NFKC);
            // Each glyph's own character (PDFBox's text has the letters back): drawn left to right, so reversed.
            assertTrue(glyphs.toString().contains("\ufba7\ufe91\ufb88"), "ڈبہ joined (ڈ isolated, ب initial, ہ final): " + glyphs);
            assertTrue(text.contains("In Urdu: " + urdu) || text.contains(urdu), "the Urdu sentence in reading order:\n" + text);
            assertEquals(List.of(), boxes, "no glyph is .notdef");
            assertTrue(fonts.contains("NotoNaskhArabic-Regular") && fonts.contains("Lato-Regular"), fonts.toString());
        }
    }

    private static void collectAlt(PDStructureNode node, List<String> alts) {
        if (node == null) {
            return;
        }
        for (Object kid : node.getKids()) {
            if (kid instanceof PDStructureElement element) {
                if (element.getAlternateDescription() != null) {
                    alts.add(element.getAlternateDescription());
                }
                collectAlt(element, alts);
            }
        }
    }
}
