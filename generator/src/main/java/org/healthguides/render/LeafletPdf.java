package org.healthguides.render;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.COSObjectable;
import org.apache.pdfbox.pdmodel.common.PDNumberTreeNode;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkedContentReference;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureTreeRoot;
import org.apache.pdfbox.pdmodel.documentinterchange.markedcontent.PDMarkedContent;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.text.PDFMarkedContentExtractor;
import org.apache.pdfbox.text.TextPosition;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;

/**
 * Prints a guide's leaflet (the XHTML of leaflet.ftlh) to an A4, tagged PDF (PDF/UA: a structure tree, the
 * document's language and title, alt text for images, reading order from the HTML) with openhtmltopdf on PDFBox.
 * Every font is embedded, as PDF/UA requires: the OFL-licensed Lato shipped in the templates' {@code fonts/} folder,
 * and, for text in the Arabic script (Urdu, Arabic, Farsi...), the OFL-licensed Noto Naskh Arabic beside it. Text
 * written right to left is split into directional runs and reordered with ICU4J, and its letters joined by
 * {@link ArabicShaper} ({@link RightToLeft}), which are loaded only for a leaflet that has such text.
 * Pure apart from reading the fonts and the content's images; one call per guide, safe from several threads.
 */
public final class LeafletPdf {
    /** The families the leaflet's CSS names; the files in the templates' fonts folder. */
    public static final String FONT_FAMILY = "Lato";
    public static final String ARABIC_FONT_FAMILY = "Noto Naskh Arabic";
    public static final String FONTS_FOLDER = "fonts";
    private static final List<Face> FACES = List.of(new Face("Lato-Regular.ttf", FONT_FAMILY, 400, FontStyle.NORMAL),
            new Face("Lato-Bold.ttf", FONT_FAMILY, 700, FontStyle.NORMAL),
            new Face("Lato-Italic.ttf", FONT_FAMILY, 400, FontStyle.ITALIC));
    /** Parsed only for a leaflet with letters Lato lacks; it has no italic (italic Arabic text is printed upright). */
    private static final List<Face> ARABIC_FACES = List.of(new Face("NotoNaskhArabic-Regular.ttf", ARABIC_FONT_FAMILY, 400, FontStyle.NORMAL),
            new Face("NotoNaskhArabic-Bold.ttf", ARABIC_FONT_FAMILY, 700, FontStyle.NORMAL));

    /** Held here: java.util.logging keeps loggers weakly, and a collected logger forgets the level set on it. */
    private static final List<Logger> QUIET = List.of(Logger.getLogger("org.apache.pdfbox"), Logger.getLogger("org.apache.fontbox"));

    static {
        // openhtmltopdf and PDFBox log to stderr by default; a build prints only its own messages.
        XRLog.setLoggingEnabled(false);
        QUIET.forEach(logger -> logger.setLevel(Level.SEVERE));
    }

    private record Face(String file, String family, int weight, FontStyle style) {
    }

    private static byte[] sha256(String text) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /** The leaflet's text has characters none of the embedded fonts can show (a script other than Latin or Arabic). */
    public static final class MissingLetters extends IOException {
        public MissingLetters(String sample) {
            super(sample);
        }
    }

    /** The characters of the text (each once, in order) that the font has no glyph for. */
    private static int[] missingFrom(int[] characters, TrueTypeFont font) throws IOException {
        org.apache.fontbox.ttf.CmapLookup cmap = font.getUnicodeCmapLookup();
        return java.util.Arrays.stream(characters).filter(c -> cmap.getGlyphId(c) == 0).toArray();
    }

    /** The characters a font must show for this text: each once, without spaces, controls and soft hyphens. */
    private static int[] printedCharacters(String text) {
        return text.codePoints().filter(c -> !Character.isWhitespace(c) && !Character.isISOControl(c) && c != 0xAD
                && Character.getType(c) != Character.FORMAT).distinct().toArray();
    }

    /** Up to five characters, for the warning: "ก (U+0E01), ข (U+0E02)". */
    private static String named(int[] characters) {
        return java.util.Arrays.stream(characters).limit(5)
                .mapToObj(c -> new String(Character.toChars(c)) + " (U+" + String.format("%04X", c) + ")")
                .collect(java.util.stream.Collectors.joining(", "));
    }

    /** Whether the text has a letter written right to left (Arabic, Hebrew, Syriac, Thaana... scripts). */
    private static boolean hasRightToLeftLetters(String text) {
        return text.codePoints().anyMatch(c -> {
            byte direction = Character.getDirectionality(c);
            return direction == Character.DIRECTIONALITY_RIGHT_TO_LEFT || direction == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC;
        });
    }

