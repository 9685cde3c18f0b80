package dev.toonsmith.engine.image;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Valid but hostile picture files, made by the tests in a temporary folder rather than committed: each states a
 * size far beyond what Toonsmith decodes, at a few bytes or megabytes. Shared with the app's tests (engine test jar).
 */
public final class HostileImages {

    /** The 30000x30000 PNG's bytes, made once per test JVM (deflating 2.7 GB of zeros takes seconds). */
    private static byte[] hugePng;

    private HostileImages() {}

    /** A real PNG of 30000x30000 black RGB pixels (900 MP), about 2.6 MB compressed, with proper CRCs. */
    public static Path png30000(Path dir, String name) throws IOException {
        synchronized (HostileImages.class) {
            if (hugePng == null) {
                hugePng = zerosPng(30000, 30000);
            }
        }
        return Files.write(dir.resolve(name), hugePng);
    }

    /**
     * A PNG of {@code width x height} black RGB pixels. Its image data is all zero bytes (each row's filter type
     * too), so it is deflated as one 8 MiB run of zeros repeated: each run compressed on its own and flushed to a
     * byte boundary, which a decoder reads one after the other as a single stream, so the 2.7 GB of a 30000x30000
     * picture take a moment rather than the half a minute of deflating them all.
     */
    public static byte[] zerosPng(int width, int height) throws IOException {
        long rawBytes = (long) height * (1 + 3L * width);
        int run = 8 << 20;
        ByteArrayOutputStream idat = new ByteArrayOutputStream();
        idat.write(new byte[] {0x78, (byte) 0xDA}); // zlib header: deflate, 32 KiB window, best compression
        byte[] repeated = deflatedZeros(run, false);
        long left = rawBytes;
        while (left > run) {
            idat.write(repeated);
            left -= run;
        }
        idat.write(deflatedZeros((int) left, true));
        // Adler-32 of n zero bytes: the byte sum stays 1, the sum of sums is n.
        long adler = (rawBytes % 65521) << 16 | 1;
        idat.write(ByteBuffer.allocate(4).putInt((int) adler).array());
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 2)
                .put((byte) 0).put((byte) 0).put((byte) 0);
        chunk(png, "IHDR", ihdr.array());
        chunk(png, "IDAT", idat.toByteArray());
        chunk(png, "IEND", new byte[0]);
        return png.toByteArray();
    }

    /**
     * A baseline JPEG whose frame header claims {@code width x height} (at most 65535 a side), with a scan of a few
     * bytes and the end-of-image marker: complete as far as its structure goes.
     */
    public static Path jpegHeader(Path dir, String name, int width, int height) throws IOException {
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        jpeg.write(new byte[] {(byte) 0xFF, (byte) 0xD8});
        // SOF0: length 17, 8-bit samples, lines, samples per line, 3 components (id, sampling, table).
        jpeg.write(new byte[] {(byte) 0xFF, (byte) 0xC0, 0, 17, 8});
        jpeg.write(height >> 8);
        jpeg.write(height);
        jpeg.write(width >> 8);
        jpeg.write(width);
        jpeg.write(new byte[] {3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1});
        // SOS: length 12, 3 components, spectral selection 0-63; then a little entropy-coded data.
        jpeg.write(new byte[] {(byte) 0xFF, (byte) 0xDA, 0, 12, 3, 1, 0, 2, 0x11, 3, 0x11, 0, 63, 0});
        jpeg.write(new byte[] {0x12, 0x34, 0x56, 0x78});
        jpeg.write(new byte[] {(byte) 0xFF, (byte) 0xD9});
        return Files.write(dir.resolve(name), jpeg.toByteArray());
    }

    /** A little-endian TIFF whose first directory claims 2^32-1 pixels a side, the most a classic TIFF states. */
    public static Path tiffAtLimit(Path dir, String name) throws IOException {
        int[][] entries = { // tag, type (3 SHORT, 4 LONG), value
            {256, 4, -1}, {257, 4, -1}, {258, 3, 8}, {259, 3, 1}, {262, 3, 1}, {273, 4, 8}, {277, 3, 1},
            {278, 4, -1}, {279, 4, 1}};
        ByteBuffer tiff = ByteBuffer.allocate(8 + 2 + 12 * entries.length + 4).order(ByteOrder.LITTLE_ENDIAN);
        tiff.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8);
        tiff.putShort((short) entries.length);
        for (int[] e : entries) {
            tiff.putShort((short) e[0]).putShort((short) e[1]).putInt(1);
            if (e[1] == 3) {
                tiff.putShort((short) e[2]).putShort((short) 0);
            } else {
                tiff.putInt(e[2]);
            }
        }
        tiff.putInt(0); // no next directory
        return Files.write(dir.resolve(name), tiff.array());
    }

    /** An extended WebP whose VP8X canvas is 2^24 pixels a side, the most the format states. */
    public static Path webpAtLimit(Path dir, String name) throws IOException {
        ByteBuffer webp = ByteBuffer.allocate(30).order(ByteOrder.LITTLE_ENDIAN);
        webp.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(22).put("WEBP".getBytes(StandardCharsets.US_ASCII));
        webp.put("VP8X".getBytes(StandardCharsets.US_ASCII)).putInt(10);
        webp.put((byte) 0).put(new byte[3]); // flags, reserved
        int side = (1 << 24) - 1; // stored minus one, in 24 bits
        webp.put((byte) side).put((byte) (side >> 8)).put((byte) (side >> 16));
        webp.put((byte) side).put((byte) (side >> 8)).put((byte) (side >> 16));
        return Files.write(dir.resolve(name), webp.array());
    }

    /** A BMP whose info header claims 60000x60000 24-bit pixels, with none of them in the file. */
    public static Path bmpHeader(Path dir, String name) throws IOException {
        ByteBuffer bmp = ByteBuffer.allocate(54).order(ByteOrder.LITTLE_ENDIAN);
        bmp.put((byte) 'B').put((byte) 'M').putInt(54).putInt(0).putInt(54);
        bmp.putInt(40).putInt(60000).putInt(60000).putShort((short) 1).putShort((short) 24).putInt(0).putInt(0)
                .putInt(2835).putInt(2835).putInt(0).putInt(0);
        return Files.write(dir.resolve(name), bmp.array());
    }

    /** A GIF whose logical screen is 65535x65535, the most the format states. */
    public static Path gifAtLimit(Path dir, String name) throws IOException {
        byte[] gif = {'G', 'I', 'F', '8', '9', 'a', (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0, 0, 0, ';'};
        return Files.write(dir.resolve(name), gif);
    }

    /** {@code count} zero bytes as raw deflate blocks that refer only to themselves, ending on a byte boundary. */
    private static byte[] deflatedZeros(int count, boolean last) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        deflater.setInput(new byte[count]);
        if (last) {
            deflater.finish();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 << 10];
        if (last) {
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
        } else {
            int n;
            do { // a sync flush is done when it leaves room in the buffer
                n = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH);
                out.write(buffer, 0, n);
            } while (n == buffer.length);
        }
        deflater.end();
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream png, String type, byte[] data) throws IOException {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        png.write(ByteBuffer.allocate(4).putInt(data.length).array());
        png.write(typeBytes);
        png.write(data);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        png.write(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
