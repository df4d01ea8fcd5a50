package org.healthguides.render;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.healthguides.content.SiteSettings;
import org.healthguides.diagnostics.Code;
import org.healthguides.diagnostics.ContentErrors;
import org.healthguides.diagnostics.Problem;
import org.healthguides.diagnostics.TaskResult;

import freemarker.core.ParseException;
import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.ObjectWrapper;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import freemarker.template.TemplateNotFoundException;

/**
 * Renders pages with the FreeMarker templates of one folder. One instance per build: FreeMarker's
 * configuration caches each parsed template, and rendering is safe from several threads.
 */
public final class TemplateRenderer {
    /** Static files (the stylesheet) live here inside the templates folder and are published under the same name. */
    public static final String STATIC_FOLDER = "static";

    /** FreeMarker's configuration, perhaps still being made on another thread: see {@link #configuration()}. */
    private final Prepared prepared;
    private final Path folder;
    private final String displayFolder;
    private final SiteSettings settings;
    private final StringTables strings;
    /** The settings as each language's pages show them (translated site words), by tag. */
    private final Map<String, SiteSettings> settingsByLanguage = new java.util.concurrent.ConcurrentHashMap<>();
    /** The site's languages named in each page language ("English" on an English page, "Saesneg" on a Welsh one). */
    private final Map<String, Map<String, String>> languageNames = new java.util.concurrent.ConcurrentHashMap<>();

    public TemplateRenderer(Path folder, String displayFolder, SiteSettings settings) throws ContentErrors {
        this(folder, displayFolder, settings, null);
    }

    /**
     * @param prepared FreeMarker's configuration for this folder and these settings ({@link #prepare}), perhaps still
     *                 being made on another thread; or null to make it here
     */
    public TemplateRenderer(Path folder, String displayFolder, SiteSettings settings, Prepared prepared) throws ContentErrors {
        this.folder = folder;
        this.displayFolder = displayFolder.endsWith("/") ? displayFolder.substring(0, displayFolder.length() - 1) : displayFolder;
        this.settings = settings;
        this.strings = StringTables.load(folder, this.displayFolder, settings);
        if (!Files.isDirectory(folder)) {
            throw new ContentErrors(Problem.error(Code.TEMPLATES_NOT_FOUND, this.displayFolder, 0, "templates folder not found",
                    "run from the project folder or pass --templates DIR"));
        }
        if (prepared == null) {
            prepared = prepare(folder);
            prepared.finish(settings, List.of());
        }
        IOException unreadable = TaskResult.of(prepared.loaded);
        if (unreadable != null) {
            throw new ContentErrors(Problem.error(Code.TEMPLATES_NOT_FOUND, this.displayFolder, 0, "cannot read templates: " + unreadable.getMessage(),
                    "check the folder"));
        }
        this.prepared = prepared;
    }

    /**
     * FreeMarker's configuration for a templates folder, made in steps ({@link #load}, {@link #configure},
     * {@link #finish}) on any thread and waited for where it is first used. The first configuration in a process is
     * slow (FreeMarker loads its classes and its logging, and resolves the list of JDK members templates may never
     * reach, though ours replaces it), and so is the first parse of the templates, so a build makes it on a thread
     * of its own while it reads and renders the Markdown (see pipeline.Pipeline).
     */
    public static final class Prepared {
        private final Path folder;
        /** Done when the folder's template loader was made: null, or why it could not be (the renderer reports it). */
        private final java.util.concurrent.CompletableFuture<IOException> loaded = new java.util.concurrent.CompletableFuture<>();
        private final java.util.concurrent.CompletableFuture<Configuration> configuration = new java.util.concurrent.CompletableFuture<>();
        private freemarker.cache.TemplateLoader loader;
        private Configuration configured;

        private Prepared(Path folder) {
            this.folder = folder;
        }

