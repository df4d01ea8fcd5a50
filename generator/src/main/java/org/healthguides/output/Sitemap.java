package org.healthguides.output;

import java.util.List;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** sitemap.xml (sitemaps.org protocol) and the robots.txt that points to it. */
public final class Sitemap {
    public static final String SITEMAP_PATH = "sitemap.xml";
    public static final String ROBOTS_PATH = "robots.txt";
    private static final String NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9";
    /** Where {@code <xhtml:link rel="alternate" hreflang>} comes from, as search engines read translations in sitemaps. */
    private static final String XHTML = "http://www.w3.org/1999/xhtml";

    /**
     * One page: its absolute address and, when known, the date it was last reviewed (ISO).
     *
     * @param alternates the absolute address of the page in each language it exists in, by hreflang ("en-GB", "cy",
     *                   "x-default"), this page included; empty for a page in one language
     */
    public record Entry(String url, String lastModified, java.util.Map<String, String> alternates) {
        public Entry(String url, String lastModified) {
            this(url, lastModified, java.util.Map.of());
        }
    }

    private Sitemap() {
    }

    public static String xml(List<Entry> entries) {
        return XmlDocument.write("sitemap.xml", "urlset", NAMESPACE, xml -> {
            if (entries.stream().anyMatch(entry -> !entry.alternates().isEmpty())) {
                xml.writeNamespace("xhtml", XHTML);
            }
            for (Entry entry : entries) {
                xml.writeCharacters("\n  ");
                xml.writeStartElement("url");
                element(xml, "loc", entry.url());
                if (entry.lastModified() != null) {
                    element(xml, "lastmod", entry.lastModified());
                }
                for (java.util.Map.Entry<String, String> alternate : entry.alternates().entrySet()) {
                    xml.writeCharacters("\n    ");
                    xml.writeEmptyElement("xhtml", "link", XHTML);
                    xml.writeAttribute("rel", "alternate");
                    xml.writeAttribute("hreflang", alternate.getKey());
                    xml.writeAttribute("href", alternate.getValue());
                }
                xml.writeEndElement();
            }
        });
    }

    /** Allows everything; names the sitemap when its absolute address is known (sitemapUrl may be null). */
    public static String robotsTxt(String sitemapUrl) {
        return "User-agent: *\nAllow: /\n" + (sitemapUrl == null ? "" : "\nSitemap: " + sitemapUrl + "\n");
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }
}
