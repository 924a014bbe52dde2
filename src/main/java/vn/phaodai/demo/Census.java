package vn.phaodai.demo;

/**
 * The shares a synthetic province is drawn from. Sources: Vietnam's 2019 Population and Housing Census
 * (age pyramid by five-year band, household sizes, average 3.5 persons) and the commonly cited
 * frequencies of family names (Nguyễn about 38 %, Trần 11 %, Lê 9.5 %, ...). Figures rounded.
 */
final class Census {

    /** Percent of the population in each five-year band 0–4, 5–9, ..., 75–79, then 80–94. */
    static final double[] AGE_BANDS = {8.1, 8.6, 7.6, 6.8, 7.0, 7.9, 8.3, 7.8, 7.2, 6.7, 6.1, 5.4, 4.4, 3.1, 1.9, 1.3, 1.8};

    /** Percent of households with 1, 2, ..., 7 members. */
    static final double[] HOUSEHOLD_SIZES = {11, 20, 21, 26, 12, 6, 4};

    static final String[] FAMILY_NAMES = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi",
            "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Trương", "Lương", "Cao", "Mai", "Đào", "Hà", "Lâm", "Tạ"};
    /** Percent of persons bearing each family name above. */
    static final double[] FAMILY_SHARES = {38.4, 11.0, 9.5, 7.0, 4.1, 1.0, 4.5, 2.0, 1.9, 2.1, 2.0, 1.4, 1.3, 1.3, 1.0, 0.5,
            2.2, 2.0, 1.6, 1.5, 1.2, 1.0, 1.0, 0.9, 0.6};

    static final String[] MIDDLE_MALE = {"Văn", "Văn", "Văn", "Đức", "Minh", "Quốc", "Hữu", "Công", "Thanh", "Xuân", "Đình", "Ngọc",
            "Quang", "Trọng", "Bá", "Duy"};
    static final String[] MIDDLE_FEMALE = {"Thị", "Thị", "Thị", "Thị", "Ngọc", "Thu", "Minh", "Thanh", "Kim", "Hồng", "Phương",
            "Thùy", "Mỹ", "Bích"};
    static final String[] GIVEN_MALE = {"An", "Bình", "Cường", "Dũng", "Duy", "Đạt", "Đức", "Giang", "Hải", "Hiếu", "Hoàng", "Hùng",
            "Huy", "Khánh", "Khoa", "Kiên", "Lâm", "Long", "Lộc", "Minh", "Nam", "Nghĩa", "Phong", "Phúc", "Quang", "Quân",
            "Sơn", "Tài", "Thắng", "Thành", "Thịnh", "Tiến", "Toàn", "Trung", "Tuấn", "Tùng", "Việt", "Vinh", "Vũ", "Hưng"};
    static final String[] GIVEN_FEMALE = {"Anh", "Châu", "Chi", "Dung", "Diệp", "Giang", "Hà", "Hạnh", "Hằng", "Hiền", "Hoa", "Huệ",
            "Hương", "Lan", "Liên", "Linh", "Loan", "Mai", "My", "Nga", "Ngân", "Ngọc", "Nhung", "Oanh", "Phương", "Quỳnh",
            "Sen", "Tâm", "Thảo", "Thu", "Thủy", "Trang", "Trinh", "Tuyết", "Uyên", "Vân", "Xuân", "Yến", "Hồng", "Lệ"};

    static final String[] COMORBIDITIES = {"HYPERTENSION", "HYPERTENSION", "HYPERTENSION", "DIABETES", "DIABETES", "CARDIOVASCULAR",
            "CHRONIC_LUNG", "CHRONIC_KIDNEY", "CHRONIC_LIVER", "CANCER", "OBESITY", "CEREBROVASCULAR"};

    /** Names of industrial parks for the larger enterprises. */
    static final String[] INDUSTRIAL_PARKS = {"KCN Vũng Áng", "KCN Gia Lách", "KCN Hạ Vàng", "KCN Đại Kim", "KCN Bắc Thạch Hà"};

    private Census() {
    }
}
