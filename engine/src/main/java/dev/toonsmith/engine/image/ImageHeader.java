package dev.toonsmith.engine.image;

/**
 * A picture's stored size, read from its file's header without decoding: what decoding would allocate is known
 * before anything is allocated ({@link ImageLimits}), and a folder's sizes are surveyed in milliseconds.
 *
 * <p>Read by hand for every format Toonsmith decodes, from the format's specification: JPEG's start-of-frame
 * segment, PNG's IHDR chunk, BMP's info header, WebP's VP8, VP8L or VP8X (extended: the canvas) chunk, and the
 * first TIFF image file directory (classic or BigTIFF). Sides are unsigned and may exceed an {@code int}
 * (TIFF's 32-bit sides), hence {@code long}.
 *
 * @param width pixels across as stored (before any orientation tag)
 * @param height pixels down as stored
 * @param sequentialJpeg a sequential (not progressive) JPEG, which libjpeg decodes at 1/2, 1/4 or 1/8 of its size
 *     in memory proportional to the reduced size; a progressive one buffers every coefficient at full size
 * @param tiffOrientation the TIFF orientation tag (1 to 8; 1 when absent or not a TIFF), which OpenCV's TIFF
 *     decoder applies itself
 */
record ImageHeader(long width, long height, boolean sequentialJpeg, int tiffOrientation) {

    private static final int TIFF_WIDTH = 256;
    private static final int TIFF_HEIGHT = 257;
    private static final int TIFF_ORIENTATION = 274;

    /** The header of {@code bytes} in {@code format}, or null when it cannot be read (the decoder has the last word). */
    static ImageHeader read(byte[] bytes, SourceFormat format) {
        try {
            ImageHeader header = switch (format) {
                case JPEG -> jpeg(bytes);
                case PNG -> png(bytes);
                case BMP -> bmp(bytes);
                case WEBP -> webp(bytes);
                case TIFF -> tiff(bytes);
                default -> null;
            };
            return header != null && header.width > 0 && header.height > 0 ? header : null;
        } catch (ArrayIndexOutOfBoundsException e) {
            return null; // a header cut short: the decoder says what is wrong
        }
    }

    /** The size the decoder gives, after the orientation it applies or {@link ImageReader} applies. */
    long uprightWidth(int exifOrientation) {
        return quarterTurned(exifOrientation) ? height : width;
    }

    long uprightHeight(int exifOrientation) {
        return quarterTurned(exifOrientation) ? width : height;
    }

    private boolean quarterTurned(int exifOrientation) {
        // Orientations 5 to 8 turn the picture a quarter turn (after mirroring or not).
        return exifOrientation >= 5 || tiffOrientation >= 5;
    }

    private static ImageHeader jpeg(byte[] b) {
        int i = 2;
        while (i + 4 <= b.length) {
            if ((b[i] & 0xFF) != 0xFF) {
                i++; // stray bytes between segments, which libjpeg skips too: so must this, or they would hide the size
                continue;
            }
            while (i < b.length && (b[i] & 0xFF) == 0xFF) {
                i++;
            }
            int marker = b[i++] & 0xFF;
            if (marker == 0x01 || marker == 0xD8 || (marker >= 0xD0 && marker <= 0xD7)) {
                continue; // standalone markers
            }
            if (marker == 0xDA || marker == 0xD9) {
                return null; // a scan or the end before any frame header
            }
            int length = u16be(b, i);
            boolean startOfFrame = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8
                    && marker != 0xCC;
            if (startOfFrame) {
                // Length, sample precision, then the number of lines and of samples per line.
                int height = u16be(b, i + 3);
                int width = u16be(b, i + 5);
                return new ImageHeader(width, height, marker == 0xC0 || marker == 0xC1, 1);
            }
            i += length;
        }
        return null;
    }

    private static ImageHeader png(byte[] b) {
        // The signature, then IHDR first: length 13, type, width, height.
        if (b[12] != 'I' || b[13] != 'H' || b[14] != 'D' || b[15] != 'R') {
            return null;
        }
        return new ImageHeader(u32be(b, 16), u32be(b, 20), false, 1);
    }

