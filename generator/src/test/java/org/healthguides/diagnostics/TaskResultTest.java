package org.healthguides.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.junit.jupiter.api.Test;

class TaskResultTest {
    @Test
    void gives_what_the_task_made() {
        assertEquals("made", TaskResult.of(CompletableFuture.supplyAsync(() -> "made")));
    }

    @Test
    void a_runtime_exception_or_error_comes_out_as_it_was_thrown() {
        IllegalStateException thrown = new IllegalStateException("content error");
        CompletableFuture<String> failing = CompletableFuture.supplyAsync(() -> {
            throw thrown;
        });
        assertSame(thrown, assertThrows(IllegalStateException.class, () -> TaskResult.of(failing)));

        OutOfMemoryError error = new OutOfMemoryError("heap");
        CompletableFuture<String> dying = CompletableFuture.supplyAsync(() -> {
            throw error;
        });
        assertSame(error, assertThrows(OutOfMemoryError.class, () -> TaskResult.of(dying)));
    }

    @Test
    void a_checked_exception_stays_wrapped_with_its_cause() {
        IOException unreadable = new IOException("unreadable");
        CompletableFuture<String> failing = new CompletableFuture<>();
        failing.completeExceptionally(unreadable);
        CompletionException wrapped = assertThrows(CompletionException.class, () -> TaskResult.of(failing));
        assertSame(unreadable, wrapped.getCause());
    }
}
