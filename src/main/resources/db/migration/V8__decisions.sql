-- The home-care guidance a decision cites and the minimum isolation it states, by the date of confirmation.
-- Figures marked [check] in RULES.md: editable data, never constants in code.
create table home_care_rule (
    id             bigint generated always as identity primary key,
    valid_from     date    not null,
    valid_to       date,
    -- Printed after "Căn cứ" in the decision.
    document       text    not null,
    isolation_days integer not null check (isolation_days > 0),
    note           text,
    check (valid_to is null or valid_to >= valid_from)
);
insert into home_care_rule (valid_from, valid_to, document, isolation_days, note) values
    ('2021-08-21', '2021-12-25',
     'Quyết định số 4038/QĐ-BYT ngày 21 tháng 8 năm 2021 của Bộ trưởng Bộ Y tế ban hành Hướng dẫn tạm thời về quản lý người nhiễm COVID-19 tại nhà',
     14, 'Cách ly, điều trị tại nhà ít nhất 14 ngày [check]'),
    ('2021-12-26', '2022-01-30',
     'Quyết định số 4038/QĐ-BYT ngày 21 tháng 8 năm 2021 của Bộ trưởng Bộ Y tế ban hành Hướng dẫn tạm thời về quản lý người nhiễm COVID-19 tại nhà',
     10, 'Cuối tháng 12/2021: 10 ngày và xét nghiệm nhanh âm tính [check]'),
    ('2022-01-31', '2022-02-20',
     'Quyết định số 261/QĐ-BYT ngày 31 tháng 01 năm 2022 của Bộ trưởng Bộ Y tế ban hành Hướng dẫn quản lý tại nhà đối với người mắc COVID-19',
     10, '10 ngày và xét nghiệm nhanh âm tính [check]'),
    ('2022-02-21', null,
     'Quyết định số 261/QĐ-BYT ngày 31 tháng 01 năm 2022 của Bộ trưởng Bộ Y tế ban hành Hướng dẫn quản lý tại nhà đối với người mắc COVID-19',
     7, 'Từ khoảng 21/02/2022: 7 ngày và xét nghiệm nhanh âm tính, nếu không thì kéo dài (10 ngày nếu tiêm đủ liều, 14 nếu chưa) [check]');
