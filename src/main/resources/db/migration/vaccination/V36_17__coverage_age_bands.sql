-- Coverage (issue 15 §5): the age bands coverage is counted in, as effective-dated rows citing why each is counted,
-- so a band the Ministry adds (a new age group opened to vaccination) is a row, not a constant in the code. Bands
-- overlap (12+ holds 12–17 and 18+): each is a count of its own. Age is in whole years on the day counted.
create table coverage_age_band (
    code        text     not null,
    name        text     not null,                 -- Vietnamese, as the page shows it
    name_en     text     not null,
    min_age     smallint not null check (min_age >= 0),
    max_age     smallint check (max_age is null or max_age >= min_age), -- null: no upper bound
    rank        smallint not null,                 -- order on the page
    valid_from  date     not null,
    valid_to    date,                              -- first day no longer counted; null: still counted
    document    text     not null,                 -- why the band is counted
    primary key (code, valid_from),
    check (valid_to is null or valid_to > valid_from)
);
insert into coverage_age_band (code, name, name_en, min_age, max_age, rank, valid_from, document) values
    ('ALL', 'Mọi lứa tuổi', 'All ages', 0, null, 10, '2021-03-08', 'Toàn bộ dân số đang cư trú (mẫu số của sổ dân cư)'),
    ('AGE_5_11', 'Trẻ 5–11 tuổi', 'Children 5–11', 5, 11, 20, '2022-04-14', 'Bộ Y tế: tiêm vắc xin cho trẻ 5 đến dưới 12 tuổi từ 14/04/2022'),
    ('AGE_12_17', 'Trẻ 12–17 tuổi', 'Children 12–17', 12, 17, 30, '2021-10-01', 'Bộ Y tế: tiêm vắc xin cho trẻ 12–17 tuổi từ tháng 10/2021'),
    ('AGE_12_PLUS', 'Từ 12 tuổi trở lên', '12 and over', 12, null, 40, '2021-10-01', 'Tiêm vắc xin cho 100% dân số từ 12 tuổi trở lên (chỉ đạo của tỉnh, tài liệu 003)'),
    ('AGE_18_PLUS', 'Từ 18 tuổi trở lên', '18 and over', 18, null, 50, '2021-03-08', 'Nghị quyết 21/NQ-CP: tiêm vắc xin cho người từ 18 tuổi trở lên'),
    ('AGE_50_PLUS', 'Từ 50 tuổi trở lên', '50 and over', 50, null, 60, '2021-03-08', 'Bộ Y tế: ưu tiên người cao tuổi, người có bệnh nền'),
    ('AGE_65_PLUS', 'Từ 65 tuổi trở lên', '65 and over', 65, null, 70, '2021-03-08', 'Nghị quyết 21/NQ-CP: người trên 65 tuổi thuộc nhóm ưu tiên');

-- The coverage query reads, per person, the kinds of the doses given by a day and the product of the first: a covering
-- index answers it from the index alone (the table's rows hold lots, vaccinators and notes besides).
create index vaccine_dose_coverage on vaccine_dose (person_id) include (given_on, dose_kind, product_code);
