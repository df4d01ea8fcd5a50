import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.healthguides.links.LinkChecker;
import org.healthguides.pipeline.BuildOptions;
import org.healthguides.pipeline.Pipeline;
import org.healthguides.render.Page;
import org.healthguides.render.PageMetadata;
import org.healthguides.render.PagePlan;
import org.healthguides.render.TemplateRenderer;
import org.healthguides.site.Guide;
import org.healthguides.site.Site;

/**
 * The stages after Markdown, timed on their own: the site is assembled once, then every guide's pages are planned,
 * given their metadata (JSON-LD), rendered by the templates and scanned for link ids, round after round in one
 * thread, each step's CPU time printed (the first rounds include the JIT's warm-up), with each page kind's cost in
 * the last round. A hash of the pages' bytes shows that two versions render the same site.
 *
 *   javac -d /tmp/render-stage -cp generator/target/generator-all.jar bench/RenderStage.java
 *   java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp generator/target/generator-all.jar:/tmp/render-stage \
 *       RenderStage CORPUS/ours/content templates 8
 */
public class RenderStage {
    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: RenderStage CONTENT_DIR TEMPLATES_DIR [ROUNDS]");
            System.exit(2);
        }
        Path content = Path.of(args[0]);
        Path templates = Path.of(args[1]);
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        Site site = Pipeline.checking(new BuildOptions(content, templates, Path.of("unused"), null, false).withPdf(false)).assemble();
        TemplateRenderer renderer = new TemplateRenderer(templates, templates.toString(), site.settings());
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        Map<String, String> assets = Map.of("style.css", "static/style.css");
        for (int round = 1; round <= rounds; round++) {
            long planStart = cpu.getCurrentThreadCpuTime();
            List<Page> pages = new ArrayList<>();
            List<Guide> guides = new ArrayList<>();
            for (Guide guide : site.allGuides()) {
                for (Page page : PagePlan.pagesOf(site, guide)) {
                    pages.add(page);
                    guides.add(guide);
                }
            }
            long metaStart = cpu.getCurrentThreadCpuTime();
            List<PageMetadata> metas = new ArrayList<>();
            for (int i = 0; i < pages.size(); i++) {
                metas.add(PageMetadata.of(site, guides.get(i), pages.get(i)));
            }
            long renderStart = cpu.getCurrentThreadCpuTime();
            List<byte[]> rendered = new ArrayList<>();
            Map<String, long[]> byTemplate = new TreeMap<>();
            for (int i = 0; i < pages.size(); i++) {
                long start = cpu.getCurrentThreadCpuTime();
                byte[] bytes = renderer.renderUtf8(pages.get(i), assets, metas.get(i));
                rendered.add(bytes);
                long[] sums = byTemplate.computeIfAbsent(pages.get(i).template(), name -> new long[3]);
                sums[0] += cpu.getCurrentThreadCpuTime() - start;
                sums[1]++;
                sums[2] += bytes.length;
            }
            long idsStart = cpu.getCurrentThreadCpuTime();
            LinkChecker links = new LinkChecker();
            for (int i = 0; i < pages.size(); i++) {
                links.addPage(pages.get(i).path(), rendered.get(i));
            }
            long end = cpu.getCurrentThreadCpuTime();
            System.out.printf("round %d: %d pages; CPU ms: plan %d, metadata %d, templates %d, link ids %d; hash %08x%n", round, pages.size(),
                    (metaStart - planStart) / 1_000_000, (renderStart - metaStart) / 1_000_000, (idsStart - renderStart) / 1_000_000,
                    (end - idsStart) / 1_000_000, rendered.stream().mapToInt(Arrays::hashCode).sum());
            if (round == rounds) {
                byTemplate.forEach((name, sums) -> System.out.printf("  %s: %d pages, %.1f us a page, %d bytes a page%n", name, sums[1],
                        sums[0] / 1000.0 / sums[1], sums[2] / sums[1]));
            }
        }
    }
}
