package org.healthguides.diagnostics;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** A task run on another thread, waited for as if it had run on this one. */
public final class TaskResult {
    private TaskResult() {
    }

    /**
     * What the task made, or what it threw as it threw it: a runtime exception or error is not left wrapped in a
     * {@link CompletionException}, so a content error keeps its type and an internal error names its real cause.
     */
    public static <T> T of(CompletableFuture<T> task) {
        try {
            return task.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }
}
