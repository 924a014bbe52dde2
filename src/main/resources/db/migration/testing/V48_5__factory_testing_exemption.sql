-- Who factory testing exempts (8228/BYT-MT, 30/9/2021): workers fully vaccinated (vaccination's definition for
-- FACTORY_TESTING, read through fully_vaccinated) or recovered from COVID-19 within the days below. The share to
-- test is taken of the workers not exempt. Effective-dated rows, each citing its document.
create table factory_testing_exemption (
    id                    bigint generated always as identity primary key,
    valid_from            date    not null,
    valid_to              date,
    vaccinated_exempt     boolean not null,
    recovered_within_days integer check (recovered_within_days > 0), -- null: recovery exempts nobody
    document              text    not null,
    check (valid_to is null or valid_to >= valid_from)
);
insert into factory_testing_exemption (valid_from, valid_to, vaccinated_exempt, recovered_within_days, document) values
    ('2021-09-30', null, true, 180, '8228/BYT-MT (30/9/2021): người đã tiêm đủ liều hoặc đã khỏi bệnh trong vòng 6 tháng được miễn xét nghiệm định kỳ [check: 6 tháng tính là 180 ngày]');
