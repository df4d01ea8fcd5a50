package org.healthguides.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class SitemapTest {

    @Test
    void sitemap_is_well_formed_xml_in_the_sitemaps_namespace_with_escaped_addresses() throws Exception {
        String xml = Sitemap.xml(List.of(new Sitemap.Entry("https://example.org/health/", "2026-11-24"),
                new Sitemap.Entry("https://example.org/a&b/", null)));
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document doc = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        Element root = doc.getDocumentElement();
        assertEquals("urlset", root.getLocalName());
        assertEquals("http://www.sitemaps.org/schemas/sitemap/0.9", root.getNamespaceURI());
        assertEquals(2, root.getElementsByTagName("url").getLength());
        assertEquals("https://example.org/a&b/", root.getElementsByTagName("loc").item(1).getTextContent());
        assertEquals(1, root.getElementsByTagName("lastmod").getLength());
        assertEquals("2026-11-24", root.getElementsByTagName("lastmod").item(0).getTextContent());
    }

    @Test
    void robots_txt_names_the_sitemap_only_when_its_address_is_known() {
        assertEquals("User-agent: *\nAllow: /\n\nSitemap: https://example.org/health/sitemap.xml\n",
                Sitemap.robotsTxt("https://example.org/health/sitemap.xml"));
        assertEquals("User-agent: *\nAllow: /\n", Sitemap.robotsTxt(null));
    }
}
