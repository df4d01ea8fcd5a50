package org.healthguides.content;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What one {@code lstat} says of a file or folder (the link itself, never followed): device, inode, size, modification
 * and change times to the nanosecond, and mode. The change time (ctime) is what proves a content file or an output
 * folder unchanged since a build saw it ({@link FileStates}, pipeline.FolderStates), and on JDK 17 only the {@code unix}
 * attribute view gives it: {@code Files.readAttributes(path, "unix:size,lastModifiedTime,ctime,ino,dev,mode")}, which
 * for each call parses the names, fills a map and boxes each value. An edit rebuild at 10,000 pages states 28,000
 * files and folders so, about 2 µs of that each beyond the system call (a Java program walking the benchmark's content:
 * 46–48 ms against 30–34 ms for the same walk with {@code PosixFileAttributes}, which has no ctime).
 *
 * <p>So where the JDK's own class for a stat's result ({@code sun.nio.fs.UnixFileAttributes}) is open to this code (the
 * jar's manifest says {@code Add-Opens: java.base/sun.nio.fs}, which {@code java -jar} honours), its fields are read
 * directly, through reflection set up once. Anywhere else (another JDK whose class differs, the class path without the
 * opening, another file system) the attribute view gives the same values, as before; {@code UnixStatTest} checks that
 * both ways agree.
 */
public record UnixStat(long device, long inode, long size, long modified, long changed, int mode) {
    private static final int TYPE = 0170000;
    private static final String VIEW = "unix:dev,ino,size,lastModifiedTime,ctime,mode";
    /** The JDK's stat, or null where it cannot be reached (see above). */
    private static final Direct DIRECT = Direct.find();

    /** The stat of {@code path} itself, or null when it cannot be stated or its file system has no {@code unix} view. */
    public static UnixStat of(Path path) {
        if (DIRECT != null) {
            UnixStat stat = DIRECT.stat(path);
            if (stat != DIRECT_FAILED) {
                return stat;
            }
        }
        return viaView(path);
    }

    /** Through the public attribute view (also the check of the direct way). */
    static UnixStat viaView(Path path) {
        try {
            Map<String, Object> stat = Files.readAttributes(path, VIEW, LinkOption.NOFOLLOW_LINKS);
            return new UnixStat((Long) stat.get("dev"), (Long) stat.get("ino"), (Long) stat.get("size"),
                    ((FileTime) stat.get("lastModifiedTime")).to(TimeUnit.NANOSECONDS), ((FileTime) stat.get("ctime")).to(TimeUnit.NANOSECONDS),
                    (Integer) stat.get("mode"));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Whether the JDK's stat is read directly here (for tests and the benchmark's notes). */
    static boolean direct() {
        return DIRECT != null;
    }

    // Written out: a record's own equals and hashCode link through ObjectMethods' bootstrap on their first call, whose
    // method handles are spun and run in the interpreter, a few ms of every build that states a file (RecordMethodsTest
    // keeps these in step with the components).
    @Override
    public boolean equals(Object other) {
        return other instanceof UnixStat stat && stat.device == device && stat.inode == inode && stat.size == size
                && stat.modified == modified && stat.changed == changed && stat.mode == mode;
    }

    @Override
    public int hashCode() {
        int hash = Long.hashCode(device);
        hash = 31 * hash + Long.hashCode(inode);
        hash = 31 * hash + Long.hashCode(size);
        hash = 31 * hash + Long.hashCode(modified);
        hash = 31 * hash + Long.hashCode(changed);
        return 31 * hash + mode;
    }

    public boolean isRegularFile() {
        return (mode & TYPE) == 0100000;
    }

    public boolean isFolder() {
        return (mode & TYPE) == 0040000;
    }

    /** Its permission bits ({@code rwxr-xr-x}: 0755), no type, set-id or sticky bits. */
    public int permissions() {
        return mode & 0777;
    }

    /** Returned by {@link Direct#stat} when the direct way cannot state a path the view might: then the view is asked. */
    private static final UnixStat DIRECT_FAILED = new UnixStat(0, 0, 0, 0, 0, 0);

    /**
     * The JDK's own stat of a path of the default file system, read field by field through core reflection (its field
     * accessors are made at once; method handles cost a cold 100-page build ~10 ms to spin up, measured).
     */
    private record Direct(Class<?> pathClass, java.lang.reflect.Method get, java.lang.reflect.Field device, java.lang.reflect.Field inode,
                          java.lang.reflect.Field size, java.lang.reflect.Field modifiedSeconds, java.lang.reflect.Field modifiedNanos,
                          java.lang.reflect.Field changedSeconds, java.lang.reflect.Field changedNanos, java.lang.reflect.Field mode,
                          Class<?> errorClass) {

        static Direct find() {
            try {
                if (!Object.class.getModule().isOpen("sun.nio.fs", UnixStat.class.getModule())) {
                    return null;
                }
                Class<?> attributes = Class.forName("sun.nio.fs.UnixFileAttributes");
                Class<?> path = Class.forName("sun.nio.fs.UnixPath");
                java.lang.reflect.Method get = attributes.getDeclaredMethod("get", path, boolean.class);
                get.setAccessible(true);
                Direct direct = new Direct(path, get, field(attributes, "st_dev"), field(attributes, "st_ino"), field(attributes, "st_size"),
                        field(attributes, "st_mtime_sec"), field(attributes, "st_mtime_nsec"), field(attributes, "st_ctime_sec"),
                        field(attributes, "st_ctime_nsec"), field(attributes, "st_mode"), Class.forName("sun.nio.fs.UnixException"));
                // Used only if it states a folder as the view does.
                Path here = Path.of(System.getProperty("java.home"));
                UnixStat stat = direct.stat(here);
                return stat != null && stat != DIRECT_FAILED && stat.equals(viaView(here)) ? direct : null;
            } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                return null;
            }
        }

        private static java.lang.reflect.Field field(Class<?> type, String name) throws NoSuchFieldException {
            java.lang.reflect.Field field = type.getDeclaredField(name);
            field.setAccessible(true);
            return field;
        }

        /** The stat, null when the path cannot be stated (the view would fail too), or {@link #DIRECT_FAILED}. */
        UnixStat stat(Path file) {
            if (!pathClass.isInstance(file)) {
                return DIRECT_FAILED; // another file system's path
            }
            try {
                Object at = get.invoke(null, file, false);
                return new UnixStat(device.getLong(at), inode.getLong(at), size.getLong(at),
                        modifiedSeconds.getLong(at) * 1_000_000_000L + modifiedNanos.getLong(at),
                        changedSeconds.getLong(at) * 1_000_000_000L + changedNanos.getLong(at), mode.getInt(at));
            } catch (java.lang.reflect.InvocationTargetException e) {
                return errorClass.isInstance(e.getCause()) ? null : DIRECT_FAILED; // no such file, no permission: as the view's IOException
            } catch (ReflectiveOperationException | RuntimeException e) {
                return DIRECT_FAILED;
            }
        }
    }
}
