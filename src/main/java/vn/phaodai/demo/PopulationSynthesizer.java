package vn.phaodai.demo;

import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Writes a province's residents, household by household, as a person import file (the registry's own
 * layout), so that they are loaded through the same import that users use. Deterministic for a seed:
 * ages are counted on a fixed reference date, not today.
 */
public final class PopulationSynthesizer {

    /** A commune and the names of its villages. */
    record Place(String communeCode, List<String> villages) {
    }

    /** An enterprise by tax code, and how many workers it draws. */
    record Employer(String taxCode, int workers) {
    }

    /** What was written, for the generator's own checks. */
    public record Stats(int persons, int households, int[] ageBands, Map<String, Integer> familyNames, int[] householdSizes,
                 int employed, int withComorbidity, int pregnant) {
    }

    static final String HEADER = "Họ và tên,Giới tính,Ngày sinh,Năm sinh,Số CCCD/CMND,Điện thoại,Mã xã,Thôn/Tổ dân phố,Địa chỉ,"
            + "Mã hộ,Quan hệ với chủ hộ,Nghề nghiệp,Mã số thuế nơi làm việc,Có thai,Bệnh nền\n";

    private final SplittableRandom random;
    private final LocalDate reference;
    private final List<Place> places;
    private final List<Employer> employers;
    private final int[] employerCumulative;
    private final List<String> birthProvinces;
    private final Map<String, Integer> serials = new HashMap<>();
    private final java.util.Set<Long> identities = new java.util.HashSet<>();

    /**
     * @param birthProvinces CCCD province codes (2 digits) people were registered in, mostly the province's own;
     *                       empty for the demo province, whose residents get numbers that no citizen holds
     */
    PopulationSynthesizer(long seed, LocalDate reference, List<Place> places, List<Employer> employers, List<String> birthProvinces) {
        this.random = new SplittableRandom(seed);
        this.reference = reference;
        this.places = places;
        this.employers = employers;
        this.employerCumulative = new int[employers.size()];
        int sum = 0;
        for (int i = 0; i < employers.size(); i++) employerCumulative[i] = sum += employers.get(i).workers();
        this.birthProvinces = birthProvinces;
    }

    Stats write(int persons, Writer out) throws IOException {
        out.write(HEADER);
        int[] ageBands = new int[Census.AGE_BANDS.length];
        int[] sizes = new int[Census.HOUSEHOLD_SIZES.length];
        Map<String, Integer> families = new HashMap<>();
        int written = 0, households = 0, employed = 0, comorbid = 0, pregnant = 0;
        StringBuilder line = new StringBuilder(256);
        while (written < persons) {
            int size = Math.min(persons - written, 1 + pick(Census.HOUSEHOLD_SIZES));
            households++;
            sizes[size - 1]++;
            Place place = places.get(random.nextInt(places.size()));
            String village = place.villages().isEmpty() ? "" : place.villages().get(random.nextInt(place.villages().size()));
            String key = "HGD-" + households;
            List<Member> members = members(size);
            Member head = members.get(0);
            for (Member m : members) {
                families.merge(m.family, 1, Integer::sum);
                ageBands[Math.min(m.age / 5, ageBands.length - 1)]++;
                String employer = "";
                String occupation = occupation(m);
                if (m.age >= 18 && m.age < 60 && !employers.isEmpty() && random.nextInt(100) < 35) {
                    employer = employer();
                    occupation = "Công nhân";
                    employed++;
                }
                String comorbidity = comorbidity(m.age);
                if (!comorbidity.isEmpty()) comorbid++;
                boolean isPregnant = !m.male && m.age >= 18 && m.age <= 44 && random.nextInt(100) < 4;
                if (isPregnant) pregnant++;
                LocalDate born = reference.minusYears(m.age).minusDays(random.nextInt(365));
                // Two residents of a commune with the same name and birth date are one person to the registry.
                while (!identities.add(((long) (place.communeCode() + m.family + m.middle + m.given).hashCode() << 20) ^ born.toEpochDay())) {
                    m.given = pick(m.male ? Census.GIVEN_MALE : Census.GIVEN_FEMALE);
                }
                line.setLength(0);
                line.append(m.family).append(' ').append(m.middle).append(' ').append(m.given).append(',')
                        .append(m.male ? "Nam" : "Nữ").append(',')
                        .append(String.format("%02d/%02d/%d", born.getDayOfMonth(), born.getMonthValue(), born.getYear())).append(",,")
                        .append(nationalId(m, born.getYear())).append(',')
                        .append(m.age >= 15 && random.nextInt(100) < 92 ? phone() : "").append(',')
                        .append(place.communeCode()).append(',').append(csv(village)).append(',')
                        .append(village.isEmpty() ? "" : csv("Số " + (1 + households % 300) + " " + village)).append(',')
                        .append(key).append(',').append(relation(m, head)).append(',')
                        .append(occupation).append(',').append(employer).append(',')
                        .append(isPregnant ? "x" : "").append(',').append(comorbidity).append('\n');
                out.write(line.toString());
                written++;
            }
        }
        return new Stats(written, households, ageBands, families, sizes, employed, comorbid, pregnant);
    }

