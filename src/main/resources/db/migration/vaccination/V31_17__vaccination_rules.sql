-- Vaccination rules (issue 15 §3): effective-dated rows, each citing its document. A dose that breaks one is kept
-- only with a reason (vaccine_dose.broken_rules, override_reason). Figures marked [check] are to be confirmed against
-- the document: the provincial health department corrects the rows, never the code.

-- The interval between two primary doses, by the product of the earlier dose: dose_number is the dose being given.
create table vaccine_interval_rule (
    id           bigint generated always as identity primary key,
    product_code text     not null references vaccine_product,
    dose_number  smallint not null check (dose_number between 2 and 3),
    min_days     integer  not null check (min_days >= 0),
    max_days     integer  check (max_days is null or max_days >= min_days),
    valid_from   date     not null,
    valid_to     date     check (valid_to is null or valid_to >= valid_from),
    document     text     not null,
    note         text
);
create index vaccine_interval_rule_lookup on vaccine_interval_rule (product_code, dose_number, valid_from);
insert into vaccine_interval_rule (product_code, dose_number, min_days, max_days, valid_from, document, note) values
    ('ASTRAZENECA', 2, 56, 84, '2021-03-01', 'Hướng dẫn tiêm vắc xin AstraZeneca của Bộ Y tế (3/2021) [check]', 'Mũi 2 cách mũi 1 từ 8 đến 12 tuần'),
    ('COMIRNATY_30', 2, 21, null, '2021-03-01', 'Hướng dẫn sử dụng vắc xin Comirnaty của Bộ Y tế (7/2021) [check]', 'Mũi 2 cách mũi 1 ít nhất 3 tuần'),
    ('COMIRNATY_10', 2, 28, null, '2022-04-14', 'Hướng dẫn tiêm vắc xin cho trẻ 5–11 tuổi (4/2022) [check]', 'Trẻ 5–11 tuổi: hai mũi cách nhau 4 tuần'),
    ('SPIKEVAX', 2, 28, null, '2021-03-01', 'Hướng dẫn sử dụng vắc xin Spikevax của Bộ Y tế (7/2021) [check]', 'Mũi 2 cách mũi 1 ít nhất 4 tuần'),
    ('VERO_CELL', 2, 21, 28, '2021-03-01', 'Hướng dẫn sử dụng vắc xin Vero Cell của Bộ Y tế (6/2021) [check]', 'Mũi 2 cách mũi 1 từ 3 đến 4 tuần'),
    ('SPUTNIK_V', 2, 21, null, '2021-03-01', 'Hướng dẫn sử dụng vắc xin Sputnik V của Bộ Y tế (2021) [check]', 'Mũi 2 (thành phần 2) cách mũi 1 ít nhất 3 tuần'),
    ('ABDALA', 2, 14, null, '2021-03-01', 'Hướng dẫn sử dụng vắc xin Abdala của Bộ Y tế (9/2021) [check]', 'Lịch 0 – 14 – 28 ngày'),
    ('ABDALA', 3, 14, null, '2021-03-01', 'Hướng dẫn sử dụng vắc xin Abdala của Bộ Y tế (9/2021) [check]', 'Lịch 0 – 14 – 28 ngày'),
    ('HAYAT_VAX', 2, 21, null, '2021-03-01', 'Hướng dẫn sử dụng vắc xin Hayat-Vax của Bộ Y tế (2021) [check]', 'Mũi 2 cách mũi 1 ít nhất 3 tuần'),
    ('COVAXIN', 2, 28, null, '2021-03-01', 'Hướng dẫn sử dụng vắc xin Covaxin của Bộ Y tế (2021) [check]', 'Mũi 2 cách mũi 1 ít nhất 4 tuần');

-- A primary dose of another product than the dose before it: allowed only by a row in force on the day given.
create table vaccine_mix_rule (
    id              bigint generated always as identity primary key,
    earlier_product text not null references vaccine_product,
    later_product   text not null references vaccine_product,
    valid_from      date not null,
    valid_to        date check (valid_to is null or valid_to >= valid_from),
    document        text not null,
    note            text,
    check (earlier_product <> later_product)
);
insert into vaccine_mix_rule (earlier_product, later_product, valid_from, document, note) values
    ('ASTRAZENECA', 'COMIRNATY_30', '2021-09-01', 'Hướng dẫn tiêm trộn vắc xin của Bộ Y tế (9/2021) [check]', 'Mũi 1 AstraZeneca, mũi 2 Pfizer'),
    ('ASTRAZENECA', 'SPIKEVAX', '2021-09-01', 'Hướng dẫn tiêm trộn vắc xin của Bộ Y tế (9/2021) [check]', 'Mũi 1 AstraZeneca, mũi 2 Moderna'),
    ('SPIKEVAX', 'COMIRNATY_30', '2021-09-01', 'Hướng dẫn tiêm trộn vắc xin của Bộ Y tế (9/2021) [check]', 'Moderna và Pfizer thay thế cho nhau'),
    ('COMIRNATY_30', 'SPIKEVAX', '2021-09-01', 'Hướng dẫn tiêm trộn vắc xin của Bộ Y tế (9/2021) [check]', 'Moderna và Pfizer thay thế cho nhau');