    private static ImageHeader bmp(byte[] b) {
        long infoSize = u32le(b, 14);
        if (infoSize == 12) { // OS/2 BITMAPCOREHEADER: 16-bit sides
            return new ImageHeader(u16le(b, 18), u16le(b, 20), false, 1);
        }
        // BITMAPINFOHEADER and later: signed 32-bit sides; a negative height is stored top-down.
        int width = s32le(b, 18);
        int height = s32le(b, 22);
        return new ImageHeader(Math.abs((long) width), Math.abs((long) height), false, 1);
    }

    private static ImageHeader webp(byte[] b) {
        String chunk = new String(b, 12, 4, java.nio.charset.StandardCharsets.US_ASCII);
        int data = 20;
        switch (chunk) {
            case "VP8X": // extended: flags, reserved, then the canvas's width and height minus one in 24 bits
                return new ImageHeader(u24le(b, data + 4) + 1L, u24le(b, data + 7) + 1L, false, 1);
            case "VP8L": { // lossless: signature 0x2F, then 14 bits each of width and height minus one
                if ((b[data] & 0xFF) != 0x2F) {
                    return null;
                }
                long bits = u32le(b, data + 1);
                return new ImageHeader((bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1, false, 1);
            }
            case "VP8 ": { // lossy: a 3-byte frame tag, the start code 9D 01 2A, 14-bit width and height
                if ((b[data + 3] & 0xFF) != 0x9D || (b[data + 4] & 0xFF) != 0x01 || (b[data + 5] & 0xFF) != 0x2A) {
                    return null;
                }
                return new ImageHeader(u16le(b, data + 6) & 0x3FFF, u16le(b, data + 8) & 0x3FFF, false, 1);
            }
            default:
                return null;
        }
    }

    private static ImageHeader tiff(byte[] b) {
        boolean little = b[0] == 'I';
        boolean big = u16(b, 2, little) == 43;
        long ifd = big ? u64(b, 8, little) : u32(b, 4, little);
        if (ifd < 8 || ifd >= b.length) {
            return null;
        }
        int at = (int) ifd;
        long count = big ? u64(b, at, little) : u16(b, at, little);
        int entrySize = big ? 20 : 12;
        int first = at + (big ? 8 : 2);
        long width = -1;
        long height = -1;
        int orientation = 1;
        for (long n = 0; n < count; n++) {
            int entry = first + (int) (n * entrySize);
            if (entry + entrySize > b.length) {
                return null;
            }
            int tag = u16(b, entry, little);
            int type = u16(b, entry + 2, little);
            int value = entry + (big ? 12 : 8);
            long number = switch (type) {
                case 3 -> u16(b, value, little); // SHORT
                case 4 -> u32(b, value, little); // LONG
                case 16 -> u64(b, value, little); // LONG8 (BigTIFF)
                default -> -1;
            };
            if (tag == TIFF_WIDTH) {
                width = number;
            } else if (tag == TIFF_HEIGHT) {
                height = number;
            } else if (tag == TIFF_ORIENTATION && number >= 1 && number <= 8) {
                orientation = (int) number;
            }
        }
        return width > 0 && height > 0 ? new ImageHeader(width, height, false, orientation) : null;
    }

    private static int u16be(byte[] b, int i) {
        return (b[i] & 0xFF) << 8 | (b[i + 1] & 0xFF);
    }

    private static long u32be(byte[] b, int i) {
        return (long) u16be(b, i) << 16 | u16be(b, i + 2);
    }

    private static int u16le(byte[] b, int i) {
        return (b[i] & 0xFF) | (b[i + 1] & 0xFF) << 8;
    }

    private static int u24le(byte[] b, int i) {
        return u16le(b, i) | (b[i + 2] & 0xFF) << 16;
    }

    private static long u32le(byte[] b, int i) {
        return u16le(b, i) | (long) u16le(b, i + 2) << 16;
    }

    private static int s32le(byte[] b, int i) {
        return (int) u32le(b, i);
    }

    private static int u16(byte[] b, int i, boolean little) {
        return little ? u16le(b, i) : u16be(b, i);
    }

    private static long u32(byte[] b, int i, boolean little) {
        return little ? u32le(b, i) : u32be(b, i);
    }

    private static long u64(byte[] b, int i, boolean little) {
        long low = u32(b, little ? i : i + 4, little);
        long high = u32(b, little ? i + 4 : i, little);
        // Nothing in a file under 2 GB lies beyond 2^63; a larger value is as unusable as any other.
        return high > Integer.MAX_VALUE ? Long.MAX_VALUE : high << 32 | low;
    }
}
