package dev.toonsmith.engine.image;

import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * What a file's first bytes say it is, and what that implies for decoding it.
 *
 * <p>OpenCV only says "could not decode" whatever the reason, and some broken files it decodes without
 * complaint (a truncated JPEG comes back with its missing part filled in). Knowing the container lets
 * {@link ImageReader} catch truncation itself and tell the user precisely what is wrong. The file name's
 * extension is deliberately ignored: misnamed files are common and OpenCV decodes by content too.
 */
enum SourceFormat {
    JPEG("JPEG", true) {
        @Override
        boolean isComplete(byte[] bytes) {
            return jpegHasEndOfImage(bytes);
        }

        @Override
        String truncationDetail() {
            return "the JPEG data ends before the end-of-image marker";
        }
    },
    PNG("PNG", true) {
        @Override
        boolean isComplete(byte[] bytes) {
            return pngHasEndChunk(bytes);
        }

        @Override
        String truncationDetail() {
            return "the PNG data ends before the IEND chunk";
        }
    },
    WEBP("WebP", true) {
        @Override
        boolean isComplete(byte[] bytes) {
            // The RIFF header states the container size; anything shorter lost its tail.
            long riffSize = (bytes[4] & 0xFFL) | (bytes[5] & 0xFFL) << 8 | (bytes[6] & 0xFFL) << 16
                    | (bytes[7] & 0xFFL) << 24;
            return bytes.length >= riffSize + 8;
        }

        @Override
        String truncationDetail() {
            return "the file is shorter than its RIFF header says";
        }
    },
    BMP("BMP", true),
    TIFF("TIFF", true),
    GIF("GIF", false),
    HEIF("HEIC/HEIF", false),
    AVIF("AVIF", false),
    /** Not recognised here; OpenCV may still decode it (PNM, Radiance HDR, ...), so it is tried anyway. */
    UNKNOWN("unknown", true);

    /** The formats a user can expect to work, for messages. */
    static final String SUPPORTED_LIST = "PNG, JPEG, WebP, BMP, TIFF";

    private static final Set<String> HEIF_BRANDS =
            Set.of("heic", "heix", "hevc", "hevx", "heim", "heis", "hevm", "hevs", "mif1", "msf1");
    private static final Set<String> AVIF_BRANDS = Set.of("avif", "avis");

    private final String displayName;
    private final boolean decodable;

    SourceFormat(String displayName, boolean decodable) {
        this.displayName = displayName;
        this.decodable = decodable;
    }

    /** A short name for messages: "JPEG", "WebP", ... */
    String displayName() {
        return displayName;
    }

    /** False for formats recognised only to refuse them with a better message than "not an image". */
    boolean decodable() {
        return decodable;
    }

    /**
     * Whether the whole image is present. Only formats whose structure makes truncation cheap to see
     * check anything; the others rely on the decoder failing.
     */
    boolean isComplete(byte[] bytes) {
        return true;
    }

    /** Why {@link #isComplete} said no, in words for the user. */
    String truncationDetail() {
        return "the file ends too early";
    }

    /**
     * Whether the caller must apply the file's EXIF orientation tag after decoding with
     * {@code IMREAD_UNCHANGED}. OpenCV's JPEG, PNG and WebP decoders leave it alone with that flag
     * (they apply it only for the flags that also drop alpha and 16 bits). Its TIFF decoder applies the
     * TIFF orientation tag itself, through libtiff, whatever the flags, so doing it again would turn the
     * image twice. BMP has no orientation tag.
     */
    boolean needsOrientationApplied() {
        return this == JPEG || this == PNG || this == WEBP;
    }

    static SourceFormat sniff(byte[] b) {
        if (startsWith(b, 0, 0xFF, 0xD8, 0xFF)) {
            return JPEG;
        }
        if (startsWith(b, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return PNG;
        }
        if (startsWith(b, 0, 'R', 'I', 'F', 'F') && startsWith(b, 8, 'W', 'E', 'B', 'P')) {
            return WEBP;
        }
        if (startsWith(b, 0, 'B', 'M') && b.length >= 26) {
            return BMP;
        }
        if (startsWith(b, 0, 'I', 'I', 0x2A, 0x00) || startsWith(b, 0, 'M', 'M', 0x00, 0x2A)
                || startsWith(b, 0, 'I', 'I', 0x2B, 0x00) || startsWith(b, 0, 'M', 'M', 0x00, 0x2B)) {
            return TIFF;
        }
        if (startsWith(b, 0, 'G', 'I', 'F', '8')) {
            return GIF;
        }
        if (startsWith(b, 4, 'f', 't', 'y', 'p') && b.length >= 12) {
            String brand = new String(b, 8, 4, StandardCharsets.US_ASCII);
            if (AVIF_BRANDS.contains(brand)) {
                return AVIF;
            }
            if (HEIF_BRANDS.contains(brand)) {
                return HEIF;
            }
        }
        return UNKNOWN;
    }

    private static boolean startsWith(byte[] b, int offset, int... expected) {
        if (b.length < offset + expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if ((b[offset + i] & 0xFF) != expected[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Walks the JPEG marker structure to the end-of-image marker of the main image. Following segment
     * lengths (rather than looking for FF D9 near the end of the file) skips the EXIF thumbnail's own
     * end marker and accepts any amount of data after the image, such as the video that "motion photos"
     * append; a file cut anywhere before the end marker fails.
     */
    private static boolean jpegHasEndOfImage(byte[] b) {
        int n = b.length;
        int i = 2;
        while (i < n) {
            if ((b[i] & 0xFF) != 0xFF) {
                // Entropy-coded scan data, or stray bytes between segments that libjpeg also skips.
                i++;
                continue;
            }
            while (i < n && (b[i] & 0xFF) == 0xFF) {
                i++; // fill bytes may precede any marker
            }
            if (i >= n) {
                return false;
            }
            int marker = b[i++] & 0xFF;
            if (marker == 0xD9) {
                return true;
            }
            boolean standalone = marker == 0x00 // stuffed FF inside scan data
                    || marker == 0x01 || marker == 0xD8 || (marker >= 0xD0 && marker <= 0xD7);
            if (standalone) {
                continue;
            }
            if (i + 2 > n) {
                return false;
            }
            int length = (b[i] & 0xFF) << 8 | (b[i + 1] & 0xFF);
            i += length; // the length counts its own two bytes; the scan data after SOS follows it
        }
        return false;
    }

    /** Walks the PNG chunks to IEND; data after IEND is allowed, a file that stops before it is not. */
    private static boolean pngHasEndChunk(byte[] b) {
        long i = 8;
        while (i + 8 <= b.length) {
            int at = (int) i;
            long length = (b[at] & 0xFFL) << 24 | (b[at + 1] & 0xFFL) << 16 | (b[at + 2] & 0xFFL) << 8
                    | (b[at + 3] & 0xFFL);
            if (b[at + 4] == 'I' && b[at + 5] == 'E' && b[at + 6] == 'N' && b[at + 7] == 'D') {
                return true;
            }
            i += 12 + length; // length, type, data, CRC
        }
        return false;
    }
}
