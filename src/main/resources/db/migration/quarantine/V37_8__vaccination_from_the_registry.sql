-- Issue 15 §4: whether an arriving or quarantined person is vaccinated comes from the registry of doses on the first
-- day, by quarantine's definition of that day (vaccination_definition), never from a box ticked at the checkpoint.
alter table quarantine_arrival drop column vaccinated;
comment on column quarantine_stay.vaccinated is
    'Fully vaccinated or recently recovered on the first day, derived at admission (registry of doses, the person''s '
    'case, quarantine_recovery_rule): the ground of the policy chosen, kept with the stay';

-- Recovered persons stand with the vaccinated in the quarantine policies, within a time of their recovery that
-- changed with the documents.
create table quarantine_recovery_rule (
    id              bigint generated always as identity primary key,
    within_days     integer not null check (within_days > 0),
    valid_from      date    not null,
    valid_to        date    check (valid_to is null or valid_to >= valid_from),
    document        text    not null,
    note            text
);
insert into quarantine_recovery_rule (within_days, valid_from, valid_to, document, note) values
    (180, '2021-08-01', '2021-12-15', 'Hướng dẫn cách ly người về từ vùng dịch (08/2021) [check]', 'Đã khỏi bệnh COVID-19 trong vòng 6 tháng'),
    (180, '2021-12-16', '2022-02-20', '10696/BYT-MT (16/12/2021)', 'Đã khỏi bệnh COVID-19 trong vòng 6 tháng'),
    (90, '2022-02-21', null, 'Hướng dẫn của Bộ Y tế (21/02/2022) [check]', 'Đã khỏi bệnh COVID-19 trong vòng 3 tháng');
