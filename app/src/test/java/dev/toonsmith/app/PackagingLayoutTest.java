package dev.toonsmith.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the installers are made of, checked without building them (packaging/build.sh takes minutes and is run by
 * hand): the natives each platform keeps are where the jars of this build have them, the installed command starts
 * the app with the same environment as ./toonsmith, and the desktop entry, file type and PATH link agree.
 */
class PackagingLayoutTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path PACKAGING = ROOT.resolve("packaging");
    private static final List<String> PLATFORMS = List.of("linux-x86_64", "win-x86_64", "osx-aarch64");

    @TempDir
    Path work;

    private static Properties natives() throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(PACKAGING.resolve("natives.properties"))) {
            p.load(in);
        }
        return p;
    }

    private static Set<String> entries(Class<?> inJar) throws Exception {
        Path jar = Path.of(inJar.getProtectionDomain().getCodeSource().getLocation().toURI());
        Set<String> names = new TreeSet<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            zip.stream().forEach(e -> names.add(e.getName()));
        }
        return names;
    }

    @Test
    void everyPlatformKeepsANativeLibraryFromTheOpenCvAndOnnxRuntimeJarsOfThisBuild() throws Exception {
        Properties natives = natives();
        Set<String> opencv = entries(nu.pattern.OpenCV.class);
        Set<String> onnxruntime = entries(ai.onnxruntime.OrtEnvironment.class);
        for (String platform : PLATFORMS) {
            for (var jar : List.of(java.util.Map.entry("opencv", opencv), java.util.Map.entry("onnxruntime",
                    onnxruntime))) {
                String keep = natives.getProperty(platform + "." + jar.getKey());
                assertTrue(keep != null && keep.endsWith("/"), platform + "." + jar.getKey() + " is a folder prefix");
                assertTrue(jar.getValue().stream().anyMatch(n -> n.startsWith(keep)
                                && n.matches(".*\\.(so|dll|dylib)$")),
                        platform + " keeps " + keep + " from the " + jar.getKey() + " jar, which has no library there:"
                                + " a new version moved its natives; update packaging/natives.properties");
            }
        }
        // This machine's build brings the Linux PyTorch natives the Linux package names.
        String classifier = natives.getProperty("linux-x86_64.pytorch");
        assertTrue(System.getProperty("java.class.path").contains("pytorch-native-cpu-") && System.getProperty(
                "java.class.path").contains(classifier + ".jar"), "the PyTorch natives jar is " + classifier);
    }

    @Test
    void theInstalledCommandStartsTheLauncherWithTheEnvironmentOfTheDevelopersScript() throws Exception {
        // An installed bin/ folder: the command, its environment, and a stand-in for jpackage's native launcher.
        Path bin = Files.createDirectories(work.resolve("opt/toonsmith/bin"));
        Files.copy(PACKAGING.resolve("linux/toonsmith"), bin.resolve("toonsmith"));
        Files.copy(PACKAGING.resolve("runtime-env.sh"), bin.resolve("runtime-env.sh"));
        Files.writeString(bin.resolve("Toonsmith"), "#!/bin/sh\necho \"args=$*\"\necho \"glibc=$GLIBC_TUNABLES\"\n"
                + "echo \"torch=$TORCH_CPP_LOG_LEVEL\"\n");
        for (String f : List.of("toonsmith", "Toonsmith")) {
            Files.setPosixFilePermissions(bin.resolve(f), PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        // Run through a link, as /usr/bin/toonsmith is.
        Path link = Files.createSymbolicLink(work.resolve("toonsmith-on-path"), bin.resolve("toonsmith"));
        ProcessBuilder pb = new ProcessBuilder(link.toString(), "stylize", "a photo.jpg").redirectErrorStream(true);
        pb.environment().remove("GLIBC_TUNABLES");
        pb.environment().remove("TORCH_CPP_LOG_LEVEL");
        Process p = pb.start();
        assertTrue(p.waitFor(20, TimeUnit.SECONDS));
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("args=stylize a photo.jpg"), out);
        assertTrue(out.contains("glibc=glibc.malloc.hugetlb=1"), out);
        assertTrue(out.contains("torch=ERROR"), out);

        // ./toonsmith takes its environment from the same file.
        String devScript = Files.readString(ROOT.resolve("toonsmith"));
        assertTrue(devScript.contains(". \"$root/packaging/runtime-env.sh\""), "./toonsmith sources runtime-env.sh");
        assertFalse(devScript.contains("GLIBC_TUNABLES="), "one definition of the environment, in runtime-env.sh");
    }

    @Test
    void theDesktopEntryTheFileTypeAndThePathLinkUseTheInstalledCommand() throws Exception {
        String command = "/opt/toonsmith/bin/toonsmith";
        String desktop = Files.readString(PACKAGING.resolve("linux/Toonsmith.desktop"));
        assertTrue(desktop.contains("Exec=" + command + " %F"), "double-clicked files reach the command: " + desktop);
        assertTrue(desktop.contains("DESKTOP_MIMES"), "jpackage fills in the .toon MIME type");
        assertTrue(Files.readString(PACKAGING.resolve("linux/postinst")).contains("ln -sf " + command
                + " /usr/bin/toonsmith"));
        assertTrue(Files.readString(PACKAGING.resolve("linux/prerm")).contains("rm -f /usr/bin/toonsmith"));
        // A system without a menu folder (a server, a container) must still install and remove the package:
        // xdg-desktop-menu fails there, so the registration runs without set -e.
        for (String script : List.of("postinst", "prerm")) {
            String text = Files.readString(PACKAGING.resolve("linux/" + script));
            int tolerant = text.indexOf("set +e");
            int registration = text.indexOf("DESKTOP_COMMANDS_");
            assertTrue(tolerant >= 0 && tolerant < registration && text.indexOf("set -e", registration) > registration,
                    script + " registers with the desktop without failing the package");
        }
        Properties type = new Properties();
        try (InputStream in = Files.newInputStream(PACKAGING.resolve("toon-files.properties"))) {
            type.load(in);
        }
        assertEquals("toon", type.getProperty("extension"));
        assertTrue(Files.isRegularFile(ROOT.resolve(type.getProperty("icon"))), "the file type's icon exists");
        // The opened file becomes a studio argument: Main opens the studio with style and picture files.
        Path style = Files.createFile(work.resolve("My style.toon"));
        assertTrue(Main.opensFiles(new String[] {style.toString()}));
    }

    @Test
    void theLauncherOptionsNameThePropertiesTheAppReads() throws Exception {
        String build = Files.readString(PACKAGING.resolve("build.sh"));
        assertTrue(build.contains("-D" + DataFolder.INSTALLED_PROPERTY + "=true"), "installations say so");
        assertTrue(build.contains("-D" + SampleImages.PROPERTY + "=$APPDIR/sample-images"), "samples travel along");
        assertTrue(build.contains("-Dai.djl.offline=true"), "an installation never downloads natives");
        assertTrue(build.contains("cp -r \"$root/sample-images\""));
        assertTrue(build.contains("cp \"$root/README.md\" \"$out/input/README.md\""),
                "the user guide travels along, beside the samples, where Help ▸ User guide looks for it");
        Process p = new ProcessBuilder("bash", "-n", PACKAGING.resolve("build.sh").toString()).redirectErrorStream(true)
                .start();
        assertTrue(p.waitFor(20, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void theIconsAreThePicturesEachPlatformTakes() throws Exception {
        byte[] png = Files.readAllBytes(PACKAGING.resolve("icons/toonsmith.png"));
        assertEquals(0x89, png[0] & 0xff);
        assertEquals("PNG", new String(png, 1, 3, StandardCharsets.US_ASCII));
        int width = ((png[16] & 0xff) << 24) | ((png[17] & 0xff) << 16) | ((png[18] & 0xff) << 8) | (png[19] & 0xff);
        assertTrue(width >= 256, "a sharp icon on large displays: " + width);
        byte[] ico = Files.readAllBytes(PACKAGING.resolve("icons/toonsmith.ico"));
        assertEquals(1, ico[2]);
        byte[] icns = Files.readAllBytes(PACKAGING.resolve("icons/toonsmith.icns"));
        assertEquals("icns", new String(icns, 0, 4, StandardCharsets.US_ASCII));
    }
}
