package org.healthguides.output;

import java.io.IOException;
import java.nio.file.Path;

import org.healthguides.diagnostics.Code;
import org.healthguides.diagnostics.DisplayPath;
import org.healthguides.diagnostics.Problem;

/**
 * A folder whose files are published as they are (the content folder, the templates' static folder). A file that is
 * a link leading out of the folder is not published, by the build or the preview: the site holds nothing from
 * outside its folders.
 */
record PublishedFolder(Path folder, Path realFolder) {

    static PublishedFolder of(Path folder) throws IOException {
        return new PublishedFolder(folder, folder.toRealPath());
    }

    /** The problem to report when {@code file} leads out of the folder, else null. */
    Problem leaves(Path file, String displayPath) throws IOException {
        if (file.toRealPath().startsWith(realFolder)) {
            return null;
        }
        return Problem.error(Code.SYMLINK_OUTSIDE_FOLDER, displayPath, 0, "this link points outside " + DisplayPath.of(folder) + ", so it is not published",
                "copy the file into the folder instead of linking to it");
    }
}
