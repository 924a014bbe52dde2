package vn.phaodai.demo;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * A laboratory's result file (benchmark, demo outbreak): singles and pools of ten over the registry's
 * persons, over the given days from 1 September 2021, with positives at a rate like the seed's screening
 * rounds. The same seed writes the same file.
 */
final class LabResultFile {

    static final double SINGLE_POSITIVE = 0.015;
    static final double POOL_POSITIVE = 0.02;
    static final int POOL_SIZE = 10;
    /** A draw starts a pool this often, so that about 30 % of the samples are pooled. */
    static final double POOLS = 0.04;

    /** The outbreak's first day: its results fall on this day and the next {@code days - 1}. */
    static final LocalDate FIRST_DAY = LocalDate.of(2021, 9, 1);

    private LabResultFile() {
    }

    static Path write(long[] persons, int results, long seed, int days) {
        SplittableRandom random = new SplittableRandom(seed);
        LocalDate first = FIRST_DAY;
        try {
            Path file = Files.createTempFile("phaodai-lab-results", ".csv");
            try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                out.write("Mã mẫu,Mã người,Loại xét nghiệm,Thời gian lấy mẫu,Kết quả,Ct,Mã mẫu gộp,Có triệu chứng\n");
                int written = 0, pools = 0;
                while (written < results) {
                    LocalDate day = first.plusDays(random.nextInt(days));
                    String at = day.getDayOfMonth() + "/" + day.getMonthValue() + "/" + day.getYear() + " " + (7 + random.nextInt(10)) + ":"
                            + String.format("%02d", random.nextInt(60));
                    if (random.nextDouble() < POOLS && results - written >= POOL_SIZE) {
                        String pool = "G" + seed + "-" + (++pools);
                        boolean positive = random.nextDouble() < POOL_POSITIVE;
                        String ct = positive ? String.valueOf(18 + random.nextInt(15)) : "";
                        for (int m = 0; m < POOL_SIZE; m++) {
                            line(out, pool + "-" + m, persons[random.nextInt(persons.length)], "PCR", at,
                                    positive ? "Dương tính" : "Âm tính", ct, pool, false);
                        }
                        written += POOL_SIZE;
                    } else {
                        boolean pcr = random.nextDouble() < 0.6, positive = random.nextDouble() < SINGLE_POSITIVE;
                        line(out, "XN" + seed + "-" + written, persons[random.nextInt(persons.length)], pcr ? "PCR" : "Test nhanh", at,
                                positive ? "Dương tính" : "Âm tính", positive && pcr ? String.valueOf(15 + random.nextInt(20)) : "", "",
                                positive && random.nextDouble() < 0.4);
                        written++;
                    }
                }
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void line(BufferedWriter out, String code, long person, String type, String at, String result, String ct,
                             String pool, boolean symptomatic) throws IOException {
        out.write(code + "," + person + "," + type + "," + at + "," + result + "," + ct + "," + pool + "," + (symptomatic ? "Có" : "") + "\n");
    }
}
