package vn.phaodai.geography;

import org.springframework.stereotype.Service;
import vn.phaodai.geography.ImportSummary.RejectedRow;
import vn.phaodai.shared.InvalidInputException;
import vn.phaodai.shared.SpreadsheetReader;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Villages from a small file (Mã PX, Tên, Loại), one row each; a village already there is skipped. */
@Service
class VillageImporter {

    record Result(int created, int skipped, List<RejectedRow> rejected) {
    }

    private final Geography geography;

    VillageImporter(Geography geography) {
        this.geography = geography;
    }

    Result importFile(Path file, String fileName) throws IOException {
        List<RejectedRow> rejected = new ArrayList<>();
        int[] counts = new int[2];
        SpreadsheetReader.read(file, fileName, line -> {
            if (line.number() == 1 || line.blank()) return; // header
            try {
                geography.addVillage(line.cell(0), line.cell(1), line.cell(2));
                counts[0]++;
            } catch (InvalidInputException e) {
                if ("name".equals(e.errors().get(0).field()) && !line.cell(1).isBlank()) {
                    counts[1]++; // already there: importing twice changes nothing
                } else {
                    rejected.add(new RejectedRow(line.number(), e.errors().get(0).message()));
                }
            }
        });
        return new Result(counts[0], counts[1], rejected);
    }
}