    /** A person of a household before it is written. */
    private static final class Member {
        final int age;
        final boolean male;
        boolean spouse;
        String family, middle, given;

        Member(int age, boolean male) {
            this.age = age;
            this.male = male;
        }
    }

    /**
     * Members drawn from the national age pyramid: the oldest adult under 75 heads the household (an
     * elderly parent often lives with a child's family), an adult of the other sex near the head's age is
     * the spouse, children carry the father's family name, siblings the head's.
     */
    private List<Member> members(int size) {
        List<Member> members = new ArrayList<>(size);
        for (int i = 0; i < size; i++) members.add(new Member(age(), random.nextBoolean()));
        if (members.stream().noneMatch(m -> m.age >= 18)) members.set(0, new Member(adultAge(), random.nextBoolean()));
        members.sort((a, b) -> Integer.compare(b.age, a.age));
        Member head = members.stream().filter(m -> m.age >= 18 && m.age < 75).findFirst().orElse(members.get(0));
        members.remove(head);
        members.add(0, head);
        Member spouse = members.stream().filter(m -> m != head && m.male != head.male && m.age >= 18
                && Math.abs(m.age - head.age) <= 12).findFirst().orElse(null);
        head.family = family();
        if (spouse != null) {
            spouse.spouse = true;
            spouse.family = family();
        }
        String fathers = head.male || spouse == null ? head.family : spouse.family;
        for (Member m : members) {
            if (m.family == null) m.family = m.age <= head.age - 15 ? fathers : Math.abs(m.age - head.age) <= 12 ? head.family : family();
            m.middle = pick(m.male ? Census.MIDDLE_MALE : Census.MIDDLE_FEMALE);
            m.given = pick(m.male ? Census.GIVEN_MALE : Census.GIVEN_FEMALE);
        }
        return members;
    }

    private static String relation(Member m, Member head) {
        if (m == head) return "Chủ hộ";
        if (m.spouse) return "Vợ/Chồng";
        if (m.age <= head.age - 15) return m.age <= head.age - 40 ? "Cháu" : "Con";
        if (m.age >= head.age + 15) return "Bố/Mẹ";
        return Math.abs(m.age - head.age) <= 12 ? "Anh/Chị/Em" : "Khác";
    }

    private int age() {
        int band = pick(Census.AGE_BANDS);
        int width = band == Census.AGE_BANDS.length - 1 ? 15 : 5;
        return band * 5 + random.nextInt(width);
    }

    private int adultAge() {
        int a;
        do a = age(); while (a < 20 || a > 70);
        return a;
    }

    private String family() {
        return Census.FAMILY_NAMES[pick(Census.FAMILY_SHARES)];
    }

    private String occupation(Member m) {
        if (m.age < 6) return "";
        if (m.age < 18) return "Học sinh";
        if (m.age >= 60) return "Hưu trí";
        return switch (random.nextInt(5)) {
            case 0, 1 -> "Nông dân";
            case 2 -> "Buôn bán";
            case 3 -> "Lao động tự do";
            default -> "Ngư dân";
        };
    }

    /** Workers go to enterprises in proportion to their size. */
    private String employer() {
        int x = random.nextInt(employerCumulative[employerCumulative.length - 1]);
        int i = Arrays.binarySearch(employerCumulative, x + 1);
        return employers.get(i >= 0 ? i : -i - 1).taxCode();
    }

    private String comorbidity(int age) {
        int percent = age < 40 ? 2 : age < 60 ? 10 : 30;
        return random.nextInt(100) < percent ? pick(Census.COMORBIDITIES) : "";
    }

    /**
     * A personal identification number (CCCD) for everyone aged 6 and more on the reference date (and for
     * most younger children): the 3-digit birth-registration province, century and sex, year, serial.
     */
    private String nationalId(Member m, int birthYear) {
        if (m.age < 6 && random.nextInt(100) >= 60) return "";
        if (birthProvinces.isEmpty()) {
            // The demo province: 9-digit numbers under the prefix 99, which no province uses, never a real citizen's.
            return "99" + String.format("%07d", serials.merge("demo", 1, Integer::sum));
        }
        String province = birthProvinces.get(random.nextInt(100) < 90 ? 0 : random.nextInt(birthProvinces.size()));
        int centurySex = (birthYear >= 2000 ? 2 : 0) + (m.male ? 0 : 1);
        String prefix = "0" + province + centurySex + String.format("%02d", birthYear % 100);
        int serial = serials.merge(prefix, 1, Integer::sum);
        return prefix + String.format("%06d", serial);
    }

    /** A field as CSV: village names come from the database and may hold a comma or a quote. */
    private static String csv(String value) {
        return value.indexOf(',') < 0 && value.indexOf('"') < 0 ? value : '"' + value.replace("\"", "\"\"") + '"';
    }

    private String phone() {
        String[] prefixes = {"09", "03", "08", "07", "05"};
        return prefixes[random.nextInt(prefixes.length)] + String.format("%08d", random.nextInt(100_000_000));
    }

    private int pick(double[] weights) {
        double total = 0;
        for (double w : weights) total += w;
        double x = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            x -= weights[i];
            if (x < 0) return i;
        }
        return weights.length - 1;
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }
}