    /**
     * The face parsed, once per build and thread: a site's leaflets are printed guide by guide on the build's threads,
     * and each would otherwise parse the same 0.6 MB fonts again (their tables, character maps and kerning pairs). A
     * parsed font reads its glyphs lazily through a stream of its own, so it is never shared between threads; the
     * file's bytes are read once and shared. Nothing here holds a file open.
     */
    private TrueTypeFont parsed(Face face) throws IOException {
        Map<String, TrueTypeFont> mine = parsedFonts.computeIfAbsent(Thread.currentThread(), thread -> new HashMap<>());
        TrueTypeFont font = mine.get(face.file());
        if (font == null) {
            byte[] bytes = fontFiles.get(face.file());
            if (bytes == null) {
                bytes = Files.readAllBytes(fonts.resolve(face.file()));
                fontFiles.putIfAbsent(face.file(), bytes);
            }
            font = new TTFParser().parse(new RandomAccessReadBuffer(bytes));
            mine.put(face.file(), font);
        }
        return font;
    }

    private static void embed(PdfRendererBuilder builder, PDDocument document, Face face, TrueTypeFont font) throws IOException {
        // No glyph substitution (ligatures): PDFBox's GSUB pass was most of the time a leaflet took, and plain glyphs
        // keep the text exactly as written for copying and for screen readers. Arabic letters are joined by the
        // shaper before they reach the font (as presentation forms), not by GSUB.
        font.setEnableGsub(false);
        builder.useFont(new PDFontSupplier(PDType0Font.load(document, font, true)), face.family(), face.weight(), face.style(), true);
    }

    /**
     * ICU4J's bidirectional algorithm (through openhtmltopdf-rtl-support) and {@link ArabicShaper}. A class of its own
     * so that ICU4J (a 12 MB library) is loaded only when a leaflet has right-to-left text, never for an English one.
     */
    private static final class RightToLeft {
        /** The text with its Arabic letters in their joined forms, as the leaflet prints them. */
        static String shaped(String text) {
            return ArabicShaper.shape(text);
        }

        /** Splits text into directional runs, reorders them for display and joins Arabic letters (Urdu's too). */
        static void use(PdfRendererBuilder builder, boolean rightToLeftPage) {
            builder.useUnicodeBidiSplitter(new com.openhtmltopdf.bidi.support.ICUBidiSplitter.ICUBidiSplitterFactory());
            builder.useUnicodeBidiReorderer(new ArabicShaper());
            builder.defaultTextDirection(rightToLeftPage ? PdfRendererBuilder.TextDirection.RTL : PdfRendererBuilder.TextDirection.LTR);
        }
    }

    /** The PDF and how many pages it has. */
    public record Printed(byte[] bytes, int pages) {
    }