-- Who may receive a product by age on the day given (min_age <= age < max_age), from when.
create table vaccine_age_rule (
    id               bigint generated always as identity primary key,
    product_code     text     not null references vaccine_product,
    min_age          smallint not null check (min_age >= 0),
    max_age          smallint check (max_age is null or max_age > min_age),
    parental_consent boolean  not null default false,
    valid_from       date     not null,
    valid_to         date     check (valid_to is null or valid_to >= valid_from),
    document         text     not null,
    note             text
);
create index vaccine_age_rule_lookup on vaccine_age_rule (product_code, valid_from);
insert into vaccine_age_rule (product_code, min_age, max_age, parental_consent, valid_from, document, note)
select code, 18, null, false, date '2021-03-08', 'Kế hoạch triển khai tiêm vắc xin phòng COVID-19 (1467/QĐ-BYT, 5/3/2021) [check]', 'Người từ 18 tuổi'
from vaccine_product where code <> 'COMIRNATY_10';
insert into vaccine_age_rule (product_code, min_age, max_age, parental_consent, valid_from, document, note) values
    ('COMIRNATY_30', 12, 18, true, '2021-10-01', 'Hướng dẫn tiêm vắc xin cho trẻ 12–17 tuổi của Bộ Y tế (10/2021) [check]', 'Trẻ 12–17 tuổi: Pfizer 30 µg, có sự đồng ý của cha mẹ hoặc người giám hộ'),
    ('COMIRNATY_10', 5, 12, true, '2022-04-14', 'Hướng dẫn tiêm vắc xin cho trẻ 5–11 tuổi của Bộ Y tế (4/2022) [check]', 'Trẻ 5–11 tuổi: Pfizer 10 µg, có sự đồng ý của cha mẹ'),
    ('SPIKEVAX', 5, 12, true, '2022-04-14', 'Hướng dẫn tiêm vắc xin cho trẻ 5–11 tuổi của Bộ Y tế (4/2022) [check]', 'Trẻ 5–11 tuổi: Moderna (nửa liều), có sự đồng ý của cha mẹ');

