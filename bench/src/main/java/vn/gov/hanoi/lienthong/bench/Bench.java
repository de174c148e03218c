package vn.gov.hanoi.lienthong.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** java -jar bench/target/lienthong-bench.jar load | large-file | chaos (bench/RESULTS.md). */
@Command(name = "lienthong-bench", mixinStandardHelpOptions = true,
        subcommands = {LoadCommand.class, LargeFileCommand.class, ChaosCommand.class, SignaturesCommand.class, PadesCommand.class,
                TrackingScaleCommand.class},
        description = "Measures a Liên Thông hub started from its jar: load, a large file, crashes under load.")
public final class Bench {

    public static void main(String[] args) {
        System.exit(new CommandLine(new Bench()).execute(args));
    }

    /** A run starts from empty data: the hub's database, journal and blobs of the last run are removed. */
    static void wipe(Path directory) throws IOException {
        if (!Files.exists(directory)) return;
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
