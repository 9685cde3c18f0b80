package dev.toonsmith.engine.style;

import dev.toonsmith.engine.io.AtomicFiles;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Finds the styles shipped inside the application as files that {@link StyleBundle#read} can open.
 *
 * <p>Bundled styles are class path resources named in {@value #INDEX}, one file name per line, because a
 * jar cannot be listed portably. A zip inside a jar cannot be opened as a {@link java.util.zip.ZipFile},
 * so resources inside a jar are copied to the cache folder once per content (the folder is named by the
 * content's hash, so an application update never reuses a stale copy); resources that already are files,
 * as when running from a build folder, are used in place.
 */
final class BundledStyles {

    static final String FOLDER = "dev/toonsmith/engine/styles/";
    static final String INDEX = FOLDER + "index.txt";

    private BundledStyles() {}

    /** A bundled style's file, or why it cannot be had. */
    record Located(Path file, StyleProblem problem) {}

    /** The file names listed in the index, in order; an absent index lists nothing. */
    static List<String> index(ClassLoader loader) throws IOException {
        List<String> names = new ArrayList<>();
        try (InputStream in = loader.getResourceAsStream(INDEX)) {
            if (in == null) {
                return names;
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null; ) {
                String name = line.strip();
                if (!name.isEmpty() && !name.startsWith("#")) {
                    names.add(name);
                }
            }
        }
        return names;
    }

    /** The file of the bundled style {@code name}, copying it into {@code cache} when it lives in a jar. */
    static Located locate(ClassLoader loader, String name, Path cache) {
        Path resourcePath = Path.of(FOLDER + name);
        if (name.contains("/") || name.contains("\\") || !name.endsWith(StyleWriter.EXTENSION)) {
            return problem(resourcePath, "the style index lists '" + name + "', which is not a "
                    + StyleWriter.EXTENSION + " file name");
        }
        URL url = loader.getResource(FOLDER + name);
        if (url == null) {
            return problem(resourcePath, "the style index lists '" + name + "' but the application has no such file");
        }
        if ("file".equals(url.getProtocol())) {
            try {
                return new Located(Path.of(url.toURI()), null);
            } catch (URISyntaxException | IllegalArgumentException | FileSystemNotFoundException e) {
                // Fall through to copying: the stream still works when the URL does not map to a path.
            }
        }
        try {
            return new Located(copyToCache(url, name, cache), null);
        } catch (IOException e) {
            return problem(resourcePath, "the bundled style '" + name + "' could not be copied to " + cache + ": " + e);
        }
    }

    private static Located problem(Path file, String what) {
        return new Located(null, new StyleProblem(file,
                "Bundled style " + file + " is unavailable: " + what + ". Reinstall Toonsmith."));
    }

    private static Path copyToCache(URL url, String name, Path cache) throws IOException {
        MessageDigest sha = sha256();
        try (InputStream in = new DigestInputStream(url.openStream(), sha)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        String hash = HexFormat.of().formatHex(sha.digest()).substring(0, 16);
        Path folder = cache.resolve("bundled-styles").resolve(hash);
        Path target = folder.resolve(name);
        if (Files.isRegularFile(target)) {
            return target;
        }
        try (InputStream in = url.openStream()) {
            AtomicFiles.write(target, in.readAllBytes());
        }
        return target;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform must provide SHA-256.
            throw new IllegalStateException(e);
        }
    }
}
