package vn.phaodai.geography.imports;

import vn.phaodai.geography.Geography;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.phaodai.geography.ImportSummary.RejectedRow;
import vn.phaodai.shared.InvalidInputException;
import vn.phaodai.shared.SpreadsheetReader;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Villages from a small file (Mã PX, Tên, Loại), one row each; a village already there is skipped, a wrong row is
 * reported with its line. The file is imported in one transaction: a file that cannot be read to its end (not
 * UTF-8, damaged, too long) writes nothing, not even the villages of the rows before the broken one.
 */
@Service
public class VillageImporter {

    public record Result(int created, int skipped, List<RejectedRow> rejected) {
    }

    private final Geography geography;
    private final vn.phaodai.shared.ImportLimits limits;

    VillageImporter(Geography geography, vn.phaodai.shared.ImportLimits limits) {
        this.geography = geography;
        this.limits = limits;
    }

    @Transactional(rollbackFor = Exception.class)
    public Result importFile(Path file, String fileName) throws IOException {
        List<RejectedRow> rejected = new ArrayList<>();
        int[] counts = new int[2];
        SpreadsheetReader.read(file, fileName, limits.syncMaxRows(), line -> {
            if (line.number() == 1 || line.blank()) return; // header
            try {
                String commune = SpreadsheetReader.text(line.cell(0), "Mã PX", 5);
                String name = SpreadsheetReader.text(line.cell(1), "Tên thôn/tổ dân phố", 200);
                String kind = SpreadsheetReader.text(line.cell(2), "Loại", 50);
                geography.addVillage(commune, name, kind);
                counts[0]++;
            } catch (InvalidInputException e) {
                if ("name".equals(e.errors().get(0).field()) && !line.cell(1).isBlank()) {
                    counts[1]++; // already there: importing twice changes nothing
                } else {
                    rejected.add(new RejectedRow(line.number(), e.errors().get(0).message()));
                }
            } catch (IllegalArgumentException e) {
                rejected.add(new RejectedRow(line.number(), e.getMessage()));
            }
        });
        return new Result(counts[0], counts[1], rejected);
    }
}
