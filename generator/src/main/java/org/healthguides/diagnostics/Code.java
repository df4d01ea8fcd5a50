package org.healthguides.diagnostics;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Every kind of problem the generator reports, with a short stable code ({@code G0107}) and what
 * {@code guide explain} prints about it. docs/errors.md's table is generated from this list (ErrorsDocTest).
 *
 * <p>Adding a problem: add a constant in its group (the hundreds say where it comes from; take the next free
 * number, never reuse or renumber one, since editors search for codes), then report it with
 * {@code Problem.error(Code.YOUR_CODE, file, line, message, fix)} and run the tests with
 * {@code -Dsnapshots=overwrite} to regenerate docs/errors.md. A problem reported without a code still compiles and
 * prints without one ({@link #UNCLASSIFIED}), so merges keep building, but CodeTest fails naming the call.
 */
public enum Code {
    // G00xx: general
    UNCLASSIFIED("G0000", "a problem that has no code of its own yet",
            "The message on the line says what is wrong and what to do.",
            "Every problem should have a code so that it can be looked up; this one was added without one.",
            "Follow the message; please report it so it gets a code."),

    // G01xx: links, images and references
    LINK_OUTSIDE_SITE("G0101", "a link leaves the content folder",
            "A relative link climbs out of the content folder (for example '../../notes.md').",
            "Only files inside the content folder are published, so the link would break on the site.",
            "Link to a file inside the content folder, or to a full https:// address."),
    UNSAFE_LINK_REMOVED("G0102", "a link with an unsafe address was removed",
            "A link or image used an address scheme other than http(s), mailto: or tel: (for example 'javascript:').",
            "Such addresses can run code in a reader's browser; published pages never contain them.",
            "Link only to http(s), mailto: or tel: addresses, or to another page of the guide."),
    IMAGE_WITHOUT_ALT("G0103", "an image has no alt text",
            "An image was written as '![](file.jpg)' with nothing in the brackets.",
            "People who use screen readers, and everyone when the image fails to load, get only the alt text (WCAG 1.1.1).",
            "Describe what the picture shows inside the brackets: '![A flat back at the start of the lift](flat-back.jpg)'."),
    REFERENCE_UNDEFINED("G0104", "a reference is cited but never defined",
            "The text cites '[^name]' but no line '[^name]: …' defines it.",
            "A health claim must lead to its source; an undefined marker would show as plain text.",
            "Add '[^name]: what the source says' at the end of the file, or remove the marker."),
    REFERENCE_UNCITED("G0105", "a reference is defined but never cited",
            "A line '[^name]: …' defines a reference that the text never cites.",
            "A reference nobody cites usually means the sentence that used it was deleted or the name is misspelt.",
            "Cite it in the text with '[^name]', or delete the definition."),
    ANCHOR_NOT_ON_PAGE("G0106", "a link points to a heading that is not on the page",
            "A link ends in '#id' but the page it leads to has no heading or element with that id.",
            "The reader would land at the top of the page instead of the part the link promised.",
            "Use the id of a heading on that page: its words in lower case, joined by '-'. The message suggests the closest one."),
    LINK_LEADS_NOWHERE("G0107", "a link leads nowhere",
            "A link or image names a file or page that does not exist in the site.",
            "A broken link in health advice can hide the part a reader needs (for example when to see a doctor).",
            "Fix the file name (the message suggests the closest one), create the page, or remove the link."),
    EXTERNAL_LINK_BROKEN("G0108", "an external link does not work",
            "With --external, an http(s) address answered with an error or did not answer within 10 s.",
            "Sources and further help must stay reachable.",
            "Open the address in a browser; update it or remove the link."),

    // G02xx: files, folders and front matter
    CONTENT_FOLDER_NOT_FOUND("G0201", "the content folder is missing",
            "The content folder (default 'content') does not exist.",
            "There is nothing to build without it.",
            "Run the command from the project folder, or pass --content DIR."),
    SETTINGS_NOT_FOUND("G0202", "site.yaml is missing",
            "The content folder has no site.yaml.",
            "The site's title, language and care card kinds come from it.",
            "Create content/site.yaml with title, language and warning_kinds (see docs/care-cards.md)."),
    FILE_OUTSIDE_GUIDE("G0203", "a Markdown file belongs to no guide",
            "A .md file is not directly inside a guide folder (a folder holding an index.md).",
            "It would not be published, and an editor would wonder why their page never appears.",
            "Move it into a guide folder, add the guide's index.md, or delete it."),
    FILE_UNREADABLE("G0204", "a file cannot be read",
            "The operating system refused to read a file (permissions, or it is not a regular file).",
            "A build must not silently leave a page out.",
            "Check the file's permissions, or remove it."),
    NOT_UTF8("G0205", "a file is not valid UTF-8",
            "The file contains bytes that are not UTF-8 text (often a file saved as Latin-1 or Windows-1252).",
            "Guessing the encoding would publish wrong characters, which matter in doses and names.",
            "Save the file as UTF-8 in your editor."),
    UNCLEAN_NAME("G0206", "a file or folder name does not make a clean address",
            "The name has capitals, spaces or other characters that become awkward web addresses.",
            "Addresses are shared and typed; 'my-part' is easier to read and keep than 'My%20Part'.",
            "Rename it with lowercase letters, digits and hyphens."),
    SLUG_CLASH("G0207", "two files make the same address",
            "Two section files differ only in capitals, so they would be published at the same address.",
            "One page would silently replace the other.",
            "Rename one of the two files."),
    FILE_EMPTY("G0208", "a file is empty",
            "A Markdown file has no content at all.",
            "An empty page would be published without a title.",
            "Write the front matter and text, or delete the file."),
    NO_FRONT_MATTER("G0209", "a file does not start with front matter",
            "The first line of a Markdown file is not '---'.",
            "Every page needs its title and order, which live in the front matter.",
            "Put '---', then 'title: …', then a closing '---' at the top of the file."),
    FRONT_MATTER_NOT_CLOSED("G0210", "front matter is not closed",
            "The front matter starts with '---' but no second '---' line ends it.",
            "Without the end marker the whole page would be read as settings.",
            "Add a line '---' after the last front-matter key."),
    INVALID_YAML("G0211", "front matter or site.yaml is not valid YAML",
            "The settings could not be read as YAML: often a missing closing quote, a ':' or '#' in an unquoted value, or uneven indentation.",
            "A misread setting could publish the wrong title or drop a required care card.",
            "Look at the line and column named; close the quote, quote the value, or fix the indentation."),
    DUPLICATE_KEY("G0212", "a key is given twice",
            "The same key appears twice in the front matter or site.yaml.",
            "Only one value can hold; which one the editor meant is unknown.",
            "Keep one of them."),
    UNKNOWN_KEY("G0213", "an unknown key",
            "The front matter or site.yaml has a key the generator does not know, usually a misspelling.",
            "A misspelt key ('titel', 'next_reveiw') would be ignored silently, losing what it says.",
            "Correct the spelling (the message suggests the closest key) or remove the line."),
    MISSING_KEY("G0214", "a required key is missing",
            "A key every page or guide needs (such as 'title' or 'order') is not there.",
            "The page cannot be named or placed in its guide without it.",
            "Add the key named in the message."),
    WRONG_TYPE("G0215", "a value has the wrong type",
            "A key's value is not what it must be: a number, a date, a list, text or a set of keys.",
            "A value of the wrong type cannot be used safely; for example an order 'two' cannot be sorted.",
            "Write the value as the message shows (digits, YYYY-MM-DD, [a, b], …)."),
    RESERVED_NAME("G0216", "a reserved name",
            "A section is named after a page the generator makes itself (such as 'whole-guide').",
            "Two pages would want the same address.",
            "Rename the file."),
    DUPLICATE_ORDER("G0217", "two sections have the same order",
            "Two sections of one guide give the same 'order' number.",
            "The order decides the contents and previous/next links; a tie leaves it to chance.",
            "Give each section its own number. Gaps are fine: use 10, 20, 30 so a section can go in between."),
    REVIEW_DATES_OUT_OF_ORDER("G0218", "the next review is not after the last one",
            "'next_review' is on or before 'reviewed'.",
            "A review date in the past would be shown to readers as the next review.",
            "Set 'next_review' to a date after 'reviewed'."),
    MAX_GRADE_OUT_OF_RANGE("G0219", "'max_grade' is out of range",
            "'max_grade' is not between 1 and 30.",
            "It is a school grade; other numbers would make the reading-age check meaningless.",
            "Write a school grade, for example 'max_grade: 8'."),
    SYMLINK_OUTSIDE_FOLDER("G0220", "a symbolic link leads out of its folder",
            "A file in the content or templates folder is a symbolic link to something outside that folder.",
            "Nothing from outside the site's folders is published or served, so a link cannot expose other files.",
            "Copy the file into the folder instead of linking to it."),
    SYMLINK_BROKEN("G0221", "a symbolic link leads nowhere",
            "A file in the content folder is a symbolic link whose target does not exist.",
            "A page or image it stood for would be missing from the site without anyone noticing.",
            "Delete the link or restore what it pointed to."),
    SYMLINK_TO_FOLDER("G0222", "a symbolic link to a folder",
            "A symbolic link in the content folder leads to a folder; linked folders are not followed.",
            "Following folder links could pull in any part of the disk, or loop forever.",
            "Move the folder into the content folder instead of linking to it."),
    NOT_A_REGULAR_FILE("G0223", "not an ordinary file",
            "The content folder holds a FIFO, socket or device rather than a file.",
            "Reading one could hang the build or read from a device.",
            "Replace it with an ordinary file or delete it."),
    HTML_FILE_NOT_PUBLISHED("G0224", "an HTML file in the content",
            "A .html file sits in the content folder; it is not published.",
            "HTML written by hand could run script in readers' browsers; pages are made from Markdown, which is sanitised.",
            "Write the page as a Markdown section (.md) instead."),
    FILE_TYPE_NOT_PUBLISHED("G0225", "a file of a type that is not published",
            "A file beside the pages (or in templates/static) is of a type the site does not publish.",
            "Only images (and the site's own assets) are published, so nothing unexpected reaches readers.",
            "Move it out of the folder or delete it; images and PDFs are published."),
    UNSAFE_SVG("G0226", "an SVG image with script or outside links",
            "An SVG image contains script, event handlers, foreignObject or links to other files.",
            "An SVG is a document that can run script when opened on its own.",
            "Remove the unsafe parts, or export the image as PNG."),
    TOO_MANY_SECTIONS("G0227", "a guide has too many sections",
            "A guide folder holds more section files than a guide may have.",
            "Nobody can read a guide that long, and a generated folder that size would stall the build.",
            "Split it into several guides."),
    YAML_TOO_LARGE("G0228", "front matter or site.yaml is too large",
            "The YAML is longer than the generator reads, or reuses an aliased list or mapping.",
            "Settings need a few keys; huge or self-multiplying YAML (an alias bomb) could stall the build.",
            "Keep front matter and settings to the keys they need, and write values out in full."),

    // G03xx: the Markdown body
    LINE_TOO_LONG("G0301", "a line is too long",
            "One line of a Markdown file is longer than 20,000 characters.",
            "A pasted or generated line that long would make the build slow; nobody writes one by hand.",
            "Break it into paragraphs with an empty line between them."),
    NESTED_TOO_DEEP("G0302", "lists or quotes are nested too deeply",
            "Lists, quotes, emphasis or links are nested more than 32 levels deep.",
            "Readers cannot follow that many levels, and a generated file that deep could crash the build.",
            "Flatten the lists and quotes."),
    MARKER_RUN_TOO_LONG("G0303", "a run of '*', '_' or '-' is too long",
            "A line has more than 100 of '*', '_' or '-' in a row.",
            "Such runs are almost always accidental and make the Markdown parser slow.",
            "Use '---' alone on a line for a rule and one or two '*' for emphasis."),
    TOO_MANY_LINK_OPENERS("G0311", "a paragraph has too many link openers",
            "One paragraph holds more links or '](' openers than the generator reads.",
            "Thousands of unclosed link openers make the Markdown parser slow; no paragraph needs that many links.",
            "Split it into paragraphs with an empty line between them, or close each link with ')'."),
    UNKNOWN_CARE_CARD_KIND("G0304", "an unknown care card kind",
            "A care card starts with '!!! kind' but that kind is not declared in site.yaml's warning_kinds.",
            "The kind states the level of urgency (emergency, urgent, non-urgent); a misspelt one must not publish without it.",
            "Use a kind declared in site.yaml (the message suggests the closest one)."),
    EMPTY_CARE_CARD("G0305", "a care card has no content",
            "A '!!! kind' line is not followed by lines indented by four spaces.",
            "The care card would show its heading with none of the signs it is about.",
            "Indent the care card's lines by four spaces under the '!!!' line."),
    TOP_LEVEL_HEADING("G0306", "a '#' heading in the body",
            "The body has a top-level heading ('# …').",
            "The title from the front matter is the page's only top-level heading; two confuse screen readers and search engines.",
            "Use '##' for headings in the body."),
    HEADING_SKIPS_LEVEL("G0307", "a heading skips a level",
            "A heading goes down more than one level (for example '##' then '####').",
            "Screen-reader users move through a page by its heading levels; a gap reads as a missing part (WCAG 1.3.1).",
            "Use the next level down."),
    DUPLICATE_HEADING("G0308", "two headings have the same words",
            "Two headings of one page have the same text, so they would get the same link id.",
            "Links to the second heading would land on the first.",
            "Give each heading its own words."),
    UNCLOSED_CODE_BLOCK("G0309", "a code block is never closed",
            "A fenced code block opened with ``` has no closing fence.",
            "Everything after it, care cards included, would be shown as code.",
            "Add the closing fence where the code ends."),
    RAW_HTML_SANITISED("G0310", "raw HTML was sanitised",
            "The Markdown contains HTML that the generator removed or changed (scripts, frames, event handlers, styles).",
            "Published pages must not run scripts; content HTML could otherwise attack readers.",
            "Write it in Markdown instead."),

    // G04xx: the content contract and editorial checks
    MISSING_REQUIRED_SECTION("G0401", "a required section is missing",
            "The guide's 'required_sections' names a section that has no file.",
            "The content contract keeps a guide's essential parts (such as recovery and red-flag signs) from being deleted by accident.",
            "Create the section file named in the message, or change the guide's contract after clinical review."),
    REQUIRED_CARE_CARD_UNKNOWN_KIND("G0402", "a required care card names an unknown kind",
            "An entry of 'required_warnings' has a 'kind' that site.yaml does not declare.",
            "The contract could never be met, so it would not protect anything.",
            "Use a kind declared in site.yaml's warning_kinds."),
    REQUIRED_CARE_CARD_NO_SECTION("G0403", "a required care card's section does not exist",
            "An entry of 'required_warnings' names a section the guide does not have.",
            "The care card cannot be checked in a page that does not exist.",
            "Correct the section name, or create the section."),
    MISSING_REQUIRED_CARE_CARD("G0404", "a required care card is missing",
            "A section has no care card of the kind the guide's 'required_warnings' asks for.",
            "Red-flag signs and when to get help are the safety-critical part of a guide; they must not disappear by accident.",
            "Add a care card ('!!! kind \"heading\"') of that kind to the section named."),
    CARE_CARD_MISSING_MENTION("G0405", "a required care card no longer mentions a sign",
            "A required care card exists but no longer contains one of the phrases listed under 'mentions'.",
            "Each listed phrase is a sign a clinician asked for; deleting one must be a decision, not an accident.",
            "Put the phrase back into the care card, or change 'mentions' after clinical review."),
    NO_REVIEW_DATE("G0406", "a guide has no review date",
            "The guide's index.md lacks 'reviewed' or 'next_review'.",
            "Every page shows when it was last reviewed and when it will be next, so readers can judge how current it is.",
            "Add 'reviewed: YYYY-MM-DD' and 'next_review: YYYY-MM-DD'."),
    REVIEWED_IN_FUTURE("G0407", "a review date is in the future",
            "'reviewed' is after today.",
            "A page must not claim a review that has not happened.",
            "Set 'reviewed' to the day the review was done."),
    REVIEW_OVERDUE("G0408", "a guide is overdue for review",
            "Today is after the guide's 'next_review' date.",
            "Health advice changes; an overdue guide may no longer be right.",
            "Review the guide, then set 'reviewed' to today and 'next_review' to the next date. (--allow-overdue keeps it a warning under --strict; a pull request that changes the guide fails until it is reviewed.)"),
    READING_LEVEL_TOO_HIGH("G0409", "a page is too hard to read",
            "A page's Flesch–Kincaid grade is above the guide's 'max_grade' (default 8).",
            "Health information must be easy to read; many readers read at a reading age of 13 or less.",
            "Split long sentences and use shorter, common words; './guide report' shows every page's numbers."),
    NO_DISCLAIMER("G0410", "no disclaimer is set",
            "site.yaml has no 'disclaimer'.",
            "Every page must say it is general information, not a diagnosis, and who to contact in an emergency.",
            "Add 'disclaimer: …' to site.yaml."),

    // G05xx: site settings and publishing
    BAD_LANGUAGE("G0501", "the language is not a language tag",
            "site.yaml's 'language' is not a tag such as 'en-GB'.",
            "Screen readers choose their voice from the page's language.",
            "Use a tag such as 'en', 'en-GB' or 'cy'."),
    BAD_BASE_URL("G0502", "the base URL is not usable",
            "The base URL (site.yaml's base_url or --base-url) is neither a path nor an http(s) address.",
            "Every absolute address of the site (sitemap, canonical links) is built from it.",
            "Use '/' or a full address such as 'https://example.org/health/'."),
    NO_CARE_CARD_KINDS("G0503", "no care card kinds are declared",
            "site.yaml declares no warning_kinds.",
            "Care cards state their level of urgency with the words declared for their kind.",
            "Add 'warning_kinds:' with at least one kind (see docs/care-cards.md)."),
    BASE_URL_WITHOUT_HOST("G0504", "the base URL has no host",
            "The base URL is only a path ('/'), so the site's full addresses are unknown.",
            "Without them there is no sitemap.xml, no feed.xml, no canonical link and no og:url, which search engines, feed readers and link previews need.",
            "Pass --base-url https://…/ (or set base_url in site.yaml) when publishing."),
    BAD_ALIAS("G0505", "an alias is not an address on this site",
            "An entry of 'aliases' (an old address that should redirect to this page) is not a path of this site, or climbs above its base path.",
            "A redirect can only be written for an address the site itself serves.",
            "Write a path such as 'old-name/' (from the guide's folder) or '/old/path/' (from the site's base path)."),
    ALIAS_CLASH("G0506", "an alias is already taken",
            "An alias is the address of a page, of a file the build writes, or of another alias.",
            "An old address can lead to one page only; a redirect must never replace a page.",
            "Remove one of the two, or choose another old address."),

    // G06xx: templates
    TEMPLATES_NOT_FOUND("G0601", "the templates folder is missing or unreadable",
            "The templates folder (default 'templates') does not exist or cannot be read.",
            "Pages cannot be laid out without it.",
            "Run from the project folder, or pass --templates DIR."),
    TEMPLATE_NOT_FOUND("G0602", "a template is missing or unreadable",
            "A page needs a template file that does not exist or cannot be read.",
            "Each kind of page is laid out by its own template.",
            "Create it or restore it from version control."),
    TEMPLATE_SYNTAX("G0603", "a template has a syntax error",
            "A FreeMarker template cannot be parsed.",
            "No page that uses it could be rendered.",
            "Fix the FreeMarker syntax at the line and column named."),
    TEMPLATE_ERROR("G0604", "a template failed while rendering a page",
            "A template used a variable or value that does not exist for the page named.",
            "A half-rendered page must never be published.",
            "Check the variable names against docs/architecture.md (Templates)."),

    LEAFLET_FONT_MISSING("G0605", "a font for the PDF leaflets is missing",
            "The templates folder lacks a font file the printable leaflets embed.",
            "A PDF must embed its fonts to show every character the same everywhere, and to be accessible (PDF/UA).",
            "Restore the font under templates/fonts/ from version control, or build with --no-pdf."),
    LEAFLET_FAILED("G0606", "a guide's PDF leaflet could not be made",
            "Making the printable leaflet of a guide failed.",
            "A leaflet that is missing or half-written must not be published or linked.",
            "Read the message; if it is not about your content, run with --verbose and report it, or build with --no-pdf."),

    // G07xx: the preview
    PREVIEW_READ_FAILED("G0701", "a file changed while the preview read it",
            "A file was renamed or deleted while the preview was rebuilding.",
            "The preview shows the last good build until it can read every file.",
            "Save the file again."),
    PREVIEW_INTERNAL("G0702", "the preview failed to rebuild",
            "An unexpected error stopped a rebuild; this is a bug, not your content.",
            "The last good build stays on screen.",
            "Save again; if it persists, run './guide build --verbose' and report the output."),

    // G09xx: languages and translations
    LANGUAGES_INVALID("G0901", "site.yaml's languages cannot be used",
            "site.yaml gives both 'language' and 'languages', an empty 'languages', or a language twice.",
            "The first language is the site's default and every other one gets its own pages; the list must be unambiguous.",
            "Give one 'languages: [en-GB, cy]' list, each language once, the default first."),
    NO_STRING_TABLE("G0902", "a language has no string table",
            "templates/i18n/ has no <language>.yaml for a language the site publishes.",
            "Every word the templates print (menus, dates, 'Page last reviewed') comes from that language's table.",
            "Add templates/i18n/<language>.yaml with every key of the default language's table."),
    MISSING_STRING("G0903", "a string table misses a key",
            "A language's string table lacks a key the default language's table has.",
            "A page would show a blank or the wrong language where that word belongs.",
            "Add the key with its translation (the message shows the default language's text)."),
    MENTIONS_FOR_LANGUAGE("G0904", "required care card mentions and the languages disagree",
            "A required care card has no 'mentions' for a language the guide is translated into, or gives them for a language the site does not list.",
            "Red-flag signs must be checked in every language a reader can read them in.",
            "Give the phrases for each listed language, or list the language in site.yaml."),
    TRANSLATION_OUT_OF_DATE("G0905", "a translation may be out of date",
            "A translation's 'translated_from_reviewed' is missing, older than the original's 'reviewed' date, or after it.",
            "Health advice changes at review; a translation of an older version may give old advice.",
            "Bring the translation up to date with the original, then set 'translated_from_reviewed' to its 'reviewed' date."),
    TRANSLATION_MISPLACED("G0906", "a translation file that cannot be published",
            "A translation is into the default language, has no translated index.md beside it, translates a file the guide does not have, or a guide folder has a language's name.",
            "Each translation belongs to one original page at its own address; anything else would publish a page nobody reviewed, or clash with a language's pages.",
            "Rename or move the file as the message says, or delete it."),
    TRANSLATION_NOT_LISTED("G0907", "a translation into a language the site does not list",
            "Files are translated into a language missing from site.yaml's 'languages', so they are not published.",
            "A translation is published only when the site says the language is ready.",
            "Add the language to 'languages' when the translation is ready."),

    // G08xx: 'guide new'
    ALREADY_EXISTS("G0801", "the file or folder already exists",
            "'guide new' was asked to create a guide folder or section file that is already there.",
            "'guide new' never overwrites anyone's work.",
            "Choose another name, or edit the existing file."),
    NO_SUCH_GUIDE("G0802", "there is no such guide",
            "'guide new section --guide SLUG' names a folder without an index.md.",
            "A section belongs to a guide.",
            "Check the spelling (the message suggests the closest guide), or create the guide first with 'guide new guide SLUG'.");

    private final String id;
    private final String title;
    private final String meaning;
    private final String why;
    private final String fix;

    Code(String id, String title, String meaning, String why, String fix) {
        this.id = id;
        this.title = title;
        this.meaning = meaning;
        this.why = why;
        this.fix = fix;
    }

    /** The code as printed, {@code G0107}. */
    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    public String meaning() {
        return meaning;
    }

    public String why() {
        return why;
    }

    public String fix() {
        return fix;
    }

    /** The code with this id, ignoring case ({@code g0107} works too). */
    public static Optional<Code> byId(String id) {
        String wanted = id.strip().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(code -> code.id.equals(wanted)).findFirst();
    }
}
