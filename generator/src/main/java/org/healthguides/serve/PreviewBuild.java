package org.healthguides.serve;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.healthguides.diagnostics.ContentErrors;
import org.healthguides.diagnostics.DisplayPath;
import org.healthguides.diagnostics.Problem;
import org.healthguides.output.MemoryOutput;
import org.healthguides.pipeline.BuildOptions;
import org.healthguides.pipeline.PageCache;
import org.healthguides.pipeline.Pipeline;

/**
 * The build's {@link Pipeline} run into memory for the preview, with a {@link PageCache} so that a rebuild renders
 * only what changed. Every rebuild reads the folders again (cheap), so deleted, renamed and new files are always
 * seen. The base URL is always "/", where the preview serves the site.
 */
final class PreviewBuild {
    private final BuildOptions options;
    private final String contentName;
    private final PageCache cache = new PageCache();
    private MemoryOutput output = new MemoryOutput();

    /** A site held in memory: file bytes by site path ("lifting/basics/index.html"). */
    record Result(Map<String, byte[]> files, int pages, int rendered, List<Problem> warnings) {
    }

    PreviewBuild(Path content, Path templates, Clock clock) {
        // No PDF leaflets: printing every guide on every save would slow each reload; `guide build` makes them.
        this.options = new BuildOptions(content, templates, null, "/", false, false, clock).withPdf(false);
        this.contentName = DisplayPath.of(content);
    }

    String contentName() {
        return contentName;
    }

    /** Marks the templates (or their static files) changed: the next build renders every page again. */
    void templatesChanged() {
        cache.templatesChanged();
    }

    Result build() throws ContentErrors, IOException {
        // Files published as they are, read again only when they changed since the last build.
        output = output.next();
        Pipeline.Result result = Pipeline.previewing(options, cache).run(output);
        return new Result(output.files(), result.pages(), result.rendered(), result.warnings());
    }
}
