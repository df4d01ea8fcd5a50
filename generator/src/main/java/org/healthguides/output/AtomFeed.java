package org.healthguides.output;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.healthguides.content.Change;
import org.healthguides.content.Language;
import org.healthguides.content.SiteSettings;
import org.healthguides.render.PageMetadata;
import org.healthguides.render.TemplateRenderer;
import org.healthguides.site.Guide;
import org.healthguides.site.Site;

/**
 * feed.xml (Atom 1.0): one entry per guide, updated when the guide was last reviewed, with its latest change as
 * the entry's content, so readers and clinics hear when advice changes. Atom ids must be absolute, so like the
 * sitemap it is written only when the base URL is a full address. Every page links to it from its head.
 */
public final class AtomFeed implements Emitter {
    public static final String PATH = TemplateRenderer.FEED_PATH;
    private static final String NAMESPACE = "http://www.w3.org/2005/Atom";

    private final Function<String, Map<String, String>> words;

    /** @param words each language's string table (templates/i18n/&lt;tag&gt;.yaml): the feed's change lines */
    public AtomFeed(Function<String, Map<String, String>> words) {
        this.words = words;
    }

    @Override
    public void emit(Emission emission, Output output) {
        // One feed per language, beside its home page ("feed.xml", "cy/feed.xml"), of the guides in that language.
        for (String language : emission.site().languages()) {
            String xml = xml(emission.site(), emission.today(), language, words.apply(language));
            if (xml != null) {
                output.writeText(emission.site().settings().pathPrefix(language) + PATH, xml);
            }
        }
    }

    /** The default language's feed in English words, or null when the base URL has no host. Guides without a review date have no entry. */
    public static String xml(Site site, LocalDate today) {
        return xml(site, today, site.settings().language(), Map.of());
    }

    /**
     * A language's feed: its guides (translations for a language other than the default), with xml:lang, in the
     * language's words (its site title and description, its table's change line; English's when a table lacks it).
     */
    public static String xml(Site site, LocalDate today, String language, Map<String, String> words) {
        SiteSettings settings = site.settings();
        SiteSettings own = site.settingsIn(language);
        Language lang = new Language(language);
        String prefix = settings.pathPrefix(language);
        String self = PageMetadata.absoluteUrl(settings, prefix + PATH);
        if (self == null) {
            return null;
        }
        List<Guide> guides = site.guidesIn(language).stream()
                .filter(guide -> guide.meta().reviewed() != null && !guide.meta().draft()) // a draft is never announced
                .sorted(Comparator.comparing((Guide guide) -> guide.meta().reviewed()).reversed().thenComparing(Guide::path))
                .toList();
        LocalDate updated = guides.isEmpty() ? today : guides.get(0).meta().reviewed();
        return XmlDocument.write(PATH, "feed", NAMESPACE, xml -> {
            xml.writeAttribute("xml", "http://www.w3.org/XML/1998/namespace", "lang", language);
            element(xml, 1, "id", self);
            element(xml, 1, "title", own.title());
            if (!own.description().isBlank()) {
                element(xml, 1, "subtitle", own.description());
            }
            element(xml, 1, "updated", timestamp(updated));
            link(xml, 1, "self", "application/atom+xml", self);
            link(xml, 1, "alternate", "text/html", PageMetadata.absoluteUrl(settings, prefix));
            indent(xml, 1);
            xml.writeStartElement("author");
            element(xml, 2, "name", own.title());
            indent(xml, 1);
            xml.writeEndElement();
            for (Guide guide : guides) {
                String url = PageMetadata.absoluteUrl(settings, guide.path());
                indent(xml, 1);
                xml.writeStartElement("entry");
                element(xml, 2, "id", url);
                element(xml, 2, "title", guide.title());
                link(xml, 2, "alternate", "text/html", url);
                element(xml, 2, "updated", timestamp(guide.meta().reviewed()));
                if (!guide.meta().description().isBlank()) {
                    element(xml, 2, "summary", guide.meta().description());
                }
                Change latest = guide.meta().latestChange();
                if (latest != null) {
                    indent(xml, 2);
                    xml.writeStartElement("content");
                    xml.writeAttribute("type", "text");
                    xml.writeCharacters(words.getOrDefault("feed_change", "What changed ({date}): {summary}")
                            .replace("{date}", lang.longDate(latest.date())).replace("{summary}", latest.summary()));
                    xml.writeEndElement();
                }
                indent(xml, 1);
                xml.writeEndElement();
            }
        });
    }

    /** Atom dates are RFC 3339 date-times; a review has a day only, so midnight UTC. */
    private static String timestamp(LocalDate date) {
        return date + "T00:00:00Z";
    }

    private static void indent(XMLStreamWriter xml, int depth) throws XMLStreamException {
        xml.writeCharacters("\n" + "  ".repeat(depth));
    }

    private static void element(XMLStreamWriter xml, int depth, String name, String text) throws XMLStreamException {
        indent(xml, depth);
        xml.writeStartElement(name);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }

    private static void link(XMLStreamWriter xml, int depth, String rel, String type, String href) throws XMLStreamException {
        indent(xml, depth);
        xml.writeEmptyElement("link");
        xml.writeAttribute("rel", rel);
        xml.writeAttribute("type", type);
        xml.writeAttribute("href", href);
    }
}