-- When a dose may follow what came before it, by the kind of the dose:
--   ADDITIONAL after the primary course (PRIMARY_COMPLETE), BOOSTER_1 after the primary course or the additional dose
--   (PRIMARY_OR_ADDITIONAL), BOOSTER_2 after booster 1 (BOOSTER_1); ANY dose after an infection (INFECTION: the
--   confirmation date of the person's case). No row in force on the day given: that kind of dose is not yet allowed.
create table vaccine_timing_rule (
    id         bigint generated always as identity primary key,
    dose_kind  text    not null check (dose_kind in ('ADDITIONAL', 'BOOSTER_1', 'BOOSTER_2', 'ANY')),
    after      text    not null check (after in ('PRIMARY_COMPLETE', 'PRIMARY_OR_ADDITIONAL', 'BOOSTER_1', 'INFECTION')),
    min_days   integer not null check (min_days >= 0),
    max_days   integer check (max_days is null or max_days >= min_days),
    valid_from date    not null,
    valid_to   date    check (valid_to is null or valid_to >= valid_from),
    document   text    not null,
    note       text
);
insert into vaccine_timing_rule (dose_kind, after, min_days, max_days, valid_from, document, note) values
    ('ADDITIONAL', 'PRIMARY_COMPLETE', 28, 90, '2021-11-30', '10225/BYT-DP (30/11/2021) [check]', 'Mũi bổ sung: từ 28 ngày đến 3 tháng sau mũi cuối của liều cơ bản'),
    ('BOOSTER_1', 'PRIMARY_OR_ADDITIONAL', 90, null, '2021-12-17', '10722/BYT-DP (17/12/2021)', 'Mũi nhắc lại: ít nhất 3 tháng sau liều cơ bản hoặc mũi bổ sung'),
    ('BOOSTER_2', 'BOOSTER_1', 120, null, '2022-05-18', '2488/BYT-DP (18/5/2022) [check]', 'Mũi nhắc lại lần 2: ít nhất 4 tháng sau mũi nhắc lại lần 1'),
    ('ANY', 'INFECTION', 90, null, '2021-07-26', 'Hướng dẫn khám sàng lọc trước tiêm chủng (3588/QĐ-BYT, 26/7/2021) [check]', 'Người đã mắc COVID-19: tiêm sau 3 tháng kể từ ngày khẳng định mắc');

-- What "fully vaccinated" means to a rule that asks, by purpose and date. The rows of one purpose in force on a day
-- are alternatives: any one satisfied is enough.
--   PRIMARY_COMPLETE: the primary course is complete and the last dose given since (the course's last, an additional
--     dose or a booster) is min_days to max_days before the day;
--   DOSES: at least min_doses doses, the min_doses-th given at least min_days before the day.
create table vaccination_definition (
    id         bigint generated always as identity primary key,
    purpose    text     not null check (purpose in ('QUARANTINE', 'HOME_CARE', 'FACTORY_TESTING')),
    kind       text     not null check (kind in ('PRIMARY_COMPLETE', 'DOSES')),
    min_doses  smallint check (min_doses is null or min_doses >= 1),
    min_days   integer  not null default 0 check (min_days >= 0),
    max_days   integer  check (max_days is null or max_days >= min_days),
    valid_from date     not null,
    valid_to   date     check (valid_to is null or valid_to >= valid_from),
    document   text     not null,
    note       text,
    check ((kind = 'DOSES') = (min_doses is not null))
);
create index vaccination_definition_lookup on vaccination_definition (purpose, valid_from);
insert into vaccination_definition (purpose, kind, min_doses, min_days, max_days, valid_from, valid_to, document, note) values
    ('QUARANTINE', 'PRIMARY_COMPLETE', null, 14, null, '2021-08-01', '2021-12-15', 'Hướng dẫn của Bộ Y tế (08/2021) [check]', 'Tiêm đủ liều, mũi cuối ít nhất 14 ngày'),
    ('QUARANTINE', 'PRIMARY_COMPLETE', null, 14, 180, '2021-12-16', '2022-02-20', '10696/BYT-MT (16/12/2021)', 'Tiêm đủ liều, mũi cuối từ 14 ngày đến 6 tháng [check: 6 tháng tính là 180 ngày]'),
    ('QUARANTINE', 'DOSES', 2, 0, null, '2022-02-21', null, 'Hướng dẫn của Bộ Y tế (21/02/2022) [check]', 'Tiêm từ 2 mũi trở lên'),
    ('HOME_CARE', 'PRIMARY_COMPLETE', null, 0, null, '2021-08-21', '2022-01-31', '4038/QĐ-BYT (21/8/2021)', 'Tiêm đủ liều'),
    ('HOME_CARE', 'DOSES', 1, 15, null, '2021-08-21', '2022-01-31', '4038/QĐ-BYT (21/8/2021)', 'Hoặc đã tiêm 1 mũi sau hơn 14 ngày'),
    ('HOME_CARE', 'DOSES', 2, 0, null, '2022-02-01', null, '261/QĐ-BYT (31/01/2022) [check]', 'Tiêm từ 2 mũi trở lên'),
    ('FACTORY_TESTING', 'PRIMARY_COMPLETE', null, 14, null, '2021-09-30', null, '8228/BYT-MT (30/9/2021) [check]', 'Người lao động tiêm đủ liều (mũi cuối ít nhất 14 ngày) được miễn xét nghiệm định kỳ');

-- The vaccination of every person who has a dose, on a day (the batch form of VaccinationStatuses, for lists:
-- join it on person_id, it is inlined). primary_complete_on: the day the primary course was complete (as many primary
-- doses as the product of the last one needs); last_dose_on: the last dose by that day; dose_dates: every dose's day.
create function vaccination_on(on_day date) returns table (
    person_id bigint, doses integer, primary_doses integer, primary_needed integer, primary_complete_on date,
    has_additional boolean, boosters integer, first_dose_on date, last_dose_on date, dose_dates date[])
language sql stable as $$
    select d.person_id, count(*)::int,
           count(*) filter (where d.dose_kind like 'PRIMARY%')::int,
           (array_agg(p.primary_doses order by d.dose_kind desc) filter (where d.dose_kind like 'PRIMARY%'))[1]::int,
           case when count(*) filter (where d.dose_kind like 'PRIMARY%')
                     >= (array_agg(p.primary_doses order by d.dose_kind desc) filter (where d.dose_kind like 'PRIMARY%'))[1]
                then max(d.given_on) filter (where d.dose_kind like 'PRIMARY%') end,
           bool_or(d.dose_kind = 'ADDITIONAL'),
           count(*) filter (where d.dose_kind like 'BOOSTER%')::int,
           min(d.given_on), max(d.given_on), array_agg(d.given_on order by d.given_on, d.dose_kind)
    from vaccine_dose d join vaccine_product p on p.code = d.product_code
    where d.given_on <= on_day
    group by d.person_id
$$;
