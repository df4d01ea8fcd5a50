package org.healthguides.render;

import java.util.List;

/**
 * One page to render: which template, where it goes, and the data its template sees.
 * Each kind of page is a record; the templates are named after them.
 */
public sealed interface Page permits Page.Home, Page.GuideIndex, Page.Section, Page.WholeGuide, Page.AToZ, Page.NotFound, Page.Leaflet {

    /** Site path of the page's folder ("g/technique/"), or the file name for 404.html. */
    String path();

    String title();

    String description();

    /** The template file, inside the templates folder. */
    String template();

    /** Relative URL of the site root from this page ("../../"), or the base path for pages served at any depth. */
    String root();

    record Home(String path, String title, String description, String root, List<GuideEntry> guides) implements Page {
        public static final String TEMPLATE = "home.ftlh";

        public String template() {
            return TEMPLATE;
        }
    }

    record GuideIndex(String path, String title, String description, String root, GuideView guide,
                      ContentView content) implements Page {
        public static final String TEMPLATE = "guide.ftlh";

        public String template() {
            return TEMPLATE;
        }
    }

    record Section(String path, String title, String description, String root, GuideView guide, ContentView content,
                   PageLink previous, PageLink next) implements Page {
        public static final String TEMPLATE = "section.ftlh";

        public String template() {
            return TEMPLATE;
        }
    }

    record WholeGuide(String path, String title, String description, String root, GuideView guide,
                      ContentView introduction, List<ContentView> sections) implements Page {
        public static final String TEMPLATE = "whole-guide.ftlh";

        public String template() {
            return TEMPLATE;
        }
    }

    /** The "Health A to Z": every guide and section by title and keyword, grouped by first letter. */
    record AToZ(String path, String title, String description, String root, List<AToZIndex.Letter> letters) implements Page {
        public static final String TEMPLATE = "a-to-z.ftlh";

        public String template() {
            return TEMPLATE;
        }
    }

    /**
     * A language's "Page not found" page ("404.html", "cy/404.html").
     *
     * @param home      the language's home page, from the host's root (the page is served at any depth)
     * @param languages every language's home page, named in its own language; empty for a site in one language
     */
    record NotFound(String path, String title, String description, String root, String home,
                    List<PageMetadata.Alternate> languages, List<GuideEntry> guides) implements Page {
        public static final String TEMPLATE = "404.ftlh";

        public String template() {
            return TEMPLATE;
        }
    }

    /**
     * A guide's printable leaflet: the whole guide as XHTML for the PDF maker, not a page of the site.
     *
     * @param path    where the PDF is published ("g/g.pdf")
     * @param address the guide's address on the web, absolute when the base URL is, else its path from the host
     */
    record Leaflet(String path, String title, String description, String root, GuideView guide,
                   ContentView introduction, List<ContentView> sections, String address) implements Page {
        public static final String TEMPLATE = "leaflet.ftlh";

        public String template() {
            return TEMPLATE;
        }
    }
}
