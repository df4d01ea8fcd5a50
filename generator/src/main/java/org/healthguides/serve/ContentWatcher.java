package org.healthguides.serve;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Watches the content and templates folders (every folder inside them, including ones created later) and
 * reports each burst of changes once, after the folders have been quiet for a moment. Editors' swap, backup and
 * lock files are not changes. A folder that is deleted and made again (a checkout, a restore) is watched again.
 * Changes are reported on the watcher's own thread, one at a time; changes made meanwhile make the next report.
 */
final class ContentWatcher implements AutoCloseable {
    /** Longest a continuous stream of changes can put off a rebuild, in quiet periods (and at least 500 ms). */
    private static final int MAX_DELAY_QUIET_PERIODS = 5;
    private static final long MIN_MAX_DELAY_NANOS = Duration.ofMillis(500).toNanos();
    private static final long ROOT_CHECK_MILLIS = 500;

    /**
     * @param files     what changed (created, modified or deleted files and folders)
     * @param templates something in the templates folder changed, so every page must be rendered again
     */
    record Change(Set<Path> files, boolean templates) {
    }

    private final WatchService service;
    private final Path content;
    private final Path templates;
    private final long quietNanos;
    private final long maxDelayNanos;
    private final Consumer<Change> onChange;
    private final Map<WatchKey, Path> folders = new HashMap<>();
    private final Set<Path> unwatchedRoots = new LinkedHashSet<>();
    /** Each root folder's identity (inode) when it was watched: a watch follows the folder, not its name. */
    private final Map<Path, Object> rootIdentities = new HashMap<>();
    private final Thread thread;
    private volatile boolean closed;

    ContentWatcher(Path content, Path templates, Duration quietPeriod, Consumer<Change> onChange) throws IOException {
        this.content = content.toAbsolutePath().normalize();
        this.templates = templates.toAbsolutePath().normalize();
        this.quietNanos = quietPeriod.toNanos();
        this.maxDelayNanos = Math.max(MIN_MAX_DELAY_NANOS, quietNanos * MAX_DELAY_QUIET_PERIODS);
        this.onChange = onChange;
        this.service = FileSystems.getDefault().newWatchService();
        for (Path root : List.of(this.content, this.templates)) {
            if (!watchTree(root)) {
                unwatchedRoots.add(root);
            }
        }
        thread = new Thread(this::run, "preview-watcher");
        thread.setDaemon(true);
    }

    /** Starts reporting; changes since construction are reported too. */
    void start() {
        thread.start();
    }

    /** Editors write these beside the file they save (vim's swap and its 4913 probe, emacs locks, backups, IDE temp files). */
    static boolean isEditorLeftover(String name) {
        return name.startsWith(".") || name.startsWith("#") || name.endsWith("~") || name.equals("4913")
                || name.endsWith(".swp") || name.endsWith(".swx") || name.endsWith(".tmp")
                || name.endsWith("___jb_tmp___") || name.endsWith("___jb_old___");
    }

    private void run() {
        Set<Path> changed = new LinkedHashSet<>();
        boolean templatesChanged = false;
        long firstChange = 0;
        while (!closed) {
            WatchKey key;
            try {
                if (changed.isEmpty()) {
                    key = service.poll(ROOT_CHECK_MILLIS, TimeUnit.MILLISECONDS);
                } else {
                    long wait = Math.min(quietNanos, firstChange + maxDelayNanos - System.nanoTime());
                    key = wait <= 0 ? service.poll() : service.poll(wait, TimeUnit.NANOSECONDS);
                }
            } catch (InterruptedException | ClosedWatchServiceException e) {
                return;
            }
            if (key == null) {
                templatesChanged |= rewatchRoots(changed);
                if (!changed.isEmpty()) {
                    report(new Change(Set.copyOf(changed), templatesChanged));
                    changed.clear();
                    templatesChanged = false;
                }
                continue;
            }
            Path folder = folders.get(key);
            for (WatchEvent<?> event : key.pollEvents()) {
                Path file;
                if (event.kind() == OVERFLOW || folder == null) {
                    // Events were lost: rebuild everything.
                    file = folder == null ? templates : folder;
                    templatesChanged = true;
                } else {
                    file = folder.resolve((Path) event.context());
                    if (isEditorLeftover(file.getFileName().toString())) {
                        continue;
                    }
                    if (event.kind() == ENTRY_CREATE && Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
                        watchTree(file);
                    }
                }
                if (changed.isEmpty()) {
                    firstChange = System.nanoTime();
                }
                changed.add(file);
                templatesChanged |= file.startsWith(templates);
            }
            if (!key.reset()) {
                folders.remove(key);
                if (folder != null && (folder.equals(content) || folder.equals(templates))) {
                    unwatchedRoots.add(folder);
                }
            }
        }
    }

    /**
     * Watches again a root folder that was deleted and has come back, or that was replaced by another folder of the
     * same name ("mv content old; cp -r backup content": the watches would follow the old folder); true when it
     * was the templates folder.
     */
    private boolean rewatchRoots(Set<Path> changed) {
        boolean templatesBack = false;
        for (Path root : List.of(content, templates)) {
            if (unwatchedRoots.contains(root) || java.util.Objects.equals(identity(root), rootIdentities.get(root))) {
                continue;
            }
            folders.entrySet().removeIf(entry -> {
                if (entry.getValue().startsWith(root)) {
                    entry.getKey().cancel();
                    return true;
                }
                return false;
            });
            rootIdentities.remove(root);
            unwatchedRoots.add(root);
            // Whatever is there now is read again, even if it cannot be watched yet.
            changed.add(root);
            templatesBack |= root.equals(templates);
        }
        for (Path root : List.copyOf(unwatchedRoots)) {
            if (Files.isDirectory(root) && watchTree(root)) {
                unwatchedRoots.remove(root);
                changed.add(root);
                templatesBack |= root.equals(templates);
            }
        }
        return templatesBack;
    }

    private void report(Change change) {
        try {
            onChange.accept(change);
        } catch (RuntimeException | Error e) {
            // The receiver reports its own failures; the watcher must keep watching whatever happens (a stack
            // overflow or a full heap in one rebuild included), so the next save can bring the preview back.
        }
    }

    /** The folder's identity on disk (its inode), or null when it is missing. */
    private static Object identity(Path folder) {
        try {
            return Files.readAttributes(folder, java.nio.file.attribute.BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
        } catch (IOException e) {
            return null;
        }
    }

    /** Registers a folder and every folder inside it; false when it does not exist (yet). */
    private boolean watchTree(Path root) {
        if (!Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        if (root.equals(content) || root.equals(templates)) {
            rootIdentities.put(root, identity(root));
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path folder : walk.filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)).toList()) {
                if (folder.equals(root) || !isEditorLeftover(folder.getFileName().toString())) {
                    folders.put(folder.register(service, ENTRY_CREATE, ENTRY_DELETE, ENTRY_MODIFY), folder);
                }
            }
            return true;
        } catch (IOException | UncheckedIOException e) {
            // The folder vanished while being walked; its parent's event will bring us back here.
            return false;
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        service.close();
        thread.interrupt();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
