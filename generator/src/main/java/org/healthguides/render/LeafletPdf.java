package org.healthguides.render;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;

/**
 * Prints a guide's leaflet (the XHTML of leaflet.ftlh) to an A4, tagged PDF (PDF/UA: a structure tree, the
 * document's language and title, alt text for images, reading order from the HTML) with openhtmltopdf on PDFBox.
 * Every font is embedded, as PDF/UA requires: the OFL-licensed Lato shipped in the templates' {@code fonts/} folder.
 * Pure apart from reading the fonts and the content's images; one call per guide, safe from several threads.
 */
public final class LeafletPdf {
    /** The family the leaflet's CSS names; the files in the templates' fonts folder. */
    public static final String FONT_FAMILY = "Lato";
    public static final String FONTS_FOLDER = "fonts";
    private static final List<Face> FACES = List.of(new Face("Lato-Regular.ttf", 400, FontStyle.NORMAL),
            new Face("Lato-Bold.ttf", 700, FontStyle.NORMAL), new Face("Lato-Italic.ttf", 400, FontStyle.ITALIC));

    static {
        // openhtmltopdf and PDFBox log to stderr by default; a build prints only its own messages.
        XRLog.setLoggingEnabled(false);
        Logger.getLogger("org.apache.pdfbox").setLevel(Level.SEVERE);
        Logger.getLogger("org.apache.fontbox").setLevel(Level.SEVERE);
    }

    private record Face(String file, int weight, FontStyle style) {
    }

    private static byte[] sha256(String text) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /** The leaflet's text has characters the embedded font cannot show (another script than Lato's). */
    public static final class MissingLetters extends IOException {
        public MissingLetters(String sample) {
            super(sample);
        }
    }

    /** Up to five characters of the text that no face of the font has, or "" when it can show all of it. */
    private static String missingLetters(String text, TrueTypeFont font) throws IOException {
        org.apache.fontbox.ttf.CmapLookup cmap = font.getUnicodeCmapLookup();
        java.util.Set<String> missing = new java.util.LinkedHashSet<>();
        text.codePoints().filter(c -> !Character.isWhitespace(c) && !Character.isISOControl(c) && c != 0xAD)
                .distinct().filter(c -> cmap.getGlyphId(c) == 0).limit(5)
                .forEach(c -> missing.add(new String(Character.toChars(c)) + " (U+" + String.format("%04X", c) + ")"));
        return String.join(", ", missing);
    }

    /** The PDF and how many pages it has. */
    public record Printed(byte[] bytes, int pages) {
    }

    private final Path fonts;

    /** @param templates the templates folder, whose {@code fonts/} folder holds the embedded font */
    public LeafletPdf(Path templates) {
        this.fonts = templates.resolve(FONTS_FOLDER);
    }

    /**
     * Prints a one-line document and throws it away, on a thread of its own, so that loading openhtmltopdf and
     * PDFBox (most of a first leaflet's time) happens while the content is still being read and rendered.
     * A cold build of the real guide is the case this is for; a failure here is ignored (the real print reports it).
     */
    public void warmUpInBackground() {
        Thread thread = new Thread(() -> {
            try {
                print("<!DOCTYPE html><html lang=\"en\"><head><title>-</title></head><body><h1>-</h1><p>-</p></body></html>",
                        new Links("g/whole-guide/", null, List.of()), fonts.toUri().toString(), java.time.LocalDate.EPOCH);
            } catch (IOException | RuntimeException e) {
                // the real leaflets report their own problems
            }
        }, "leaflet-warm-up");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }

    /**
     * Whether the leaflet's font has a glyph for every letter of this text. Lato covers Latin scripts only: a leaflet
     * in Urdu or Arabic would print every letter as a box, so no such leaflet is made (see docs/languages.md).
     */
    public boolean canShow(String text) throws IOException {
        try (TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBufferedFile(fonts.resolve(FACES.get(0).file())))) {
            org.apache.fontbox.ttf.CmapLookup cmap = font.getUnicodeCmapLookup();
            return text.codePoints().filter(Character::isLetter).distinct().allMatch(letter -> cmap.getGlyphId(letter) != 0);
        }
    }

    /** The font files the leaflet needs that are missing, by their path from the templates folder. */
    public List<String> missingFonts() {
        return FACES.stream().filter(face -> !Files.isRegularFile(fonts.resolve(face.file())))
                .map(face -> FONTS_FOLDER + "/" + face.file()).toList();
    }

    /**
     * Where the leaflet's links lead. Content links are relative to the whole-guide page: a link to one of the
     * guide's sections becomes a link inside the PDF (its heading, or the heading its #fragment names, which the
     * whole guide prefixes with "slug--"); any other becomes a web address, or plain text without one.
     *
     * @param wholeGuidePath the whole-guide page's site path ("g/whole-guide/")
     * @param pageUrl        its absolute address, or null when the site has no absolute base URL
     * @param sectionSlugs   the guide's sections, whose pages are inside the leaflet
     */
    public record Links(String wholeGuidePath, String pageUrl, List<String> sectionSlugs) {
    }

    /**
     * @param xhtml     the leaflet as leaflet.ftlh renders it
     * @param folderUri the file: address, ending in "/", that the whole-guide page's relative image addresses
     *                  start from (its folder as if it were inside the content folder)
     * @param dated     the date the PDF says it was made (the guide's review date), so a build is reproducible
     */
    public Printed print(String xhtml, Links links, String folderUri, java.time.LocalDate dated) throws IOException {
        Document html = Jsoup.parse(xhtml, folderUri);
        for (Element image : html.select("img[src]")) {
            image.attr("src", image.absUrl("src"));
        }
        String guidePath = links.wholeGuidePath().substring(0, links.wholeGuidePath().length() - 1);
        guidePath = guidePath.substring(0, guidePath.lastIndexOf('/') + 1);
        java.net.URI site = java.net.URI.create("https://leaflet.invalid/" + links.wholeGuidePath());
        for (Element link : html.select("a[href]")) {
            String href = link.attr("href");
            if (href.startsWith("#") || href.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")) {
                continue;
            }
            java.net.URI target;
            try {
                target = site.resolve(href);
            } catch (IllegalArgumentException e) {
                link.unwrap();
                continue;
            }
            String path = target.getPath() == null ? "" : target.getPath().substring(1);
            String fragment = target.getFragment();
            String slug = path.startsWith(guidePath) && path.endsWith("/") && path.length() > guidePath.length()
                    ? path.substring(guidePath.length(), path.length() - 1) : null;
            if (slug != null && links.sectionSlugs().contains(slug)) {
                link.attr("href", "#" + slug + "--" + (fragment == null || fragment.isEmpty() ? "title" : fragment));
            } else if (links.pageUrl() != null) {
                link.attr("href", java.net.URI.create(links.pageUrl()).resolve(href).toString());
            } else {
                link.unwrap();
            }
        }
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        builder.usePdfUaAccessibility(true);
        builder.withProducer("healthguides");
        builder.withW3cDocument(new W3CDom().fromJsoup(html), folderUri);
        ByteArrayOutputStream out = new ByteArrayOutputStream(128 * 1024);
        List<TrueTypeFont> opened = new ArrayList<>();
        try (PDDocument document = new PDDocument()) {
            // Each face is a 0.6 MB font to parse: the italic one only when the text has italics.
            boolean italics = !html.select("em, i, cite, dfn, var, address").isEmpty();
            for (Face face : FACES) {
                if (face.style() == FontStyle.ITALIC && !italics) {
                    continue;
                }
                TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBufferedFile(fonts.resolve(face.file())));
                opened.add(font);
                if (face.style() == FontStyle.NORMAL && face.weight() == 400) {
                    // A leaflet of empty boxes helps nobody: refuse text the font has no letters for.
                    String missing = missingLetters(html.text(), font);
                    if (!missing.isEmpty()) {
                        throw new MissingLetters(missing);
                    }
                }
                // No glyph substitution (ligatures): PDFBox's GSUB pass was most of the time a leaflet took, and
                // plain glyphs keep the text exactly as written for copying and for screen readers.
                font.setEnableGsub(false);
                builder.useFont(new PDFontSupplier(PDType0Font.load(document, font, true)), FONT_FAMILY, face.weight(),
                        face.style(), true);
            }
            builder.usePDDocument(document);
            try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
                renderer.layout();
                renderer.createPDFWithoutClosing();
                int pages = document.getNumberOfPages();
                // The same content gives the same bytes: a fixed date, and a file identifier made from the content
                // (PDFBox would otherwise use the time of day for both).
                java.util.Calendar date = java.util.GregorianCalendar.from(dated.atStartOfDay(java.time.ZoneOffset.UTC));
                document.getDocumentInformation().setCreationDate(date);
                document.getDocumentInformation().setModificationDate(date);
                byte[] digest = sha256(xhtml);
                org.apache.pdfbox.cos.COSArray id = new org.apache.pdfbox.cos.COSArray();
                id.add(new org.apache.pdfbox.cos.COSString(java.util.Arrays.copyOf(digest, 16)));
                id.add(new org.apache.pdfbox.cos.COSString(java.util.Arrays.copyOfRange(digest, 16, 32)));
                document.getDocument().getTrailer().setItem(org.apache.pdfbox.cos.COSName.ID, id);
                document.save(out);
                return new Printed(out.toByteArray(), pages);
            }
        } finally {
            for (TrueTypeFont font : opened) {
                font.close();
            }
        }
    }
}
