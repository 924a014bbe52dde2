package vn.phaodai.demo;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.phaodai.security.CurrentUser;
import vn.phaodai.shared.ApplicationClock;
import vn.phaodai.shared.ClockForTests;
import vn.phaodai.support.PhaodaiIT;
import vn.phaodai.support.TestApi;
import vn.phaodai.support.TestData;
import vn.phaodai.support.WebSession;

import java.time.LocalDate;
import java.util.List;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** A demo installation lives on its outbreak's dates: its "today" lists are full, the banner names the day. */
@PhaodaiIT
class DemoDayIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DemoPages demo;
    @Autowired
    DemoDay demoDay;
    @Autowired
    ApplicationClock clock;

    @BeforeEach
    void emptyRegistry() {
        TestData.registryOnNationalList(jdbc, new TestApi(port));
        jdbc.sql("delete from demo_load").update();
    }

    @AfterEach
    void clockBack() {
        jdbc.sql("delete from demo_load").update();
        ClockForTests.reset(clock);
    }

    @Test
    void loadingTheDemoSetsTheClockToItsOutbreaksLastDayAndARestartKeepsIt() throws Exception {
        CurrentUser.asSystem(() -> demo.loadNow(new SyntheticProvince.Options(5_000, 11, SyntheticProvince.DEMO_PROVINCE, 30)));

        LocalDate today = clock.today();
        assertThat(today).isBetween(LocalDate.of(2021, 9, 1), LocalDate.of(2021, 9, 30));
        assertThat(today).isEqualTo(jdbc.sql("select max(confirmed_on) from covid_case").query(LocalDate.class).single());
        assertThat(jdbc.sql("select outbreak_day from demo_load").query(LocalDate.class).single()).isEqualTo(today);

        // Its day has vaccination sessions planned, with persons invited from the due list.
        List<Long> invited = jdbc.sql("""
                select count(i.id) from vaccination_session s left join vaccination_invitation i on i.session_id = s.id
                where s.on_day = ? group by s.id""").param(today).query(Long.class).list();
        assertThat(invited).isNotEmpty().allSatisfy(n -> assertThat(n).isPositive());

        WebSession admin = WebSession.admin(port);
        String day = today.format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));
        String cases = admin.get("/cases?from=" + today + "&to=" + today).body();
        var total = Pattern.compile("Tổng số: ([\\d.]+) ca bệnh").matcher(cases);
        assertThat(total.find()).isTrue();
        assertThat(Long.parseLong(total.group(1).replace(".", ""))).isPositive();
        String home = admin.get("/").body();
        assertThat(home).contains("Hôm nay của dữ liệu mẫu: " + day, "Số liệu ngày " + day);

        // A restart: the configured clock first, then the demo's day again from what was stored.
        ClockForTests.reset(clock);
        assertThat(clock.today()).isAfter(LocalDate.of(2025, 1, 1));
        demoDay.restore();
        assertThat(clock.today()).isEqualTo(today);
    }

    @Test
    void aDemoWhoseCasesAreGoneMovesNoClock() {
        CurrentUser.asSystem(() -> demo.loadNow(new SyntheticProvince.Options(2_000, 5, SyntheticProvince.DEMO_PROVINCE, 10)));
        assertThat(clock.today().getYear()).isEqualTo(2021);
        ClockForTests.reset(clock);
        TestData.registryOnNationalList(jdbc, new TestApi(port)); // the registry emptied: demo_load stays
        demoDay.restore();
        assertThat(clock.today()).isAfter(LocalDate.of(2025, 1, 1));
    }
}