        /** The first step: the folder's template loader. */
        public void load() {
            if (loaded.isDone()) {
                return;
            }
            try {
                loader = new OrdinaryFiles(folder.toFile());
                loaded.complete(null);
            } catch (IOException e) {
                loaded.complete(e);
            } catch (RuntimeException | Error e) {
                abandon(e);
                throw e;
            }
        }

        /** The second step, which needs no settings: FreeMarker's classes loaded, everything but the locale set. */
        public void configure() {
            load();
            if (loader != null && configured == null) {
                configured = configured(loader);
            }
        }

        /**
         * The last step: the site's locale set and the templates named parsed into the configuration's cache (one that
         * does not parse is left for {@link TemplateRenderer#checkTemplates} to report, as before). Never throws.
         */
        public void finish(SiteSettings settings, List<String> names) {
            try {
                configure();
                configuration.complete(loader == null ? null : parsed(configured, settings, names));
            } catch (Throwable e) {
                abandon(e);
            }
        }

        /** Nothing more will be made (the build stopped before its templates were needed, or making them failed). */
        public void abandon(Throwable why) {
            loaded.completeExceptionally(why);
            configuration.completeExceptionally(why);
        }
    }

    /** FreeMarker's configuration for the templates in {@code folder}, for {@link Prepared}'s steps to make. */
    public static Prepared prepare(Path folder) {
        return new Prepared(folder);
    }

    private Configuration configuration() {
        return TaskResult.of(prepared.configuration);
    }

