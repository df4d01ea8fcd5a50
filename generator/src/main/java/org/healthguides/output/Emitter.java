package org.healthguides.output;

import java.io.IOException;

/**
 * Adds files to the site that are not pages rendered from a template: static files, the content's images,
 * sitemap.xml, robots.txt (and, as they arrive, redirects, feeds, A–Z, PDFs). The pipeline calls every emitter
 * once, after the pages were rendered, with the same {@link Output} the pages went to; what an emitter writes is
 * a valid link target for the link check that follows. An emitter reads the model, writes files and reports
 * problems through {@link Emission#problems()}; it keeps no state between builds.
 */
public interface Emitter {

    void emit(Emission emission, Output output) throws IOException;
}
