package org.healthguides.output;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import freemarker.template.Configuration;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import org.healthguides.content.Language;
import org.healthguides.content.SiteSettings;
import org.healthguides.content.UrlPath;
import org.healthguides.render.PageMetadata;
import org.healthguides.render.PagePlan;
import org.healthguides.site.Redirect;
import org.healthguides.site.Redirects;

/**
 * The redirects for pages' old addresses ({@link Redirects}), in the three forms hosts understand, all from one list:
 * a small HTML page at each old address (any host, GitHub Pages included), {@code _redirects} in the site (Netlify
 * and Cloudflare Pages, 301) and {@link #nginxInclude} for the folder beside the output (not published).
 */
public final class RedirectFiles implements Emitter {
    /** Netlify's and Cloudflare Pages' file, read from the top of the published folder. */
    public static final String NETLIFY_PATH = "_redirects";
    /** Written beside the output folder by {@code guide build}, for the nginx server block. */
    public static final String NGINX_FILE = "redirects.nginx.conf";
    private static final String TEMPLATE = "redirect.ftlh";
    /** The page's words when the templates have no string table (a site in one language with templates of its own). */
    private static final Map<String, String> ENGLISH = Map.of("moved_title", "{page} has moved", "moved_heading", "This page has moved",
            "moved_text", "{page} is now at a new address. Please update your bookmark or printout.");

    /** Made when the first redirect page is (most sites have none: a FreeMarker configuration costs a cold build 5-10 ms). */
    private Configuration configuration;
    private final Function<String, Map<String, String>> words;

    /** In English's words (for callers without string tables). */
    public RedirectFiles() {
        this(language -> Map.of());
    }

    /** @param words each language's string table: the page at an old address is in the default language's words */
    public RedirectFiles(Function<String, Map<String, String>> words) {
        this.words = words;
    }

    private synchronized Configuration configuration() {
        if (configuration == null) {
            Configuration made = new Configuration(Configuration.VERSION_2_3_34);
            made.setClassForTemplateLoading(RedirectFiles.class, "");
            made.setDefaultEncoding("UTF-8");
            made.setRecognizeStandardFileExtensions(true);
            made.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
            made.setLogTemplateExceptions(false);
            configuration = made;
        }
        return configuration;
    }

    @Override
    public void emit(Emission emission, Output output) {
        List<Redirect> redirects = Redirects.of(emission.site());
        SiteSettings settings = emission.site().settings();
        if (redirects.isEmpty() && settings.languages().size() < 2) {
            return;
        }
        for (Redirect redirect : redirects) {
            output.writeText(redirect.fromFile(), page(redirect, settings));
        }
        output.writeText(NETLIFY_PATH, netlify(redirects, settings));
    }

    /** The HTML page at the old address; its links are relative, so it works under any base path. */
    String page(Redirect redirect, SiteSettings settings) {
        Map<String, Object> model = new HashMap<>();
        model.put("language", settings.language());
        model.put("direction", new Language(settings.language()).direction());
        Map<String, String> t = new HashMap<>(ENGLISH);
        t.putAll(words.apply(settings.language()));
        model.put("t", t);
        model.put("siteTitle", settings.title());
        model.put("title", redirect.title());
        model.put("url", UrlPath.relative(redirect.from(), redirect.to()));
        String canonical = PageMetadata.absoluteUrl(settings, redirect.to());
        if (canonical != null) {
            model.put("canonical", canonical);
        }
        StringWriter out = new StringWriter(1024);
        try {
            configuration().getTemplate(TEMPLATE).process(model, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (TemplateException e) {
            throw new IllegalStateException("the redirect page template is broken: " + e.getMessage(), e);
        }
        return out.toString();
    }

    /** {@code _redirects}: one "old new 301" line per alias, addresses from the domain root. */
    public static String netlify(List<Redirect> redirects, String basePath) {
        StringBuilder text = new StringBuilder("# Old addresses of moved pages (aliases in the content), for Netlify and Cloudflare Pages.\n");
        for (Redirect redirect : redirects) {
            text.append(basePath).append(redirect.from()).append(' ').append(basePath).append(redirect.to()).append(" 301\n");
        }
        return text.toString();
    }

    /**
     * The same, then each language but the default's "Page not found" page for any address under its folder
     * ("/health/cy/*  /health/cy/404.html  404"): Netlify reads the lines in order, so the real redirects come first,
     * and serves a file that exists before any rule, so only missing addresses get it.
     */
    public static String netlify(List<Redirect> redirects, SiteSettings settings) {
        StringBuilder text = new StringBuilder(redirects.isEmpty() ? "" : netlify(redirects, settings.basePath()));
        if (settings.languages().size() > 1) {
            text.append("# Each language's own \"Page not found\" page for a missing address under its folder.\n");
            for (String language : settings.languages()) {
                if (!settings.isDefaultLanguage(language)) {
                    String folder = settings.basePath() + settings.pathPrefix(language);
                    text.append(folder).append("*  ").append(folder).append(PagePlan.NOT_FOUND_PATH).append("  404\n");
                }
            }
        }
        return text.toString();
    }

    /**
     * redirects.nginx.conf: exact-match locations answering 301, valid inside the server block that includes
     * publish/nginx.conf (an exact match wins over its /health/ prefix). A folder address also matches without its
     * slash. Written even with no alias, so the include line never breaks.
     */
    public static String nginxInclude(List<Redirect> redirects, String basePath) {
        StringBuilder text = new StringBuilder("""
                # Written by './guide build' from the aliases in the content's front matter: each old address of a moved
                # page answers 301 with its new one. Include it in the server { } block that includes publish/nginx.conf.
                """);
        for (Redirect redirect : redirects) {
            String to = basePath + redirect.to();
            String from = basePath + redirect.from();
            text.append("location = ").append(from).append(" { return 301 ").append(to).append("; }\n");
            if (from.endsWith("/")) {
                text.append("location = ").append(from, 0, from.length() - 1).append(" { return 301 ").append(to).append("; }\n");
            }
        }
        return text.toString();
    }
}