    private final Path fonts;
    /** The font files' bytes, read once per build; and each thread's parsed faces (see {@link #parsed}). */
    private final Map<String, byte[]> fontFiles = new ConcurrentHashMap<>();
    private final Map<Thread, Map<String, TrueTypeFont>> parsedFonts = new ConcurrentHashMap<>();

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
                // With a link, so the links' descriptions (read back from the printed page) are warmed up too.
                print("<!DOCTYPE html><html lang=\"en\"><head><title>-</title></head><body><h1>-</h1><p><a href=\"https://example.org/\">-</a></p></body></html>",
                        new Links("g/whole-guide/", "https://example.org/g/whole-guide/", List.of()), fonts.toUri().toString(), java.time.LocalDate.EPOCH);
            } catch (IOException | RuntimeException e) {
                // the real leaflets report their own problems
            }
        }, "leaflet-warm-up");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }

    /** The font files the leaflet needs that are missing, by their path from the templates folder. */
    public List<String> missingFonts() {
        return java.util.stream.Stream.concat(FACES.stream(), ARABIC_FACES.stream())
                .filter(face -> !Files.isRegularFile(fonts.resolve(face.file())))
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
        try (PDDocument document = new PDDocument()) {
            // Each face is a 0.6 MB font to parse: the italic one only when the text has italics.
            boolean italics = !html.select("em, i, cite, dfn, var, address").isEmpty();
            String text = html.text();
            int[] missing = printedCharacters(text);
            for (Face face : FACES) {
                if (face.style() == FontStyle.ITALIC && !italics) {
                    continue;
                }
                TrueTypeFont font = parsed(face);
                if (face.style() == FontStyle.NORMAL && face.weight() == 400) {
                    missing = missingFrom(missing, font);
                }
                embed(builder, document, face, font);
            }
            if (missing.length > 0) {
                // Letters Lato lacks: the Arabic faces, when they have some of them (else nothing more is parsed).
                TrueTypeFont arabic = parsed(ARABIC_FACES.get(0));
                int[] notArabic = missingFrom(missing, arabic);
                if (notArabic.length < missing.length) {
                    // The shaper prints each Arabic letter in its joined form (Arabic Presentation Forms): the font
                    // must have those too, or the leaflet would show boxes where letters join.
                    int[] joinedForms = java.util.Arrays.stream(printedCharacters(RightToLeft.shaped(text)))
                            .filter(c -> (c >= 0xFB50 && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFF)).toArray();
                    missing = java.util.stream.IntStream.concat(java.util.Arrays.stream(notArabic),
                            java.util.Arrays.stream(missingFrom(joinedForms, arabic))).toArray();
                    embed(builder, document, ARABIC_FACES.get(0), arabic);
                    embed(builder, document, ARABIC_FACES.get(1), parsed(ARABIC_FACES.get(1)));
                }
            }
            // A leaflet of empty boxes helps nobody: refuse text no font has letters for.
            if (missing.length > 0) {
                throw new MissingLetters(named(missing));
            }
            if (hasRightToLeftLetters(text)) {
                Element root = html.selectFirst("html");
                RightToLeft.use(builder, root != null && "rtl".equalsIgnoreCase(root.attr("dir")));
            }
            builder.usePDDocument(document);
            try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
                renderer.layout();
                renderer.createPDFWithoutClosing();
                describeLinks(document);
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
        }
    }

    /**
     * PDF/UA (ISO 14289-1, 7.18.5) asks each link annotation for a description in its Contents, which openhtmltopdf
     * leaves out (veraPDF's PDF/UA-1 check failed the leaflet on it alone). An annotation's structure parent is the
     * Link element of its link, and that element's marked content is the link's printed words: those words become the
     * description (a link broken over two lines may be two elements, each with its half). A link whose words cannot be
     * found that way gets its web address, or, inside the leaflet, nothing: no words are guessed.
     */
    static void describeLinks(PDDocument document) throws IOException {
        PDStructureTreeRoot root = document.getDocumentCatalog().getStructureTreeRoot();
        PDNumberTreeNode parents = root == null ? null : root.getParentTree();
        Map<PDPage, Map<Integer, String>> printed = new HashMap<>();
        for (PDPage page : document.getPages()) {
            for (PDAnnotation annotation : page.getAnnotations()) {
                if (!(annotation instanceof PDAnnotationLink link) || link.getContents() != null) {
                    continue;
                }
                String words = null;
                if (parents != null && link.getStructParent() >= 0
                        && parents.getValue(link.getStructParent()) instanceof COSObjectable parent
                        && parent.getCOSObject() instanceof COSDictionary dictionary) {
                    PDStructureElement element = new PDStructureElement(dictionary);
                    if ("Link".equals(element.getStructureType())) {
                        StringBuilder text = new StringBuilder();
                        wordsOf(element, element.getPage(), printed, text);
                        words = text.toString().replaceAll("\\s+", " ").strip();
                    }
                }
                if ((words == null || words.isEmpty()) && link.getAction() instanceof PDActionURI uri) {
                    words = uri.getURI();
                }
                if (words != null && !words.isEmpty()) {
                    link.setContents(words);
                }
            }
        }
    }

    /** The text of the element's marked content, in order, appended to {@code into}. */
    private static void wordsOf(PDStructureElement element, PDPage page, Map<PDPage, Map<Integer, String>> printed, StringBuilder into)
            throws IOException {
        for (Object kid : element.getKids()) {
            if (kid instanceof Integer mcid && page != null) {
                into.append(printedOn(page, printed).getOrDefault(mcid, "")).append(' ');
            } else if (kid instanceof PDMarkedContentReference reference) {
                PDPage on = reference.getPage() != null ? reference.getPage() : page;
                if (on != null) {
                    into.append(printedOn(on, printed).getOrDefault(reference.getMCID(), "")).append(' ');
                }
            } else if (kid instanceof PDStructureElement child) {
                wordsOf(child, child.getPage() != null ? child.getPage() : page, printed, into);
            }
        }
    }

    /** Each marked-content id's text on the page, read once per page. */
    private static Map<Integer, String> printedOn(PDPage page, Map<PDPage, Map<Integer, String>> printed) throws IOException {
        Map<Integer, String> known = printed.get(page);
        if (known == null) {
            PDFMarkedContentExtractor extractor = new PDFMarkedContentExtractor();
            extractor.processPage(page);
            known = new HashMap<>();
            for (PDMarkedContent content : extractor.getMarkedContents()) {
                collect(content, known);
            }
            printed.put(page, known);
        }
        return known;
    }

    private static void collect(PDMarkedContent content, Map<Integer, String> into) {
        StringBuilder text = new StringBuilder();
        for (Object part : content.getContents()) {
            if (part instanceof TextPosition letter) {
                text.append(letter.getUnicode());
            } else if (part instanceof PDMarkedContent inner) {
                collect(inner, into);
            }
        }
        if (content.getMCID() >= 0) {
            into.merge(content.getMCID(), text.toString(), String::concat);
        }
    }
}
