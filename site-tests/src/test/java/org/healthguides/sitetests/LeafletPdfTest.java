package org.healthguides.sitetests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureTreeRoot;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

/** The real guide's printable leaflet, read with PDFBox as a PDF reader or a screen reader would. */
class LeafletPdfTest {
    private static final Path PDF_PATH = Path.of(BuiltSite.GUIDE, BuiltSite.GUIDE + ".pdf");
    private static final Pattern MENTIONS = Pattern.compile("(?m)^\\s+mentions:\\s*\\[(.*)]\\s*$");
    private static String text;

    @BeforeAll
    static void readTheText() throws IOException {
        try (PDDocument pdf = load()) {
            PDFTextStripper stripper = new PDFTextStripper();
            text = normalise(stripper.getText(pdf));
        }
    }

    private static PDDocument load() throws IOException {
        Path file = BuiltSite.root().resolve(PDF_PATH);
        assertTrue(Files.isRegularFile(file), "the leaflet is published at /" + PDF_PATH.toString().replace('\\', '/'));
        return Loader.loadPDF(file.toFile());
    }

    /** Lower case, one space between words, and a line break inside a phrase counts as a space. */
    private static String normalise(String s) {
        return s.replace('\u00a0', ' ').replace('\u2019', '\'').replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    @Test
    void itIsATaggedA4PdfWithItsLanguageTitleAndEmbeddedFonts() throws IOException {
        try (PDDocument pdf = load()) {
            var catalog = pdf.getDocumentCatalog();
            assertNotNull(catalog.getMarkInfo(), "MarkInfo");
            assertTrue(catalog.getMarkInfo().isMarked(), "Tagged: true (MarkInfo /Marked)");
            PDStructureTreeRoot tree = catalog.getStructureTreeRoot();
            assertNotNull(tree, "a StructTreeRoot");
            List<String> types = new ArrayList<>();
            collectTypes(tree.getKids(), types);
            assertTrue(types.contains("H1") && types.contains("H2") && types.contains("P") && types.contains("L"),
                    "headings, paragraphs and lists are tagged: " + types.stream().distinct().toList());
            assertEquals(1, types.stream().filter("H1"::equals).count(), "one H1, the guide's title");
            assertEquals("en-GB", catalog.getLanguage(), "Lang");
            String title = BuiltSite.guideIndex().selectFirst("h1").text();
            assertEquals(title, pdf.getDocumentInformation().getTitle(), "the title in the document information");
            assertNotNull(catalog.getViewerPreferences(), "viewer preferences");
            assertTrue(catalog.getViewerPreferences().getCOSObject().getBoolean(COSName.getPDFName("DisplayDocTitle"), false),
                    "readers show the title, not the file name (PDF/UA)");
            assertNotNull(catalog.getMetadata(), "XMP metadata");
            String xmp = new String(catalog.getMetadata().toByteArray(), java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(xmp.contains("pdfuaid"), "the XMP metadata claims PDF/UA");
            for (PDPage page : pdf.getPages()) {
                PDRectangle box = page.getMediaBox();
                assertEquals(595, Math.round(box.getWidth()), "A4 width in points");
                assertEquals(842, Math.round(box.getHeight()), "A4 height in points");
                PDResources resources = page.getResources();
                for (COSName name : resources.getFontNames()) {
                    PDFont font = resources.getFont(name);
                    assertTrue(font.isEmbedded(), font.getName() + " is embedded");
                    assertTrue(font.getName().contains("Lato"), "the shipped OFL font: " + font.getName());
                }
            }
            assertTrue(pdf.getNumberOfPages() >= 3, "the whole guide takes several pages");
        }
    }

    @Test
    void everyRedFlagSignAndEveryCareCardIsInTheTextWithItsLevelInWords() throws IOException {
        Path index = Path.of(System.getProperty("content.dir")).resolve(BuiltSite.GUIDE).resolve("index.md");
        Matcher mentions = MENTIONS.matcher(Files.readString(index));
        int phrases = 0;
        while (mentions.find()) {
            for (String phrase : mentions.group(1).split(",")) {
                String p = normalise(phrase.strip().replaceAll("^\"|\"$", ""));
                assertTrue(text.contains(p), "the leaflet says \"" + p + "\"");
                phrases++;
            }
        }
        assertTrue(phrases >= 10, "the content contract lists the red-flag phrases: " + phrases);
        Document whole = BuiltSite.wholeGuide();
        List<Element> cards = whole.select("section.callout");
        assertFalse(cards.isEmpty());
        for (Element card : cards) {
            String heading = normalise(card.selectFirst(".callout__heading").text());
            assertTrue(text.contains(heading), "the care card \"" + heading + "\" with its level in words");
            for (Element item : card.select("li")) {
                assertTrue(text.contains(normalise(item.text())), "the sign \"" + item.text() + "\"");
            }
        }
    }

    @Test
    void everyReferenceTheReviewLineAndThePageAddressAreInTheText() {
        Document whole = BuiltSite.wholeGuide();
        List<Element> references = whole.select("section.references li");
        assertFalse(references.isEmpty(), "the guide has references");
        for (Element reference : references) {
            Element copy = reference.clone();
            copy.select(".reference-backlink").remove();
            String words = normalise(copy.text());
            // Addresses may break over a line in the PDF: compare the words before any address.
            String beforeAddress = words.split("https?://")[0].strip();
            assertTrue(text.contains(beforeAddress), "the reference \"" + beforeAddress + "\"");
        }
        String review = normalise(whole.selectFirst(".review-dates").text());
        assertTrue(text.contains(review.substring(0, review.indexOf("·")).strip()), "the review line: " + review);
        assertTrue(text.contains(normalise(System.getProperty("site.base.url") + BuiltSite.GUIDE + "/")), "the page's address");
        String disclaimer = normalise(whole.selectFirst("footer .disclaimer").text());
        assertTrue(text.contains(disclaimer), "the disclaimer");
    }

    @Test
    void everyGuidePageLinksToItWithItsRealPageCountAndSize() throws IOException {
        long bytes = Files.size(BuiltSite.root().resolve(PDF_PATH));
        int pages;
        try (PDDocument pdf = load()) {
            pages = pdf.getNumberOfPages();
        }
        String expected = "Download this guide (PDF, " + pages + " pages, " + (bytes + 999) / 1000 + " KB)";
        List<Document> guidePages = new ArrayList<>(List.of(BuiltSite.guideIndex(), BuiltSite.wholeGuide()));
        BuiltSite.SECTIONS.forEach(slug -> guidePages.add(BuiltSite.section(slug)));
        for (Document page : guidePages) {
            Element link = page.selectFirst("a[type=application/pdf]");
            assertNotNull(link, page.location() + " links to the leaflet");
            assertEquals(expected, link.text(), page.location());
            assertTrue(link.absUrl("href").endsWith("/" + BuiltSite.GUIDE + "/" + BuiltSite.GUIDE + ".pdf"), link.attr("href"));
        }
    }

    private static void collectTypes(List<Object> kids, List<String> types) {
        for (Object kid : kids) {
            if (kid instanceof PDStructureElement element) {
                types.add(element.getStructureType());
                collectTypes(element.getKids(), types);
            }
        }
    }

    @Test
    void everyLeafletPassesVeraPdfsPdfUa1ChecksAndEachLinkIsDescribedByItsWords() throws Exception {
        List<Path> leaflets = new ArrayList<>(List.of(BuiltSite.root().resolve(PDF_PATH)));
        // The multilingual fixture's three: English, Welsh and Urdu (right to left, Arabic script).
        for (String language : List.of("", "cy/", "ur/")) {
            leaflets.add(MultilingualSite.root().resolve(language + "lifting/lifting.pdf"));
        }
        VeraGreenfieldFoundryProvider.initialise();
        for (Path leaflet : leaflets) {
            assertTrue(Files.isRegularFile(leaflet), leaflet + " was built");
            try (PDFAParser parser = Foundries.defaultInstance().createParser(Files.newInputStream(leaflet), PDFAFlavour.PDFUA_1);
                 PDFAValidator validator = Foundries.defaultInstance().createValidator(PDFAFlavour.PDFUA_1, false)) {
                ValidationResult result = validator.validate(parser);
                List<String> failed = result.getTestAssertions().stream()
                        .filter(assertion -> assertion.getStatus() == TestAssertion.Status.FAILED)
                        .map(assertion -> assertion.getRuleId().getClause() + "-" + assertion.getRuleId().getTestNumber() + " " + assertion.getMessage())
                        .distinct().toList();
                assertTrue(result.isCompliant() && failed.isEmpty(), leaflet + " fails PDF/UA-1: " + failed);
            }
            try (PDDocument pdf = Loader.loadPDF(leaflet.toFile())) {
                int links = 0;
                for (PDPage page : pdf.getPages()) {
                    for (PDAnnotation annotation : page.getAnnotations()) {
                        if (annotation instanceof PDAnnotationLink link) {
                            links++;
                            assertNotNull(link.getContents(), leaflet + ": a link on page " + (pdf.getPages().indexOf(page) + 1) + " has no description");
                            assertFalse(link.getContents().isBlank(), leaflet + ": a blank link description");
                        }
                    }
                }
                assertTrue(links > 0, leaflet + " has links to describe");
            }
        }
        // The real guide's links to its sections are described by their own words, not by their targets.
        try (PDDocument pdf = load()) {
            List<String> descriptions = new ArrayList<>();
            for (PDAnnotation annotation : pdf.getPage(0).getAnnotations()) {
                if (annotation instanceof PDAnnotationLink link) {
                    descriptions.add(link.getContents());
                }
            }
            assertTrue(descriptions.contains("How to deadlift with good technique"), descriptions.toString());
        }
    }
}
