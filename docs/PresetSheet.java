import java.io.File;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfInt;
import org.opencv.core.Point;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;

/**
 * Lays out labelled images in a grid for the documentation: one row per folder, the folder's images in name
 * order, each labelled with its file name less a leading {@code N-} and the extension ({@code 2-Comic ink.png}
 * is labelled "Comic ink"). Used by {@code make-preset-previews.sh}; a single-file program run with
 * {@code java -cp "app/target/lib/*" docs/PresetSheet.java OUT.jpg TILE_WIDTH FOLDER...}. Tiles share a width,
 * so that rows of photos of any shape line up.
 */
public class PresetSheet {

    private static final int GAP = 12;
    private static final int LABEL_HEIGHT = 34;
    private static final Scalar PAPER = new Scalar(255, 255, 255);
    private static final Scalar TEXT = new Scalar(40, 40, 40);

    public static void main(String[] args) {
        if (args.length < 3) {
            System.err.println("usage: PresetSheet OUT.jpg TILE_WIDTH FOLDER...");
            System.exit(2);
        }
        nu.pattern.OpenCV.loadLocally();
        int tileWidth = Integer.parseInt(args[1]);
        List<Mat> rows = new ArrayList<>();
        for (String folder : Arrays.copyOfRange(args, 2, args.length)) {
            rows.add(row(new File(folder), tileWidth));
        }
        int width = rows.stream().mapToInt(Mat::cols).max().orElseThrow();
        int height = rows.stream().mapToInt(Mat::rows).sum() + GAP;
        Mat sheet = new Mat(height, width, CvType.CV_8UC3, PAPER);
        int y = 0;
        for (Mat row : rows) {
            row.copyTo(sheet.submat(new Rect(0, y, row.cols(), row.rows())));
            y += row.rows();
        }
        if (!Imgcodecs.imwrite(args[0], sheet, new MatOfInt(Imgcodecs.IMWRITE_JPEG_QUALITY, 92))) {
            throw new IllegalStateException("cannot write " + args[0]);
        }
    }

    /** One folder's images side by side at the tile width, each under its label, with a gap around. */
    private static Mat row(File folder, int tileWidth) {
        File[] files = folder.listFiles((dir, name) -> name.matches(".*\\.(png|jpg)"));
        if (files == null || files.length == 0) {
            throw new IllegalArgumentException("no images in " + folder);
        }
        Arrays.sort(files);
        List<Mat> tiles = new ArrayList<>();
        for (File file : files) {
            Mat image = Imgcodecs.imread(file.getPath(), Imgcodecs.IMREAD_COLOR);
            if (image.empty()) {
                throw new IllegalArgumentException("cannot read " + file);
            }
            Mat tile = new Mat();
            int tileHeight = (int) Math.round(image.rows() * (double) tileWidth / image.cols());
            // Area averaging keeps thin ink lines as they would look on a smaller screen.
            Imgproc.resize(image, tile, new Size(tileWidth, tileHeight), 0, 0, Imgproc.INTER_AREA);
            tiles.add(tile);
        }
        int width = GAP + tiles.stream().mapToInt(t -> t.cols() + GAP).sum();
        int height = tiles.stream().mapToInt(Mat::rows).max().orElseThrow();
        Mat row = new Mat(GAP + LABEL_HEIGHT + height, width, CvType.CV_8UC3, PAPER);
        int x = GAP;
        for (int i = 0; i < tiles.size(); i++) {
            Mat tile = tiles.get(i);
            tile.copyTo(row.submat(new Rect(x, GAP + LABEL_HEIGHT, tile.cols(), tile.rows())));
            Imgproc.putText(row, label(files[i]), new Point(x + 2, GAP + LABEL_HEIGHT - 10),
                    Imgproc.FONT_HERSHEY_SIMPLEX, 0.7, TEXT, 2, Imgproc.LINE_AA);
            x += tile.cols() + GAP;
        }
        return row;
    }

    /** {@code 2-Comic ink.png} becomes "Comic ink". */
    private static String label(File file) {
        String name = file.getName();
        return name.substring(0, name.lastIndexOf('.')).replaceFirst("^\\d+-", "");
    }
}
