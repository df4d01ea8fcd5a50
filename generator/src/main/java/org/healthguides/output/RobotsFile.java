package org.healthguides.output;

import org.healthguides.render.PageMetadata;

/** robots.txt: allows everything, and names the sitemap when the base URL is absolute. */
public final class RobotsFile implements Emitter {
    @Override
    public void emit(Emission emission, Output output) {
        output.writeText(Sitemap.ROBOTS_PATH, Sitemap.robotsTxt(PageMetadata.absoluteUrl(emission.site().settings(), Sitemap.SITEMAP_PATH)));
    }
}
