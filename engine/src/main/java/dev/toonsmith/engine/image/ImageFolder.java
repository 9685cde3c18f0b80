package dev.toonsmith.engine.image;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;

/**
 * The image files of a folder (and, when asked, its subfolders), in a stable order: what training reads and what
 * a batch renders are listed the same way.
 *
 * <p>Files are taken by extension (Toonsmith reads the formats it writes), hidden files and folders are ignored,
 * links are followed, and the order is that of the paths relative to the folder compared as strings, so the same
 * folder gives the same order on every machine.
 *
 * @param folder the folder, absolute and normalized
 * @param images the image files, in order
 * @param otherFiles how many files were not image files (hidden ones not counted)
 * @param unlisted subfolders and files that could not be listed, with the reason for each, in the order met
 */
public record ImageFolder(Path folder, List<Path> images, int otherFiles, List<Unlisted> unlisted) {

    /** A file or subfolder that could not be listed, and why, as a sentence for the user. */
    public record Unlisted(Path path, String reason) {}

    public ImageFolder {
        images = List.copyOf(images);
        unlisted = List.copyOf(unlisted);
    }

    /**
     * Lists {@code folder}, which must exist and be a folder.
     *
     * @param recursive whether subfolders are listed too
     * @param excluded a folder whose contents are never listed (a batch's output folder inside its input), or
     *     null
     * @throws IOException if the folder itself cannot be listed
     */
    public static ImageFolder list(Path folder, boolean recursive, Path excluded) throws IOException {
        Path root = folder.toAbsolutePath().normalize();
        Path skip = excluded == null ? null : excluded.toAbsolutePath().normalize();
        List<Path> images = new ArrayList<>();
        List<Unlisted> unlisted = new ArrayList<>();
        int[] otherFiles = {0};
        // Links are followed: people often assemble folders from links to their photo library.
        Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), recursive ? Integer.MAX_VALUE : 1,
                new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                        if (dir.equals(root)) {
                            return FileVisitResult.CONTINUE;
                        }
                        return isHidden(dir) || dir.equals(skip) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                        if (isHidden(file) || attrs.isDirectory()) {
                            return FileVisitResult.CONTINUE;
                        }
                        if (attrs.isRegularFile() && OutputFormat.forPath(file).isPresent()) {
                            images.add(file);
                        } else {
                            otherFiles[0]++;
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                        if (file.equals(root)) {
                            throw e;
                        }
                        unlisted.add(new Unlisted(file, unreadableEntry(root, file, e)));
                        return FileVisitResult.CONTINUE;
                    }
                });
        images.sort(Comparator.comparing(file -> relativeName(root, file)));
        return new ImageFolder(root, images, otherFiles[0], unlisted);
    }

    /** Dot-files are hidden on every platform; Windows marks hidden files with an attribute as well. */
    private static boolean isHidden(Path path) {
        Path name = path.getFileName();
        if (name != null && name.toString().startsWith(".")) {
            return true;
        }
        try {
            return Files.isHidden(path);
        } catch (IOException e) {
            return false;
        }
    }

    /** {@code file} relative to {@code folder} with forward slashes, the same on every platform. */
    public static String relativeName(Path folder, Path file) {
        Path relative = folder.relativize(file);
        List<String> parts = new ArrayList<>();
        relative.forEach(part -> parts.add(part.toString()));
        return String.join("/", parts);
    }

    private static String unreadableEntry(Path folder, Path entry, IOException e) {
        String name = relativeName(folder, entry);
        if (e instanceof FileSystemLoopException) {
            return "Skipped " + name + ": it links back to a folder that contains it.";
        }
        if (e instanceof AccessDeniedException) {
            return "Cannot read " + name + ": permission denied. Check that your account may read it.";
        }
        return "Cannot read " + name + ": " + e.getMessage() + ".";
    }
}
