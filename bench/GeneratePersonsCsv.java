import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes a person import file (the documented layout) for one province, for the import benchmark:
 * households of 1–7 persons with a head, Vietnamese names by the frequency of family names, ages
 * spread like Vietnam's pyramid, CCCD numbers consistent with sex and birth year, mobile phones.
 *
 * <p>Run without a build: {@code java bench/GeneratePersonsCsv.java PERSONS PROVINCE_CODE GSO_CSV OUT [SEED]}.
 * The full synthetic province (villages, workplaces, an outbreak) is the generator's own issue.
 */
public class GeneratePersonsCsv {

    static final String[] FAMILY = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi",
            "Đỗ", "Hồ", "Ngô", "Dương", "Lý"};
    /** Shares (per mille) of the family names above: Nguyễn about 38 %, Trần 11 %, Lê 9.5 %, ... */
    static final int[] FAMILY_SHARE = {380, 110, 95, 70, 41, 20, 45, 20, 19, 21, 20, 14, 13, 13, 10, 5};
    static final String[] MIDDLE_M = {"Văn", "Đức", "Minh", "Quốc", "Hữu", "Công", "Thanh", "Xuân", "Đình", "Ngọc"};
    static final String[] MIDDLE_F = {"Thị", "Thị", "Thị", "Ngọc", "Thu", "Minh", "Thanh", "Kim", "Hồng", "Phương"};
    static final String[] GIVEN_M = {"An", "Bình", "Cường", "Dũng", "Hùng", "Hải", "Hiếu", "Huy", "Khánh", "Long", "Minh",
            "Nam", "Phong", "Phúc", "Quang", "Sơn", "Thắng", "Thành", "Trung", "Tuấn", "Việt", "Vinh", "Đạt", "Hoàng"};
    static final String[] GIVEN_F = {"Anh", "Chi", "Dung", "Giang", "Hà", "Hạnh", "Hoa", "Hương", "Lan", "Linh", "Mai",
            "Ngọc", "Nhung", "Oanh", "Phương", "Quỳnh", "Thảo", "Thu", "Trang", "Tuyết", "Vân", "Yến", "Hằng", "Loan"};

    public static void main(String[] args) throws IOException {
        int persons = Integer.parseInt(args[0]);
        String province = args[1];
        Path gso = Path.of(args[2]);
        Path out = Path.of(args[3]);
        Random random = new Random(args.length > 4 ? Long.parseLong(args[4]) : 42);
        List<String> communes = new ArrayList<>();
        for (String line : Files.readAllLines(gso, StandardCharsets.UTF_8)) {
            String[] f = line.split(",", -1);
            if (f.length > 5 && f[1].equals(province) && !f[5].isEmpty()) communes.add(f[5]);
        }
        if (communes.isEmpty()) throw new IllegalArgumentException("No commune of province " + province + " in " + gso);
        int serial = 0;
        int year = java.time.Year.now().getValue();
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            w.write("Họ và tên,Giới tính,Ngày sinh,Năm sinh,Số CCCD/CMND,Điện thoại,Mã xã,Thôn/Tổ dân phố,Địa chỉ,Mã hộ,"
                    + "Quan hệ với chủ hộ,Nghề nghiệp,Mã số thuế nơi làm việc,Có thai,Bệnh nền\n");
            int written = 0, household = 0;
            while (written < persons) {
                household++;
                String commune = communes.get(random.nextInt(communes.size()));
                String family = family(random);
                int size = Math.min(persons - written, 1 + random.nextInt(4) + random.nextInt(4) / 2);
                for (int m = 0; m < size; m++, written++) {
                    boolean male = m == 0 ? random.nextInt(100) < 70 : random.nextBoolean();
                    int age = m == 0 ? 25 + random.nextInt(55) : m == 1 ? 20 + random.nextInt(55) : pyramidAge(random);
                    int born = year - age;
                    String relation = m == 0 ? "Chủ hộ" : m == 1 ? "Vợ/Chồng" : age < 40 ? "Con" : "Bố/Mẹ";
                    String name = (m == 1 ? family(random) : family) + " " + pick(random, male ? MIDDLE_M : MIDDLE_F) + " "
                            + pick(random, male ? GIVEN_M : GIVEN_F);
                    String dob = String.format("%02d/%02d/%d", 1 + random.nextInt(28), 1 + random.nextInt(12), born);
                    String cccd = age >= 14 ? String.format("0%s%d%02d%06d", province, (born >= 2000 ? 2 : 0) + (male ? 0 : 1),
                            born % 100, serial++ % 1_000_000) : "";
                    String phone = age >= 16 ? "09" + String.format("%08d", random.nextInt(100_000_000)) : "";
                    boolean pregnant = !male && age >= 20 && age <= 40 && random.nextInt(100) < 3;
                    String comorbidity = age > 50 && random.nextInt(100) < 8 ? "HYPERTENSION" : "";
                    w.write(String.join(",", name, male ? "Nam" : "Nữ", dob, "", cccd, phone, commune, "",
                            "Xóm " + (1 + household % 12), "H" + household, relation, "", "", pregnant ? "x" : "", comorbidity));
                    w.write('\n');
                }
            }
        }
    }

    static String family(Random r) {
        int x = r.nextInt(896);
        for (int i = 0; i < FAMILY.length; i++) {
            x -= FAMILY_SHARE[i];
            if (x < 0) return FAMILY[i];
        }
        return FAMILY[0];
    }

    /** Ages of children and others in a household, skewed young like the 2019 census pyramid. */
    static int pyramidAge(Random r) {
        int band = r.nextInt(100);
        if (band < 45) return r.nextInt(15);
        if (band < 75) return 15 + r.nextInt(25);
        if (band < 92) return 40 + r.nextInt(25);
        return 65 + r.nextInt(30);
    }

    static String pick(Random r, String[] values) {
        return values[r.nextInt(values.length)];
    }
}
