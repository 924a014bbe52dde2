-- The due list (issue 15 §6): the priority groups of 21/NQ-CP and 3355/QĐ-BYT recorded on persons, and the grace
-- after which an open-ended window (a first dose, a booster) counts as overdue.

-- The 16 groups in the order of the resolution: the rank is the order sessions invite in (1 first).
create table vaccination_priority_group (
    rank     integer primary key check (rank between 1 and 99),
    name_vi  text not null,
    name_en  text not null,
    document text not null
);
insert into vaccination_priority_group (rank, name_vi, name_en, document) values
    (1, 'Người làm việc trong các cơ sở y tế, ngành y tế (công lập và tư nhân)', 'Health workers (public and private)', '21/NQ-CP (26/02/2021); 3355/QĐ-BYT (08/7/2021) [check]'),
    (2, 'Người tham gia phòng, chống dịch (ban chỉ đạo, khu cách ly, truy vết, tổ COVID cộng đồng, tình nguyện viên, phóng viên)', 'Epidemic response workers (steering committees, quarantine, tracing, community teams, volunteers, reporters)', '21/NQ-CP (26/02/2021); 3355/QĐ-BYT (08/7/2021) [check]'),
    (3, 'Lực lượng Quân đội', 'The armed forces', '21/NQ-CP (26/02/2021); 3355/QĐ-BYT (08/7/2021) [check]'),
    (4, 'Lực lượng Công an', 'The police', '21/NQ-CP (26/02/2021); 3355/QĐ-BYT (08/7/2021) [check]'),
    (5, 'Cán bộ ngoại giao, người làm việc trong cơ quan ngoại giao, lãnh sự, tổ chức quốc tế tại Việt Nam', 'Diplomats and staff of diplomatic missions and international organisations', '21/NQ-CP (26/02/2021); 3355/QĐ-BYT (08/7/2021) [check]'),
    (6, 'Hải quan, cán bộ làm công tác xuất nhập cảnh', 'Customs and immigration officers', '21/NQ-CP (26/02/2021); 3355/QĐ-BYT (08/7/2021) [check]'),
    (7, 'Người cung cấp dịch vụ thiết yếu: hàng không, vận tải, du lịch, điện, nước', 'Essential services: aviation, transport, tourism, electricity, water', '21/NQ-CP (26/02/2021); 3355/QĐ-BYT (08/7/2021) [check]'),
    (8, 'Giáo viên, người làm việc, học sinh, sinh viên tại cơ sở giáo dục; người làm việc tại cơ quan hành chính thường xuyên tiếp xúc nhiều người', 'Teachers, school staff and students; public servants in frequent contact with the public', '21/NQ-CP (26/02/2021); 3355/QĐ-BYT (08/7/2021) [check]'),
    (9, 'Người mắc bệnh mạn tính, người trên 65 tuổi', 'People with chronic diseases, people over 65', '21/NQ-CP (26/02/2021); 3355/QĐ-BYT (08/7/2021) [check]'),
    (10, 'Người sinh sống tại vùng có dịch', 'People living in outbreak areas', '21/NQ-CP (26/02/2021); 3355/QĐ-BYT (08/7/2021) [check]'),
    (11, 'Người nghèo, đối tượng chính sách xã hội', 'The poor and social-policy beneficiaries', '21/NQ-CP (26/02/2021); 3355/QĐ-BYT (08/7/2021) [check]'),
    (12, 'Người được cử đi công tác, học tập, lao động ở nước ngoài; chuyên gia nước ngoài làm việc tại Việt Nam', 'People sent to work or study abroad; foreign experts working in Viet Nam', '21/NQ-CP (26/02/2021); 3355/QĐ-BYT (08/7/2021) [check]'),
    (13, 'Người lao động và thân nhân người lao động tại các doanh nghiệp, khu công nghiệp, khu chế xuất', 'Workers of enterprises and industrial zones, and their families', '21/NQ-CP (26/02/2021); 3355/QĐ-BYT (08/7/2021) [check]'),
    (14, 'Chức sắc, chức việc các tôn giáo', 'Religious dignitaries', '21/NQ-CP (26/02/2021); 3355/QĐ-BYT (08/7/2021) [check]'),
    (15, 'Người lao động tự do', 'Self-employed workers', '21/NQ-CP (26/02/2021); 3355/QĐ-BYT (08/7/2021) [check]'),
    (16, 'Các đối tượng khác theo quyết định của Bộ trưởng Bộ Y tế hoặc đề xuất của đơn vị viện trợ vắc xin', 'Others as decided by the Minister of Health or proposed by vaccine donors', '21/NQ-CP (26/02/2021); 3355/QĐ-BYT (08/7/2021) [check]');

-- A person may belong to several groups; the due list orders by the lowest rank.
create table person_priority_group (
    person_id   bigint  not null references person,
    group_rank  integer not null references vaccination_priority_group,
    recorded_by text    not null,
    recorded_at timestamptz not null default now(),
    primary key (person_id, group_rank)
);
create index person_priority_group_rank on person_priority_group (group_rank, person_id);

-- When a window has no end (a first dose, a booster, a primary dose whose interval has no maximum), the list calls
-- it overdue once this many days have passed since it opened. Not a ministry rule: the province's working
-- convention for door-to-door follow-up, dated and replaceable like the rules.
create table vaccine_due_grace (
    id         bigint generated always as identity primary key,
    dose_kind  text    not null check (dose_kind in ('PRIMARY_1', 'PRIMARY_2', 'PRIMARY_3', 'ADDITIONAL', 'BOOSTER_1', 'BOOSTER_2')),
    days       integer not null check (days >= 0),
    valid_from date    not null,
    valid_to   date    check (valid_to is null or valid_to >= valid_from),
    document   text    not null
);
insert into vaccine_due_grace (dose_kind, days, valid_from, document)
select k, 30, date '2021-03-01', 'Quy ước theo dõi danh sách đến hạn của tỉnh (30 ngày sau khi đến hạn) [check]'
from unnest(array['PRIMARY_1', 'PRIMARY_2', 'PRIMARY_3', 'ADDITIONAL', 'BOOSTER_1', 'BOOSTER_2']) k;
