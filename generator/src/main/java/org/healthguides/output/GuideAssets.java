package org.healthguides.output;

import java.io.IOException;
import java.nio.file.Path;

import org.healthguides.diagnostics.Problem;
import org.healthguides.site.Guide;

/** The content's other files (images), published as they are beside the pages that use them. */
public final class GuideAssets implements Emitter {
    private final Path content;
    private final String contentName;

    /** @param contentName how the content folder is named in messages */
    public GuideAssets(Path content, String contentName) {
        this.content = content;
        this.contentName = contentName;
    }

    @Override
    public void emit(Emission emission, Output output) throws IOException {
        PublishedFolder folder = null;
        for (Guide guide : emission.site().guides()) {
            for (String asset : guide.assets()) {
                folder = folder == null ? PublishedFolder.of(content) : folder;
                Path file = content.resolve(asset);
                Problem outside = folder.leaves(file, contentName + "/" + asset);
                if (outside != null) {
                    emission.problems().accept(outside);
                } else {
                    output.copy(asset, file);
                }
            }
        }
    }
}