    private static Configuration configured(freemarker.cache.TemplateLoader loader) {
        Configuration configuration = new Configuration(Configuration.VERSION_2_3_34);
        configuration.setTemplateLoader(loader);
        configuration.setDefaultEncoding("UTF-8");
        configuration.setOutputEncoding("UTF-8");
        configuration.setRecognizeStandardFileExtensions(true);
        configuration.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        configuration.setLogTemplateExceptions(false);
        configuration.setWrapUncheckedExceptions(true);
        configuration.setFallbackOnNullLoopVariable(false);
        // Templates run on editors' machines and in CI, so they may not create Java objects ("...Execute"?new()
        // runs shell commands; ObjectConstructor and JythonRuntime are as bad) nor reach Java's API through ?api.
        // Of the data model's objects, templates see only this project's accessors (ModelOnlyAccess): no getClass,
        // no reflection, no JDK method; no static models are put in the data model.
        configuration.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        configuration.setAPIBuiltinEnabled(false);
        freemarker.template.DefaultObjectWrapperBuilder wrapper = new freemarker.template.DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_34);
        wrapper.setMemberAccessPolicy(ModelOnlyAccess.INSTANCE);
        // The builder's wrapper with a quicker way into the model's records (RecordModels), the same policy.
        configuration.setObjectWrapper(new RecordModels(wrapper));
        return configuration;
    }

    private static Configuration parsed(Configuration configuration, SiteSettings settings, List<String> names) {
        configuration.setLocale(java.util.Locale.forLanguageTag(settings.language()));
        boolean failed = false;
        for (String name : names) {
            try {
                configuration.getTemplate(name);
            } catch (IOException | RuntimeException e) {
                failed = true;
            }
        }
        if (failed) {
            // Parsed again where the build checks its templates, which reports each problem as it always has.
            configuration.clearTemplateCache();
        }
        return configuration;
    }

    /** Parses every template of the pages up front, so a syntax error is reported once, before any page is written. */
    public void checkTemplates(List<String> names) throws ContentErrors {
        List<Problem> problems = syntaxProblems(names);
        if (!problems.isEmpty()) {
            throw new ContentErrors(problems);
        }
    }

    /** What is wrong with the syntax of these templates (missing, unreadable, not valid FreeMarker). */
    public List<Problem> syntaxProblems(List<String> names) {
        List<Problem> problems = new java.util.ArrayList<>(strings.errors());
        for (String name : names) {
            try {
                configuration().getTemplate(name);
            } catch (IOException e) {
                problems.add(problemOf(e, name, null));
            }
        }
        return problems;
    }

    /** The site path of the Atom feed: output.AtomFeed writes it, every page's head links to it. */
    public static final String FEED_PATH = "feed.xml";

    /**
     * @param assets the static files by their name in the static folder ("style.css") and their published site
     *               path ("static/style.3f9c2a1b.css"); templates see them as URLs from the page
     */
    public String render(Page page, Map<String, String> assets, PageMetadata meta) throws ContentErrors {
        StringWriter out = new StringWriter(16 * 1024);
        render(page, assets, meta, out);
        return out.toString();
    }

    /** The page as {@link #render} makes it, encoded to UTF-8 as it is written (the bytes of a published page). */
    public byte[] renderUtf8(Page page, Map<String, String> assets, PageMetadata meta) throws ContentErrors {
        Utf8Output out = Utf8Output.reused();
        render(page, assets, meta, out);
        return out.toByteArray();
    }

    /** A page's UTF-8 bytes, {@code buffer[0, length)}, in a buffer its rendering thread reuses for the next page. */
    public record PageBytes(byte[] buffer, int length) {
    }

    /**
     * The page as {@link #renderUtf8} makes it, left in this thread's buffer (valid until the thread renders its next
     * page): for a build that writes each page and keeps nothing of it, a copy of every page less.
     */
    public PageBytes renderUtf8InPlace(Page page, Map<String, String> assets, PageMetadata meta) throws ContentErrors {
        Utf8Output out = Utf8Output.reused();
        render(page, assets, meta, out);
        return out.inPlace();
    }

    private void render(Page page, Map<String, String> assets, PageMetadata meta, java.io.Writer out) throws ContentErrors {
        Map<String, String> assetUrls = new java.util.TreeMap<>();
        assets.forEach((name, sitePath) -> assetUrls.put(name, page.root() + sitePath));
        Map<String, Object> model = new HashMap<>();
        String language = meta.language() == null ? settings.language() : meta.language();
        LanguageModels shared = modelsByLanguage.computeIfAbsent(language, this::languageModels);
        model.put("site", shared.site());
        model.put("t", shared.words());
        model.put("languageNames", shared.languageNames());
        model.put("page", page);
        model.put("root", page.root());
        model.put("assets", assetUrls);
        model.put("stylesheet", assetUrls.getOrDefault("style.css", page.root() + STATIC_FOLDER + "/style.css"));
        model.put("meta", meta);
        // Linked from every page's header; from the base path on pages served at any depth (404.html), like root.
        model.put("aToZUrl", page.root() + settings.pathPrefix(language) + AToZIndex.PATH);
        // The header's site title and the footer lead to the home page in the page's own language.
        model.put("home", page.root() + settings.pathPrefix(language));
        // The Atom feed exists only with a full base URL (see output.AtomFeed); the head links to it from every page,
        // each language's pages to that language's feed.
        if (PageMetadata.absoluteUrl(settings, FEED_PATH) != null) {
            model.put("feed", page.root() + settings.pathPrefix(language) + FEED_PATH);
        }
        try {
            Template template = configuration().getTemplate(page.template());
            template.process(model, out);
        } catch (IOException | TemplateException e) {
            throw new ContentErrors(problemOf(e, page.template(), page.path()));
        } catch (StackOverflowError e) {
            // A macro that calls itself without end: the template's error, not the build's crash.
            throw new ContentErrors(Problem.error(Code.TEMPLATE_ERROR, displayFolder + "/" + page.template(), 0, "template calls itself too deeply (stack overflow)"
                    + " (while rendering page '/" + page.path() + "')", "make sure every recursive macro or include stops"));
        }
    }

    /**
     * FreeMarker's file loader, which already refuses a template whose real path leaves the folder (a symbolic link
     * to /etc/passwd is "not found"), made to refuse a FIFO, socket or device too: reading one would block forever.
     */
    private static final class OrdinaryFiles extends freemarker.cache.FileTemplateLoader {
        OrdinaryFiles(java.io.File folder) throws IOException {
            super(folder);
        }

        @Override
        public Object findTemplateSource(String name) throws IOException {
            Path file = getBaseDirectory().toPath().resolve(name);
            if (Files.exists(file) && !Files.isRegularFile(file) && !Files.isDirectory(file)) {
                throw new IOException("'" + name + "' is not an ordinary file (a FIFO, socket or device), so it is not read");
            }
            try {
                return super.findTemplateSource(name);
            } catch (SecurityException e) {
                throw new IOException("'" + name + "' is a symbolic link that leads outside the templates folder, so it is not read");
            }
        }
    }

    private Problem problemOf(Exception e, String templateName, String pagePath) {
        String rendering = pagePath == null ? "" : " (while rendering page '/" + pagePath + "')";
        if (e instanceof TemplateNotFoundException) {
            return Problem.error(Code.TEMPLATE_NOT_FOUND, displayFolder + "/" + templateName, 0, "template not found" + rendering,
                    "create it or restore it from version control");
        }
        if (e instanceof ParseException parse) {
            return new Problem(Code.TEMPLATE_SYNTAX, displayFolder + "/" + templateName, parse.getLineNumber(), parse.getColumnNumber(),
                    org.healthguides.diagnostics.Severity.ERROR, "template syntax error: " + firstLine(parse.getEditorMessage()) + rendering,
                    "fix the FreeMarker syntax at this place");
        }
        if (e instanceof TemplateException template) {
            String file = template.getTemplateSourceName() == null ? templateName : template.getTemplateSourceName();
            int line = template.getLineNumber() == null ? 0 : template.getLineNumber();
            int column = template.getColumnNumber() == null ? 0 : template.getColumnNumber();
            return new Problem(Code.TEMPLATE_ERROR, displayFolder + "/" + file, line, column, org.healthguides.diagnostics.Severity.ERROR,
                    "template error: " + firstLine(template.getMessageWithoutStackTop()) + rendering,
                    "check the variable names against docs/architecture.md");
        }
        return Problem.error(Code.TEMPLATE_NOT_FOUND, displayFolder + "/" + templateName, 0, "cannot read template: " + e.getMessage() + rendering, "check the file");
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        String trimmed = message.strip();
        int newline = trimmed.indexOf('\n');
        return (newline < 0 ? trimmed : trimmed.substring(0, newline)).strip();
    }

    /**
     * What every page of a language shows the same, wrapped for FreeMarker once instead of on every use on every page
     * (the wrapper makes the same models each time; they only read the immutable settings and maps they wrap).
     */
    private record LanguageModels(TemplateModel site, TemplateModel words, TemplateModel languageNames) {
    }

    private LanguageModels languageModels(String language) {
        ObjectWrapper wrapper = configuration().getObjectWrapper();
        try {
            return new LanguageModels(wrapper.wrap(settingsByLanguage.computeIfAbsent(language, strings::settingsIn)),
                    // The words the templates print, in the page's language (templates/i18n/<tag>.yaml).
                    wrapper.wrap(strings.of(language)),
                    wrapper.wrap(languageNames.computeIfAbsent(language, this::languageNamesIn)));
        } catch (TemplateModelException e) {
            throw new IllegalStateException("cannot wrap the site's settings for the templates", e);
        }
    }

    private final Map<String, LanguageModels> modelsByLanguage = new java.util.concurrent.ConcurrentHashMap<>();

    private Map<String, String> languageNamesIn(String pageLanguage) {
        java.util.Locale in = java.util.Locale.forLanguageTag(pageLanguage);
        Map<String, String> names = new java.util.LinkedHashMap<>();
        for (String language : settings.languages()) {
            String name = java.util.Locale.forLanguageTag(language).getDisplayLanguage(in);
            names.put(language, name.isEmpty() ? language : name);
        }
        return Map.copyOf(names);
    }

    /** The string tables of templates/i18n, already checked (their errors are among {@link #syntaxProblems}). */
    public StringTables strings() {
        return strings;
    }

    public Path folder() {
        return folder;
    }
}
