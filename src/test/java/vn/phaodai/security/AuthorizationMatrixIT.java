package vn.phaodai.security;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import vn.phaodai.support.CaseFixture;
import vn.phaodai.support.PhaodaiIT;
import vn.phaodai.support.TestApi;
import vn.phaodai.support.TestData;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every API endpoint × every default role × a record inside and one outside the role's jurisdiction, on
 * the real database. Expected statuses are the table below: one code where the endpoint has no record in
 * a jurisdiction, "inside/outside" where it has. An endpoint missing from the table fails the test.
 */
@PhaodaiIT
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixIT {

    static final List<String> ROLES = List.of("ADMIN", "PROVINCIAL_COMMITTEE", "HEALTH_DEPARTMENT", "DISTRICT_OFFICER",
            "COMMUNE_OFFICER", "LOCAL_ADMIN", "COMMUNITY_TEAM", "CARE_TEAM", "LAB_TECHNICIAN", "FACILITY_MANAGER",
            "CHECKPOINT_OFFICER", "ANALYST", "VACCINATOR", "STOCK_KEEPER");

    /** Columns in the order of ROLES: ADMIN PROV HEALTH DISTRICT COMMUNE LOCAL COMMUNITY CARE LAB FACILITY CHECKPOINT ANALYST VACCINATOR STOCK. */
    static final String MATRIX = """
            GET /api/v1/geography/provinces                   | 200     | 200     | 200     | 200     | 200     | 200     | 200     | 200     | 200 | 200 | 200 | 200 | 200 | 200
            GET /api/v1/geography/provinces/{code}            | 200     | 200     | 200     | 200     | 200     | 200     | 200     | 200     | 200 | 200 | 200 | 200 | 200 | 200
            GET /api/v1/geography/provinces/{code}/districts  | 200     | 200     | 200     | 200     | 200     | 200     | 200     | 200     | 200 | 200 | 200 | 200 | 200 | 200
            GET /api/v1/geography/districts/{code}            | 200     | 200     | 200     | 200     | 200     | 200     | 200     | 200     | 200 | 200 | 200 | 200 | 200 | 200
            GET /api/v1/geography/districts/{code}/communes   | 200     | 200     | 200     | 200     | 200     | 200     | 200     | 200     | 200 | 200 | 200 | 200 | 200 | 200
            GET /api/v1/geography/communes/{code}             | 200     | 200     | 200     | 200     | 200     | 200     | 200     | 200     | 200 | 200 | 200 | 200 | 200 | 200
            GET /api/v1/geography/communes/{code}/villages    | 200     | 200     | 200     | 200     | 200     | 200     | 200     | 200     | 200 | 200 | 200 | 200 | 200 | 200
            POST /api/v1/geography/import                     | 200     | 403     | 403     | 403     | 403     | 403     | 403     | 403     | 403 | 403 | 403 | 403 | 403 | 403
            POST /api/v1/geography/communes/{code}/villages   | 201     | 403     | 403     | 403     | 403     | 403     | 403     | 403     | 403 | 403 | 403 | 403 | 403 | 403
            POST /api/v1/geography/villages/import            | 200     | 403     | 403     | 403     | 403     | 403     | 403     | 403     | 403 | 403 | 403 | 403 | 403 | 403
            GET /api/v1/persons                               | 200     | 200     | 200     | 200     | 200     | 200     | 200     | 200     | 403 | 403 | 403 | 403 | 200 | 403
            POST /api/v1/persons                              | 201/201 | 403/403 | 201/403 | 201/403 | 201/403 | 201/403 | 403/403 | 403/403 | 403 | 403 | 403 | 403 | 403/403 | 403/403
            GET /api/v1/persons/{id}                          | 200/200 | 200/404 | 200/404 | 200/404 | 200/404 | 200/404 | 200/404 | 200/404 | 403 | 403 | 403 | 403 | 200/404 | 403/403
            PUT /api/v1/persons/{id}                          | 200/200 | 403/403 | 200/404 | 200/404 | 200/404 | 200/404 | 403/403 | 403/403 | 403 | 403 | 403 | 403 | 403/403 | 403/403
            GET /api/v1/persons/{id}/duplicates               | 200/200 | 200/404 | 200/404 | 200/404 | 200/404 | 200/404 | 200/404 | 200/404 | 403 | 403 | 403 | 403 | 200/404 | 403/403
            POST /api/v1/persons/{id}/merge                   | 200/200 | 403/403 | 200/404 | 200/404 | 200/404 | 200/404 | 403/403 | 403/403 | 403 | 403 | 403 | 403 | 403/403 | 403/403
            GET /api/v1/persons/export                        | 200     | 200     | 200     | 200     | 200     | 200     | 403     | 403     | 403 | 403 | 403 | 403 | 403 | 403
            GET /api/v1/persons/missing-national-id           | 200     | 200     | 200     | 200     | 200     | 200     | 200     | 200     | 403 | 403 | 403 | 403 | 200 | 403
            POST /api/v1/persons/import                       | 202     | 403     | 202     | 202     | 202     | 202     | 403     | 403     | 403 | 403 | 403 | 403 | 403 | 403
            GET /api/v1/persons/import/template               | 200     | 200     | 200     | 200     | 200     | 200     | 200     | 200     | 200 | 200 | 200 | 200 | 200 | 200
            POST /api/v1/persons/{id}/moves                   | 201/201 | 403/403 | 201/404 | 201/404 | 201/404 | 201/404 | 403/403 | 403/403 | 403 | 403 | 403 | 403 | 403/403 | 403/403
            POST /api/v1/persons/{id}/death                   | 201/201 | 403/403 | 201/404 | 201/404 | 201/404 | 201/404 | 403/403 | 403/403 | 403 | 403 | 403 | 403 | 403/403 | 403/403
            GET /api/v1/persons/{id}/residence                | 200/200 | 200/404 | 200/404 | 200/404 | 200/404 | 200/404 | 200/404 | 200/404 | 403 | 403 | 403 | 403 | 200/404 | 403/403
            GET /api/v1/communes/{code}/arrivals              | 200/200 | 200/404 | 200/404 | 200/404 | 200/404 | 200/404 | 200/404 | 200/404 | 403 | 403 | 403 | 403 | 200/404 | 403/403
            GET /api/v1/communes/{code}/departures            | 200/200 | 200/404 | 200/404 | 200/404 | 200/404 | 200/404 | 200/404 | 200/404 | 403 | 403 | 403 | 403 | 200/404 | 403/403
            POST /api/v1/households                           | 201/201 | 403/403 | 201/403 | 201/403 | 201/403 | 201/403 | 403/403 | 403/403 | 403 | 403 | 403 | 403 | 403/403 | 403/403
            GET /api/v1/households/{id}                       | 200/200 | 200/404 | 200/404 | 200/404 | 200/404 | 200/404 | 200/404 | 200/404 | 403 | 403 | 403 | 403 | 200/404 | 403/403
            POST /api/v1/enterprises                          | 201     | 403     | 201     | 201     | 201     | 201     | 403     | 403     | 403 | 403 | 403 | 403 | 403 | 403
            GET /api/v1/jobs/{id}                             | 200     | 404     | 404     | 404     | 404     | 404     | 404     | 404     | 404 | 404 | 404 | 404 | 404 | 404
            GET /api/v1/jobs/{id}/rejections                  | 200     | 404     | 404     | 404     | 404     | 404     | 404     | 404     | 404 | 404 | 404 | 404 | 404 | 404
            POST /api/v1/users                                | 201/201 | 403/403 | 403/403 | 403/403 | 403/403 | 201/403 | 403/403 | 403/403 | 403 | 403 | 403 | 403 | 403/403 | 403/403
            GET /api/v1/users                                 | 200     | 403     | 403     | 403     | 403     | 200     | 403     | 403     | 403 | 403 | 403 | 403 | 403 | 403
            POST /api/v1/users/{id}/disable                   | 200/200 | 403/403 | 403/403 | 403/403 | 403/403 | 200/404 | 403/403 | 403/403 | 403 | 403 | 403 | 403 | 403/403 | 403/403
            GET /api/v1/roles                                 | 200     | 200     | 200     | 200     | 200     | 200     | 200     | 200     | 200 | 200 | 200 | 200 | 200 | 200
            PUT /api/v1/roles/{code}                          | 200     | 403     | 403     | 403     | 403     | 403     | 403     | 403     | 403 | 403 | 403 | 403 | 403 | 403
            POST /api/v1/me/password                          | 200     | 200     | 200     | 200     | 200     | 200     | 200     | 200     | 200 | 200 | 200 | 200 | 200 | 200
            POST /api/v1/me/tokens                            | 201     | 201     | 201     | 201     | 201     | 201     | 201     | 201     | 201 | 201 | 201 | 201 | 201 | 201
            GET /api/v1/me/tokens                             | 200     | 200     | 200     | 200     | 200     | 200     | 200     | 200     | 200 | 200 | 200 | 200 | 200 | 200
            DELETE /api/v1/me/tokens/{id}                     | 204     | 204     | 204     | 204     | 204     | 204     | 204     | 204     | 204 | 204 | 204 | 204 | 204 | 204
            GET /api/v1/audit                                 | 200     | 403     | 403     | 403     | 403     | 403     | 403     | 403     | 403 | 403 | 403 | 403 | 403 | 403
            GET /api/v1/audit/verify                          | 200     | 403     | 403     | 403     | 403     | 403     | 403     | 403     | 403 | 403 | 403 | 403 | 403 | 403
            GET /api/v1/audit/digest                          | 200     | 403     | 403     | 403     | 403     | 403     | 403     | 403     | 403 | 403 | 403 | 403 | 403 | 403
            POST /api/v1/samples                              | 201/201 | 403/403 | 201/404 | 201/404 | 201/404 | 201/404 | 403/403 | 201/404 | 403 | 403 | 403 | 403 | 403/403 | 403/403
            POST /api/v1/pools                                | 201/201 | 403/403 | 201/404 | 201/404 | 201/404 | 201/404 | 403/403 | 201/404 | 403 | 403 | 403 | 403 | 403/403 | 403/403
            GET /api/v1/persons/{id}/tests                    | 200/200 | 200/404 | 200/404 | 200/404 | 200/404 | 200/404 | 403/403 | 200/404 | 403 | 403 | 403 | 403 | 403/403 | 403/403
            GET /api/v1/retests                               | 200     | 200     | 200     | 200     | 200     | 200     | 403     | 200     | 403 | 403 | 403 | 403 | 403 | 403
            POST /api/v1/lab-results                          | 200     | 403     | 200     | 200     | 403     | 403     | 403     | 403     | 200 | 403 | 403 | 403 | 403 | 403
            POST /api/v1/lab-results/import                   | 202     | 403     | 202     | 202     | 403     | 403     | 403     | 403     | 202 | 403 | 403 | 403 | 403 | 403
            GET /api/v1/cases                                 | 200     | 200     | 200     | 200     | 200     | 200     | 403     | 200     | 403 | 403 | 403 | 403 | 403 | 403
            GET /api/v1/cases/export                          | 200     | 200     | 200     | 200     | 200     | 200     | 403     | 200     | 403 | 403 | 403 | 403 | 403 | 403
            POST /api/v1/cases                                | 201/201 | 403/403 | 201/404 | 201/404 | 201/404 | 201/404 | 403/403 | 403/403 | 403 | 403 | 403 | 403 | 403/403 | 403/403
            GET /api/v1/cases/{id}                            | 200/200 | 200/404 | 200/404 | 200/404 | 200/404 | 200/404 | 403/403 | 200/404 | 403 | 403 | 403 | 403 | 403/403 | 403/403
            PUT /api/v1/cases/{id}                            | 200/200 | 403/403 | 200/404 | 200/404 | 200/404 | 200/404 | 403/403 | 403/403 | 403 | 403 | 403 | 403 | 403/403 | 403/403
            POST /api/v1/cases/{id}/transfers                 | 200/200 | 403/403 | 200/404 | 200/404 | 200/404 | 200/404 | 403/403 | 403/403 | 403 | 403 | 403 | 403 | 403/403 | 403/403
            POST /api/v1/cases/{id}/outcome                   | 200/200 | 403/403 | 200/404 | 200/404 | 200/404 | 200/404 | 403/403 | 403/403 | 403 | 403 | 403 | 403 | 403/403 | 403/403
            GET /api/v1/cases/{id}/timeline                   | 200/200 | 200/404 | 200/404 | 200/404 | 200/404 | 200/404 | 403/403 | 200/404 | 403 | 403 | 403 | 403 | 403/403 | 403/403
            GET /api/v1/persons/{id}/cases                    | 200/200 | 200/404 | 200/404 | 200/404 | 200/404 | 200/404 | 403/403 | 200/404 | 403 | 403 | 403 | 403 | 403/403 | 403/403
            GET /api/v1/case-counts                           | 200     | 200     | 200     | 200     | 200     | 200     | 403     | 403     | 403 | 403 | 403 | 200 | 403 | 200
            POST /api/v1/campaigns                            | 201/201 | 403/403 | 201/403 | 201/403 | 201/403 | 201/403 | 403/403 | 201/403 | 403 | 403 | 403 | 403 | 403/403 | 403/403
            GET /api/v1/campaigns                             | 200     | 200     | 200     | 200     | 200     | 200     | 403     | 200     | 403 | 403 | 403 | 403 | 403 | 403
            GET /api/v1/campaigns/{id}                        | 200/200 | 200/404 | 200/404 | 200/404 | 200/404 | 200/404 | 403/403 | 200/404 | 403 | 403 | 403 | 403 | 403/403 | 403/403
            GET /api/v1/campaigns/{id}/unsampled              | 200/200 | 200/404 | 200/404 | 200/404 | 200/404 | 200/404 | 403/403 | 200/404 | 403 | 403 | 403 | 403 | 403/403 | 403/403
            GET /api/v1/campaigns/{id}/unsampled-households   | 200/200 | 200/404 | 200/404 | 200/404 | 200/404 | 200/404 | 403/403 | 200/404 | 403 | 403 | 403 | 403 | 403/403 | 403/403
            GET /api/v1/campaigns/{id}/unsampled/export       | 200/200 | 200/404 | 200/404 | 200/404 | 200/404 | 200/404 | 403/403 | 403/403 | 403 | 403 | 403 | 403 | 403/403 | 403/403
            GET /api/v1/enterprises/testing-compliance        | 200     | 200     | 200     | 200     | 200     | 200     | 403     | 200     | 403 | 403 | 403 | 403 | 403 | 403
            POST /api/v1/cases/{id}/decisions/isolation       | 200/200 | 403/404 | 200/404 | 200/404 | 200/404 | 200/404 | 403/403 | 403/404 | 403 | 403 | 403 | 403 | 403/403 | 403/403
            POST /api/v1/cases/{id}/decisions/end-of-isolation| 200/200 | 403/404 | 200/404 | 200/404 | 200/404 | 200/404 | 403/403 | 403/404 | 403 | 403 | 403 | 403 | 403/403 | 403/403
            GET /api/v1/cases/{id}/decisions/isolation        | 200/200 | 200/404 | 200/404 | 200/404 | 200/404 | 200/404 | 403/403 | 200/404 | 403 | 403 | 403 | 403 | 403/403 | 403/403
            GET /api/v1/cases/{id}/decisions/end-of-isolation | 200/200 | 200/404 | 200/404 | 200/404 | 200/404 | 200/404 | 403/403 | 200/404 | 403 | 403 | 403 | 403 | 403/403 | 403/403
            POST /api/v1/decisions/isolation                  | 200/200 | 403/403 | 200/404 | 200/404 | 200/404 | 200/404 | 403/403 | 403/403 | 403 | 403 | 403 | 403 | 403/403 | 403/403
            POST /api/v1/cases/{id}/readings                  | 201/201 | 403/403 | 201/404 | 201/404 | 201/404 | 201/404 | 403/403 | 201/404 | 403 | 403 | 403 | 403 | 403/403 | 403/403
            GET /api/v1/cases/{id}/readings                   | 200/200 | 200/404 | 200/404 | 200/404 | 200/404 | 200/404 | 403/403 | 200/404 | 403 | 403 | 403 | 403 | 403/403 | 403/403
            GET /api/v1/alerts                                | 200     | 200     | 200     | 200     | 200     | 200     | 403     | 200     | 403 | 403 | 403 | 403 | 403 | 403
            POST /api/v1/alerts/{id}/acknowledge              | 200/200 | 403/403 | 200/404 | 200/404 | 200/404 | 200/404 | 403/403 | 200/404 | 403 | 403 | 403 | 403 | 403/403 | 403/403
            POST /api/v1/alerts/{id}/resolve                  | 200/200 | 403/403 | 200/404 | 200/404 | 200/404 | 200/404 | 403/403 | 200/404 | 403 | 403 | 403 | 403 | 403/403 | 403/403
            GET /api/v1/home-care/non-reporting               | 200     | 200     | 200     | 200     | 200     | 200     | 403     | 200     | 403 | 403 | 403 | 403 | 403 | 403
            GET /api/v1/quarantine/facilities                 | 200     | 200     | 200     | 200     | 200     | 200     | 403     | 200     | 403 | 200 | 200 | 403 | 403 | 403
            GET /api/v1/quarantine/facilities/by-district     | 200     | 200     | 200     | 200     | 200     | 200     | 403     | 200     | 403 | 200 | 200 | 403 | 403 | 403
            POST /api/v1/quarantine/facilities                | 201/201 | 403/403 | 201/403 | 201/403 | 201/403 | 201/403 | 403/403 | 403/403 | 403 | 403/403 | 403/403 | 403 | 403/403 | 403/403
            GET /api/v1/quarantine/facilities/{id}            | 200/200 | 200/200 | 200/200 | 200/200 | 200/200 | 200/200 | 403/403 | 200/200 | 403 | 200/200 | 200/200 | 403 | 403/403 | 403/403
            PUT /api/v1/quarantine/facilities/{id}            | 200/200 | 403/403 | 200/403 | 200/403 | 200/403 | 200/403 | 403/403 | 403/403 | 403 | 200/403 | 200/403 | 403 | 403/403 | 403/403
            GET /api/v1/quarantine/facilities/{id}/stays      | 200/200 | 200/200 | 200/200 | 200/200 | 200/200 | 200/200 | 403/403 | 200/200 | 403 | 200/200 | 200/200 | 403 | 403/403 | 403/403
            POST /api/v1/quarantine/stays                     | 201/201 | 403/403 | 201/404 | 201/404 | 201/404 | 201/404 | 403/403 | 403/403 | 403 | 201/403 | 201/403 | 403 | 403/403 | 403/403
            GET /api/v1/quarantine/stays                      | 200     | 200     | 200     | 200     | 200     | 200     | 403     | 200     | 403 | 200 | 200 | 403 | 403 | 403
            GET /api/v1/quarantine/stays/{id}                 | 200/200 | 200/404 | 200/404 | 200/404 | 200/404 | 200/404 | 403/403 | 200/404 | 403 | 200/404 | 200/404 | 403 | 403/403 | 403/403
            POST /api/v1/quarantine/stays/{id}/transfers      | 200/200 | 403/403 | 200/404 | 200/404 | 200/404 | 200/404 | 403/403 | 403/403 | 403 | 200/404 | 200/404 | 403 | 403/403 | 403/403
            POST /api/v1/quarantine/stays/{id}/release        | 200/200 | 403/403 | 200/404 | 200/404 | 200/404 | 200/404 | 403/403 | 403/403 | 403 | 200/404 | 200/404 | 403 | 403/403 | 403/403
            POST /api/v1/quarantine/stays/{id}/decision       | 200/200 | 403/404 | 200/404 | 200/404 | 200/404 | 200/404 | 403/403 | 403/404 | 403 | 200/404 | 200/404 | 403 | 403/403 | 403/403
            GET /api/v1/quarantine/stays/{id}/decision        | 200/200 | 200/404 | 200/404 | 200/404 | 200/404 | 200/404 | 403/403 | 200/404 | 403 | 200/404 | 200/404 | 403 | 403/403 | 403/403
            GET /api/v1/persons/{id}/stays                    | 200/200 | 200/404 | 200/404 | 200/404 | 200/404 | 200/404 | 403/403 | 200/404 | 403 | 404/404 | 404/404 | 403 | 403/403 | 403/403
            GET /api/v1/quarantine/tests-due                  | 200     | 200     | 200     | 200     | 200     | 200     | 403     | 200     | 403 | 200 | 200 | 403 | 403 | 403
            GET /api/v1/quarantine/tests-missed               | 200     | 200     | 200     | 200     | 200     | 200     | 403     | 200     | 403 | 200 | 200 | 403 | 403 | 403
            GET /api/v1/quarantine/policies                   | 200     | 200     | 200     | 200     | 200     | 200     | 403     | 200     | 403 | 200 | 200 | 403 | 403 | 403
            POST /api/v1/quarantine/policies                  | 201     | 403     | 201     | 403     | 403     | 403     | 403     | 403     | 403 | 403 | 403 | 403 | 403 | 403
            PUT /api/v1/quarantine/policies/{id}              | 200     | 403     | 200     | 403     | 403     | 403     | 403     | 403     | 403 | 403 | 403 | 403 | 403 | 403
            POST /api/v1/quarantine/arrivals                  | 201/201 | 403/403 | 201/404 | 201/404 | 201/404 | 201/404 | 403/403 | 403/403 | 403 | 201/201 | 201/201 | 403 | 403/403 | 403/403
            GET /api/v1/quarantine/arrivals                   | 200     | 200     | 200     | 200     | 200     | 200     | 403     | 200     | 403 | 200 | 200 | 403 | 403 | 403
            GET /api/v1/cases/{id}/home-care/eligibility      | 200/200 | 200/404 | 200/404 | 200/404 | 200/404 | 200/404 | 403/403 | 200/404 | 403 | 403 | 403 | 403 | 403/403 | 403/403
            GET /api/v1/cases/{id}/home-care/end-of-isolation | 200/200 | 200/404 | 200/404 | 200/404 | 200/404 | 200/404 | 403/403 | 200/404 | 403 | 403 | 403 | 403 | 403/403 | 403/403
            POST /api/v1/cases/{id}/home-care/end             | 200/200 | 403/403 | 200/404 | 200/404 | 200/404 | 200/404 | 403/403 | 403/403 | 403 | 403 | 403 | 403 | 403/403 | 403/403
            POST /api/v1/cases/{id}/patient-link              | 201/201 | 403/403 | 201/404 | 201/404 | 201/404 | 201/404 | 403/403 | 201/404 | 403 | 403 | 403 | 403 | 403/403 | 403/403
            DELETE /api/v1/cases/{id}/patient-link            | 204/204 | 403/403 | 204/404 | 204/404 | 204/404 | 204/404 | 403/403 | 204/404 | 403 | 403 | 403 | 403 | 403/403 | 403/403
            POST /api/v1/cases/{id}/home-care/placement       | 201/201 | 403/403 | 201/404 | 201/404 | 201/404 | 201/404 | 403/403 | 403/403 | 403 | 403 | 403 | 403 | 403/403 | 403/403
            GET /api/v1/cases/{id}/home-care/placements       | 200/200 | 200/404 | 200/404 | 200/404 | 200/404 | 200/404 | 403/403 | 200/404 | 403 | 403 | 403 | 403 | 403/403 | 403/403
            POST /api/v1/care-teams                           | 201/201 | 403/403 | 201/403 | 201/403 | 201/403 | 201/403 | 403/403 | 201/403 | 403 | 403 | 403 | 403 | 403/403 | 403/403
            GET /api/v1/care-teams                            | 200     | 200     | 200     | 200     | 200     | 200     | 403     | 200     | 403 | 403 | 403 | 403 | 403 | 403
            POST /api/v1/care-teams/{id}/workers              | 201/201 | 403/403 | 201/404 | 201/404 | 201/404 | 201/404 | 403/403 | 201/404 | 403 | 403 | 403 | 403 | 403/403 | 403/403
            POST /api/v1/care-teams/{id}/workers/{worker}/villages | 200/200 | 403/403 | 200/404 | 200/404 | 200/404 | 200/404 | 403/403 | 200/404 | 403 | 403 | 403 | 403 | 403/403 | 403/403
            PUT /api/v1/cases/{id}/care-worker                | 200/200 | 403/403 | 200/404 | 200/404 | 200/404 | 200/404 | 403/403 | 200/404 | 403 | 403 | 403 | 403 | 403/403 | 403/403
            POST /api/v1/cases/{id}/support-requests          | 201/201 | 403/403 | 201/404 | 201/404 | 201/404 | 201/404 | 403/403 | 201/404 | 403 | 403 | 403 | 403 | 403/403 | 403/403
            GET /api/v1/support-requests                      | 200     | 403     | 200     | 200     | 200     | 200     | 200     | 200     | 403 | 403 | 403 | 403 | 403 | 403
            POST /api/v1/support-requests/{id}/take           | 200/200 | 403/403 | 200/404 | 200/404 | 200/404 | 200/404 | 200/404 | 403/403 | 403 | 403 | 403 | 403 | 403/403 | 403/403
            POST /api/v1/support-requests/{id}/done           | 200/200 | 403/403 | 200/404 | 200/404 | 200/404 | 200/404 | 200/404 | 403/403 | 403 | 403 | 403 | 403 | 403/403 | 403/403
            POST /api/v1/support-requests/{id}/cancel         | 200/200 | 403/403 | 200/404 | 200/404 | 200/404 | 200/404 | 200/404 | 403/403 | 403 | 403 | 403 | 403 | 403/403 | 403/403
            POST /api/v1/contacts                             | 201/201 | 403/403 | 201/404 | 201/404 | 201/404 | 201/404 | 201/404 | 403/403 | 403 | 403 | 403 | 403 | 403/403 | 403/403
            POST /api/v1/contacts/import                      | 202     | 403     | 202     | 202     | 202     | 202     | 202     | 403     | 403 | 403 | 403 | 403 | 403 | 403
            POST /api/v1/cases/{id}/contacts                  | 200/200 | 403/403 | 200/404 | 200/404 | 200/404 | 200/404 | 200/404 | 403/403 | 403 | 403 | 403 | 403 | 403/403 | 403/403
            POST /api/v1/cases/{id}/contacts/persons          | 200/200 | 403/403 | 200/404 | 200/404 | 200/404 | 200/404 | 400/404 | 403/403 | 403 | 403 | 403 | 403 | 403/403 | 403/403
            GET /api/v1/cases/{id}/contacts                   | 200/200 | 200/404 | 200/404 | 200/404 | 200/404 | 200/404 | 200/404 | 200/404 | 403 | 403 | 403 | 403 | 403/403 | 403/403
            GET /api/v1/cases/{id}/chain                      | 200/200 | 200/404 | 200/404 | 200/404 | 200/404 | 200/404 | 200/404 | 200/404 | 403 | 403 | 403 | 403 | 403/403 | 403/403
            GET /api/v1/persons/{id}/tier                     | 200/200 | 200/404 | 200/404 | 200/404 | 200/404 | 200/404 | 200/404 | 200/404 | 403 | 403 | 403 | 403 | 403/403 | 403/403
            POST /api/v1/tiers/recompute                      | 200     | 403     | 403     | 403     | 403     | 403     | 403     | 403     | 403 | 403 | 403 | 403 | 403 | 403
            GET /api/v1/chains                                | 200     | 200     | 200     | 200     | 200     | 200     | 200     | 200     | 403 | 403 | 403 | 403 | 403 | 403
            GET /api/v1/clusters                              | 200     | 200     | 200     | 200     | 200     | 200     | 200     | 200     | 403 | 403 | 403 | 403 | 403 | 403
            POST /api/v1/clusters                             | 201/201 | 403/403 | 201/403 | 201/403 | 201/403 | 201/403 | 201/403 | 403/403 | 403 | 403 | 403 | 403 | 403/403 | 403/403
            GET /api/v1/clusters/{id}                         | 200/200 | 200/404 | 200/404 | 200/404 | 200/404 | 200/404 | 200/404 | 200/404 | 403 | 403 | 403 | 403 | 403/403 | 403/403
            POST /api/v1/clusters/{id}/cases                  | 200/200 | 403/403 | 200/404 | 200/404 | 200/404 | 200/404 | 200/404 | 403/403 | 403 | 403 | 403 | 403 | 403/403 | 403/403
            POST /api/v1/clusters/{id}/close                  | 200/200 | 403/403 | 200/404 | 200/404 | 200/404 | 200/404 | 200/404 | 403/403 | 403 | 403 | 403 | 403 | 403/403 | 403/403
            GET /api/v1/follow-ups                            | 200     | 200     | 200     | 200     | 200     | 200     | 200     | 200     | 403 | 403 | 403 | 403 | 403 | 403
            POST /api/v1/follow-ups                           | 201/201 | 403/403 | 201/404 | 201/404 | 201/404 | 201/404 | 201/404 | 403/403 | 403 | 403 | 403 | 403 | 403/403 | 403/403
            POST /api/v1/doses/import                         | 202     | 403     | 202     | 403     | 202     | 202     | 403     | 403     | 403 | 403 | 403 | 403 | 202 | 403
            GET /api/v1/doses/import/unmatched                | 200     | 403     | 200     | 403     | 200     | 200     | 403     | 403     | 403 | 403 | 403 | 403 | 200 | 403
            POST /api/v1/doses/import/unmatched/{id}/match    | 200/200 | 403/403 | 200/404 | 403/403 | 200/404 | 200/404 | 403/403 | 403/403 | 403 | 403 | 403 | 403 | 200/404 | 403/403
            POST /api/v1/doses/import/unmatched/{id}/register | 201/201 | 403/403 | 201/404 | 403/403 | 201/404 | 201/404 | 403/403 | 403/403 | 403 | 403 | 403 | 403 | 403/403 | 403/403
            GET /api/v1/pick/communes                         | 200     | 200     | 200     | 200     | 200     | 200     | 200     | 200     | 200 | 200 | 200 | 200 | 200 | 200
            GET /api/v1/pick/villages                         | 200     | 200     | 200     | 200     | 200     | 200     | 200     | 200     | 200 | 200 | 200 | 200 | 200 | 200
            GET /api/v1/pick/persons                          | 200     | 200     | 200     | 200     | 200     | 200     | 200     | 200     | 403 | 403 | 403 | 403 | 200 | 403
            GET /api/v1/pick/cases                            | 200     | 200     | 200     | 200     | 200     | 200     | 403     | 200     | 403 | 403 | 403 | 403 | 403 | 403
            GET /api/v1/pick/facilities                       | 200     | 200     | 200     | 200     | 200     | 200     | 403     | 200     | 403 | 200 | 200 | 403 | 403 | 403
            GET /api/v1/pick/workers                          | 200     | 200     | 200     | 200     | 200     | 200     | 403     | 200     | 403 | 403 | 403 | 403 | 403 | 403
            GET /api/v1/vaccine/stock                         | 200/200 | 200/404 | 200/404 | 200/404 | 200/404 | 200/404 | 403/403 | 403/403 | 403 | 403 | 403 | 403 | 403/403 | 200/404
            GET /api/v1/vaccine/stock/export                  | 200/200 | 200/404 | 200/404 | 200/404 | 200/404 | 200/404 | 403/403 | 403/403 | 403 | 403 | 403 | 403 | 403/403 | 200/404
            GET /api/v1/vaccine/expiring                      | 200     | 200     | 200     | 200     | 200     | 200     | 403     | 403     | 403 | 403 | 403 | 403 | 403 | 200
            POST /api/v1/vaccine/lots                         | 201/201 | 403/403 | 201/404 | 403/403 | 404/404 | 404/404 | 403/403 | 403/403 | 403 | 403 | 403 | 403 | 403/403 | 404/404
            POST /api/v1/vaccine/allocations                  | 201/201 | 403/403 | 201/404 | 403/403 | 201/404 | 201/404 | 403/403 | 403/403 | 403 | 403 | 403 | 403 | 403/403 | 201/404
            POST /api/v1/vaccine/returns                      | 201/201 | 403/403 | 201/404 | 403/403 | 201/404 | 201/404 | 403/403 | 403/403 | 403 | 403 | 403 | 403 | 403/403 | 201/404
            POST /api/v1/vaccine/discards                     | 201/201 | 403/403 | 201/404 | 403/403 | 201/404 | 201/404 | 403/403 | 403/403 | 403 | 403 | 403 | 403 | 403/403 | 201/404
            POST /api/v1/vaccine/vial-counts                  | 201/201 | 403/403 | 201/404 | 403/403 | 201/404 | 201/404 | 403/403 | 403/403 | 403 | 403 | 403 | 403 | 403/403 | 201/404
            GET /api/v1/pick/vaccine-holders                  | 200     | 200     | 200     | 200     | 200     | 200     | 403     | 403     | 403 | 403 | 403 | 403 | 403 | 200
            POST /api/v1/doses                                | 201/201 | 403/403 | 201/404 | 403/403 | 201/404 | 201/404 | 403/403 | 403/403 | 403 | 403 | 403 | 403 | 201/404 | 403/403
            GET /api/v1/persons/{id}/vaccination              | 200/200 | 200/404 | 200/404 | 200/404 | 200/404 | 200/404 | 200/404 | 200/404 | 403 | 403 | 403 | 403 | 200/404 | 403/403
            GET /api/v1/persons/{id}/vaccination/certificate  | 200/200 | 200/404 | 200/404 | 200/404 | 200/404 | 200/404 | 200/404 | 200/404 | 403 | 403 | 403 | 403 | 200/404 | 403/403
            GET /api/v1/vaccination/coverage                  | 200/200 | 200/404 | 200/404 | 200/404 | 200/404 | 200/404 | 404/404 | 200/404 | 403 | 403 | 403 | 200/404 | 200/404 | 200/404
            GET /api/v1/vaccination/unvaccinated              | 200/200 | 200/404 | 200/404 | 200/404 | 200/404 | 200/404 | 200/404 | 200/404 | 403 | 403 | 403 | 403 | 200/404 | 403/403
            GET /api/v1/vaccination/due                       | 200/200 | 200/404 | 200/404 | 200/404 | 200/404 | 200/404 | 200/404 | 200/404 | 403 | 403 | 403 | 403 | 200/404 | 403/403
            GET /api/v1/vaccination/priority-groups           | 200     | 200     | 200     | 200     | 200     | 200     | 200     | 200     | 403 | 403 | 403 | 403 | 200 | 403
            GET /api/v1/persons/{id}/vaccination/priority-groups | 200/200 | 200/404 | 200/404 | 200/404 | 200/404 | 200/404 | 200/404 | 200/404 | 403 | 403 | 403 | 403 | 200/404 | 403/403
            PUT /api/v1/persons/{id}/vaccination/priority-groups | 200/200 | 403/403 | 200/404 | 403/403 | 200/404 | 200/404 | 403/403 | 403/403 | 403 | 403 | 403 | 403 | 200/404 | 403/403
            GET /api/v1/vaccination/reconciliation            | 200/200 | 200/404 | 200/404 | 200/404 | 200/404 | 200/404 | 404/404 | 200/404 | 403 | 403 | 403 | 403 | 200/404 | 403/403
            GET /api/v1/vaccination/reconciliation/export     | 200/200 | 200/404 | 200/404 | 200/404 | 200/404 | 200/404 | 404/404 | 200/404 | 403 | 403 | 403 | 403 | 200/404 | 403/403
            POST /api/v1/vaccination/point-reports            | 201/201 | 403/403 | 201/404 | 403/403 | 201/404 | 201/404 | 403/403 | 403/403 | 403 | 403 | 403 | 403 | 201/404 | 403/403
            POST /api/v1/vaccination/sessions                 | 201/201 | 403/403 | 201/400 | 403/403 | 201/400 | 201/400 | 403/403 | 403/403 | 403 | 403 | 403 | 403 | 201/400 | 403/403
            GET /api/v1/vaccination/sessions                  | 200     | 200     | 200     | 200     | 200     | 200     | 200     | 200     | 403 | 403 | 403 | 403 | 200 | 403
            GET /api/v1/vaccination/sessions/{id}             | 200/200 | 200/404 | 200/404 | 200/404 | 200/404 | 200/404 | 200/404 | 200/404 | 403 | 403 | 403 | 403 | 200/404 | 403/403
            PUT /api/v1/vaccination/sessions/{id}             | 200/200 | 403/403 | 200/404 | 403/403 | 200/404 | 200/404 | 403/403 | 403/403 | 403 | 403 | 403 | 403 | 200/404 | 403/403
            POST /api/v1/vaccination/sessions/{id}/invitations | 200/200 | 403/403 | 200/404 | 403/403 | 200/404 | 200/404 | 403/403 | 403/403 | 403 | 403 | 403 | 403 | 200/404 | 403/403
            POST /api/v1/vaccination/sessions/{id}/check-ins  | 201/201 | 403/403 | 201/404 | 403/403 | 201/404 | 201/404 | 403/403 | 403/403 | 403 | 403 | 403 | 403 | 201/404 | 403/403
            POST /api/v1/vaccination/sessions/{id}/close      | 200/200 | 403/403 | 200/404 | 403/403 | 200/404 | 200/404 | 403/403 | 403/403 | 403 | 403 | 403 | 403 | 200/404 | 403/403
            POST /api/v1/persons/{id}/vaccination/refusals    | 201/201 | 403/403 | 201/404 | 403/403 | 201/404 | 201/404 | 403/403 | 403/403 | 403 | 403 | 403 | 403 | 201/404 | 403/403
            GET /api/v1/vaccination/refused                   | 200/200 | 200/404 | 200/404 | 200/404 | 200/404 | 200/404 | 200/404 | 200/404 | 403 | 403 | 403 | 403 | 200/404 | 403/403
            POST /api/v1/persons/{id}/vaccination/home-need   | 201/201 | 403/403 | 201/404 | 403/403 | 201/404 | 201/404 | 403/403 | 403/403 | 403 | 403 | 403 | 403 | 201/404 | 403/403
            GET /api/v1/vaccination/home-needs                | 200/200 | 200/404 | 200/404 | 200/404 | 200/404 | 200/404 | 200/404 | 200/404 | 403 | 403 | 403 | 403 | 200/404 | 403/403
            POST /api/v1/vaccination/home-needs/assign        | 200/200 | 403/403 | 200/404 | 403/403 | 200/404 | 200/404 | 403/403 | 403/403 | 403 | 403 | 403 | 403 | 200/404 | 403/403
            # vaccination points, reconciliation page, point reports form, people exports (vpages)
            GET /api/v1/vaccination/points                    | 200/200 | 200/404 | 200/404 | 200/404 | 200/404 | 200/404 | 200/404 | 200/404 | 403 | 403 | 403 | 403 | 200/404 | 403/403
            GET /api/v1/vaccination/points/export             | 200/200 | 200/404 | 200/404 | 200/404 | 200/404 | 200/404 | 200/404 | 200/404 | 403 | 403 | 403 | 403 | 200/404 | 403/403
            GET /api/v1/vaccination/points/{id}               | 200/200 | 200/404 | 200/404 | 200/404 | 200/404 | 200/404 | 200/404 | 200/404 | 403 | 403 | 403 | 403 | 200/404 | 403/403
            POST /api/v1/vaccination/points                   | 201/201 | 403/403 | 201/400 | 403/403 | 201/400 | 201/400 | 403/403 | 403/403 | 403 | 403 | 403 | 403 | 201/400 | 403/403
            PUT /api/v1/vaccination/points/{id}               | 200/200 | 403/403 | 200/404 | 403/403 | 200/404 | 200/404 | 403/403 | 403/403 | 403 | 403 | 403 | 403 | 200/404 | 403/403
            GET /api/v1/pick/vaccination-points               | 200     | 200     | 200     | 200     | 200     | 200     | 200     | 200     | 403 | 403 | 403 | 403 | 200 | 403
            GET /api/v1/vaccination/refused/export            | 200/200 | 200/404 | 200/404 | 200/404 | 200/404 | 200/404 | 200/404 | 200/404 | 403 | 403 | 403 | 403 | 200/404 | 403/403
            GET /api/v1/vaccination/home-needs/export         | 200/200 | 200/404 | 200/404 | 200/404 | 200/404 | 200/404 | 200/404 | 200/404 | 403 | 403 | 403 | 403 | 200/404 | 403/403
            """;

    /** Endpoints whose answer carries personal data: each 200 must leave an audit entry of the caller. */
    static final Set<String> PERSONAL_READS = Set.of(
            // vaccination points, reconciliation page, point reports form, people exports (vpages): the lists' workbooks
            "GET /api/v1/vaccination/refused/export", "GET /api/v1/vaccination/home-needs/export",
            "GET /api/v1/persons", "GET /api/v1/persons/{id}", "GET /api/v1/persons/{id}/duplicates",
            "GET /api/v1/persons/{id}/residence", "GET /api/v1/communes/{code}/arrivals", "GET /api/v1/communes/{code}/departures",
            "GET /api/v1/persons/export", "GET /api/v1/persons/missing-national-id", "GET /api/v1/households/{id}", "GET /api/v1/persons/{id}/tests", "GET /api/v1/retests",
            "GET /api/v1/cases", "GET /api/v1/cases/export", "GET /api/v1/cases/{id}", "GET /api/v1/cases/{id}/timeline",
            "GET /api/v1/persons/{id}/cases", "GET /api/v1/campaigns/{id}/unsampled", "GET /api/v1/campaigns/{id}/unsampled-households",
            "GET /api/v1/campaigns/{id}/unsampled/export", "GET /api/v1/cases/{id}/readings", "GET /api/v1/alerts",
            "GET /api/v1/home-care/non-reporting", "GET /api/v1/quarantine/facilities/{id}/stays", "GET /api/v1/quarantine/stays",
            "GET /api/v1/quarantine/stays/{id}", "GET /api/v1/persons/{id}/stays", "GET /api/v1/quarantine/tests-due",
            "GET /api/v1/quarantine/tests-missed", "GET /api/v1/quarantine/arrivals", "GET /api/v1/cases/{id}/home-care/eligibility",
            "GET /api/v1/cases/{id}/home-care/end-of-isolation", "GET /api/v1/cases/{id}/home-care/placements",
            "GET /api/v1/support-requests", "GET /api/v1/cases/{id}/contacts", "GET /api/v1/cases/{id}/chain",
            "GET /api/v1/persons/{id}/tier", "GET /api/v1/chains", "GET /api/v1/clusters/{id}", "GET /api/v1/follow-ups",
            "GET /api/v1/pick/persons", "GET /api/v1/pick/cases", "GET /api/v1/doses/import/unmatched",
            "GET /api/v1/persons/{id}/vaccination", "GET /api/v1/persons/{id}/vaccination/certificate",
            "GET /api/v1/vaccination/unvaccinated",
            // issue 15 §6: the due list and the priority groups (vdue)
            "GET /api/v1/vaccination/due", "GET /api/v1/persons/{id}/vaccination/priority-groups",
            // issue 15 §6: refusals and home vaccination (vpeople)
            "GET /api/v1/vaccination/refused", "GET /api/v1/vaccination/home-needs",
            // issue 15 §7: a session shows its invitations
            "GET /api/v1/vaccination/sessions/{id}");

    /** issue 15 §2: a new count at each point report, so that each is a correction (201), never the same again (200). */
    static final java.util.concurrent.atomic.AtomicInteger POINT_REPORT_COUNT = new java.util.concurrent.atomic.AtomicInteger();
    static final String INSIDE = "18073";   // Phường Nam Hà, thành phố Hà Tĩnh (district 436, province 42)
    static final String OUTSIDE = "00001";  // Phường Phúc Xá, Hà Nội
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    TestApi admin;
    final Map<String, TestApi> asRole = new HashMap<>();
    final Map<String, String> passwords = new java.util.concurrent.ConcurrentHashMap<>();
    long village;
    String job;
    final AtomicInteger serial = new AtomicInteger();
    final Object policies = new Object();

    @BeforeAll
    void users() {
        TestData.registryOnNationalList(jdbc, new TestApi(port));
        jdbc.sql("delete from api_token").update();
        jdbc.sql("delete from app_user where username <> 'admin'").update();
        // The fixtures are thousands of requests: with a token each costs no BCrypt check of the password (HTTP Basic does).
        admin = TestApi.bearer(port, new TestApi(port).post("/api/v1/me/tokens", Map.of("name", "matrix")).body().get("token").asString());
        village = admin.post("/api/v1/geography/communes/" + INSIDE + "/villages", Map.of("name", "Tổ dân phố 9")).body().get("id").asLong();
        for (String role : ROLES) {
            Map<String, Object> jurisdiction = switch (role) {
                case "ADMIN" -> Map.of("level", "PROVINCE", "codes", List.of());
                case "PROVINCIAL_COMMITTEE", "HEALTH_DEPARTMENT", "ANALYST" -> Map.of("level", "PROVINCE", "codes", List.of("42"));
                case "DISTRICT_OFFICER" -> Map.of("level", "DISTRICT", "codes", List.of("436"));
                case "COMMUNITY_TEAM" -> Map.of("level", "VILLAGE", "codes", List.of(String.valueOf(village)));
                case "LAB_TECHNICIAN", "FACILITY_MANAGER", "CHECKPOINT_OFFICER" -> Map.of("level", "FACILITY", "codes", List.of("LAB-1"));
                default -> Map.of("level", "COMMUNE", "codes", List.of(INSIDE));
            };
            String username = "u-" + role.toLowerCase().replace('_', '-');
            String password = "Mat-khau-" + role.length() + "-rat-dai";
            var created = admin.post("/api/v1/users", Map.of("username", username, "password", password,
                    "roles", List.of(role), "jurisdiction", jurisdiction));
            assertThat(created.status()).as(created.text()).isEqualTo(201);
            String token = new TestApi(port, username, password).post("/api/v1/me/tokens", Map.of("name", "matrix"))
                    .body().get("token").asString();
            asRole.put(role, TestApi.bearer(port, token));
            passwords.put(role, password);
        }
        job = admin.upload("/api/v1/persons/import", csv("Tên\nAn\n")).body().get("jobId").asString();
        facility(true); // made once, before the endpoints are tried in parallel
        facility(false);
    }

    @Test
    void everyEndpointIsInTheMatrix() {
        Set<String> mapped = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            for (String path : info.getPatternValues()) {
                if (!path.startsWith("/api/")) continue;
                info.getMethodsCondition().getMethods().forEach(m -> mapped.add(m.name() + " " + path));
            }
        });
        assertThat(matrix().keySet()).containsExactlyInAnyOrderElementsOf(mapped);
    }

    /** Endpoints tried one role after another: the batch issues a whole commune's day. */
    static final Set<String> ONE_ROLE_AT_A_TIME = Set.of("POST /api/v1/decisions/isolation");

    @Test
    void everyRoleGetsWhatTheMatrixSays() throws Exception {
        // One endpoint after another: endpoints share fixtures (a commune's day of decisions, the policy table). The
        // roles of one endpoint are tried side by side: each has its own records, and its audit entries carry its name.
        List<String> wrong = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService roles = Executors.newFixedThreadPool(ROLES.size());
        try {
            for (var row : matrix().entrySet()) {
                String endpoint = row.getKey();
                List<Future<?>> running = new ArrayList<>();
                for (int r = 0; r < ROLES.size(); r++) {
                    String role = ROLES.get(r);
                    String[] expected = row.getValue().get(r).split("/");
                    if (ONE_ROLE_AT_A_TIME.contains(endpoint)) check(endpoint, role, expected, wrong);
                    else running.add(roles.submit(() -> check(endpoint, role, expected, wrong)));
                }
                for (Future<?> f : running) f.get();
            }
        } finally {
            roles.shutdownNow();
        }
        assertThat(wrong).isEmpty();
    }

    private void check(String endpoint, String role, String[] expected, List<String> wrong) {
        boolean personal = PERSONAL_READS.contains(endpoint);
        long auditedBefore = personal ? audited(role) : 0;
        int inside = call(endpoint, role, true);
        if (inside == 200 && personal && audited(role) == auditedBefore) {
            wrong.add(endpoint + " as " + role + ": personal data shown without an audit entry");
        }
        if (inside != Integer.parseInt(expected[0])) wrong.add(endpoint + " as " + role + " inside: " + inside + ", expected " + expected[0]);
        if (expected.length > 1) {
            int outside = call(endpoint, role, false);
            if (outside != Integer.parseInt(expected[1])) wrong.add(endpoint + " as " + role + " outside: " + outside + ", expected " + expected[1]);
        }
    }

    private long audited(String role) {
        return jdbc.sql("select count(*) from audit_log where username = ?").param("u-" + role.toLowerCase().replace('_', '-'))
                .query(Long.class).single();
    }

    @Test
    void listsAndCountsHoldOnlyTheJurisdiction() {
        long inside = person(INSIDE, true);
        long outside = person(OUTSIDE, false);
        var list = asRole.get("COMMUNE_OFFICER").get("/api/v1/persons?size=500").body();
        List<Long> ids = new ArrayList<>();
        list.get("items").forEach(p -> ids.add(p.get("id").asLong()));
        assertThat(ids).doesNotContain(outside);
        String insideId = jdbc.sql("select national_id from person where id = ?").param(inside).query(String.class).single();
        assertThat(asRole.get("COMMUNE_OFFICER").get("/api/v1/persons?q=" + insideId).body().get("items").get(0).get("id").asLong())
                .isEqualTo(inside);
        assertThat(list.get("total").asLong()).isEqualTo(jdbc.sql("select count(*) from person where commune_code = ? and merged_into is null")
                .param(INSIDE).query(Long.class).single());
        assertThat(asRole.get("COMMUNE_OFFICER").get("/api/v1/persons?q=" + jdbc.sql("select national_id from person where id = ?")
                .param(outside).query(String.class).single()).body().get("total").asInt()).isZero();
    }

    @Test
    void theCommunityTeamSeesOnlyWhatItNeeds() {
        long id = person(INSIDE, true);
        var seen = asRole.get("COMMUNITY_TEAM").get("/api/v1/persons/" + id).body();
        assertThat(seen.get("fullName").asString()).isNotBlank();
        assertThat(seen.get("nationalId").isNull()).isTrue();
        assertThat(seen.get("dateOfBirth").isNull()).isTrue();
        assertThat(seen.get("comorbidities").size()).isZero();
        assertThat(admin.get("/api/v1/persons/" + id).body().get("nationalId").isNull()).isFalse();
    }

    /** Performs one call of the endpoint as the role, on a fresh record inside or outside its jurisdiction. */
    private int call(String endpoint, String role, boolean inside) {
        TestApi api = asRole.get(role);
        String commune = inside ? INSIDE : OUTSIDE;
        return switch (endpoint) {
            case "GET /api/v1/geography/provinces" -> api.get("/api/v1/geography/provinces").status();
            case "GET /api/v1/geography/provinces/{code}" -> api.get("/api/v1/geography/provinces/42").status();
            case "GET /api/v1/geography/provinces/{code}/districts" -> api.get("/api/v1/geography/provinces/42/districts").status();
            case "GET /api/v1/geography/districts/{code}" -> api.get("/api/v1/geography/districts/436").status();
            case "GET /api/v1/geography/districts/{code}/communes" -> api.get("/api/v1/geography/districts/436/communes").status();
            case "GET /api/v1/geography/communes/{code}" -> api.get("/api/v1/geography/communes/" + INSIDE).status();
            case "GET /api/v1/geography/communes/{code}/villages" -> api.get("/api/v1/geography/communes/" + INSIDE + "/villages").status();
            case "POST /api/v1/geography/import" -> api.upload("/api/v1/geography/import?complete=false", csv("""
                    Tỉnh Thành Phố,Mã TP,Quận Huyện,Mã QH,Phường Xã,Mã PX,Cấp,Tên Tiếng Anh
                    Tỉnh Hà Tĩnh,42,Thành phố Hà Tĩnh,436,Phường Nam Hà,18073,Phường,
                    """)).status();
            case "POST /api/v1/geography/communes/{code}/villages" ->
                    api.post("/api/v1/geography/communes/" + INSIDE + "/villages", Map.of("name", "Thôn " + serial.incrementAndGet())).status();
            case "POST /api/v1/geography/villages/import" -> api.upload("/api/v1/geography/villages/import",
                    csv("Mã PX,Tên,Loại\n" + INSIDE + ",Xóm " + serial.incrementAndGet() + ",xóm\n")).status();
            // issue 15: coverage (numbers of a commune; its residents with no dose)
            case "GET /api/v1/vaccination/coverage" -> api.get("/api/v1/vaccination/coverage?unit=" + commune + "&on=2022-06-15").status();
            case "GET /api/v1/vaccination/unvaccinated" -> api.get("/api/v1/vaccination/unvaccinated?commune=" + commune + "&on=2022-06-15").status();
            case "GET /api/v1/persons" -> api.get("/api/v1/persons").status();
            case "GET /api/v1/persons/missing-national-id" -> api.get("/api/v1/persons/missing-national-id").status();
            case "POST /api/v1/persons" -> api.post("/api/v1/persons", newPerson(commune, inside)).status();
            case "GET /api/v1/persons/{id}" -> api.get("/api/v1/persons/" + person(commune, inside)).status();
            case "PUT /api/v1/persons/{id}" -> {
                long id = person(commune, inside);
                var body = admin.get("/api/v1/persons/" + id).body();
                Map<String, Object> form = new HashMap<>();
                for (String f : List.of("fullName", "sex", "dateOfBirth", "nationalId", "communeCode")) form.put(f, body.get(f).asString());
                form.put("villageId", body.get("villageId").isNull() ? null : body.get("villageId").asLong());
                form.put("version", body.get("version").asInt());
                form.put("occupation", "Giáo viên");
                yield api.put("/api/v1/persons/" + id, form).status();
            }
            case "GET /api/v1/persons/{id}/duplicates" -> api.get("/api/v1/persons/" + person(commune, inside) + "/duplicates").status();
            case "POST /api/v1/persons/{id}/merge" -> api.post("/api/v1/persons/" + person(commune, inside) + "/merge",
                    Map.of("duplicateId", person(commune, inside))).status();
            case "POST /api/v1/persons/{id}/moves" -> api.post("/api/v1/persons/" + person(commune, inside) + "/moves",
                    Map.of("kind", "MOVE_AWAY", "date", "2021-09-01", "toPlace", "01")).status();
            case "POST /api/v1/persons/{id}/death" -> api.post("/api/v1/persons/" + person(commune, inside) + "/death",
                    Map.of("date", "2021-09-01")).status();
            case "GET /api/v1/persons/{id}/residence" -> api.get("/api/v1/persons/" + person(commune, inside) + "/residence").status();
            case "GET /api/v1/communes/{code}/arrivals" -> api.get("/api/v1/communes/" + commune + "/arrivals").status();
            case "GET /api/v1/communes/{code}/departures" -> api.get("/api/v1/communes/" + commune + "/departures").status();
            case "GET /api/v1/persons/export" -> api.get("/api/v1/persons/export").status();
            case "POST /api/v1/persons/import" -> api.upload("/api/v1/persons/import", csv("Họ và tên,Giới tính,Năm sinh,Mã xã\nBé An,Nam,2020,"
                    + INSIDE + "\n")).status();
            case "GET /api/v1/persons/import/template" -> api.get("/api/v1/persons/import/template").status();
            case "POST /api/v1/households" -> api.post("/api/v1/households", Map.of("communeCode", commune,
                    "code", "HK-" + serial.incrementAndGet())).status();
            case "GET /api/v1/households/{id}" -> api.get("/api/v1/households/" + household(commune, inside)).status();
            case "POST /api/v1/enterprises" -> api.post("/api/v1/enterprises", Map.of("name", "Công ty " + serial.incrementAndGet())).status();
            case "GET /api/v1/jobs/{id}" -> api.get("/api/v1/jobs/" + job).status();
            case "GET /api/v1/jobs/{id}/rejections" -> api.get("/api/v1/jobs/" + job + "/rejections").status();
            case "POST /api/v1/users" -> api.post("/api/v1/users", newUser(commune)).status();
            case "GET /api/v1/users" -> api.get("/api/v1/users").status();
            case "POST /api/v1/users/{id}/disable" -> {
                long id = admin.post("/api/v1/users", newUser(commune)).body().get("id").asLong();
                yield api.post("/api/v1/users/" + id + "/disable", Map.of()).status();
            }
            case "GET /api/v1/roles" -> api.get("/api/v1/roles").status();
            case "PUT /api/v1/roles/{code}" -> api.put("/api/v1/roles/ANALYST", Map.of("rights", List.of("AGGREGATE_READ"))).status();
            case "POST /api/v1/me/password" -> {
                String next = "Doi-mat-khau-" + serial.incrementAndGet() + "-x";
                int status = api.post("/api/v1/me/password", Map.of("currentPassword", passwords.get(role), "newPassword", next)).status();
                if (status == 200) passwords.put(role, next);
                yield status;
            }
            case "POST /api/v1/me/tokens" -> api.post("/api/v1/me/tokens", Map.of("name", "t")).status();
            case "GET /api/v1/me/tokens" -> api.get("/api/v1/me/tokens").status();
            case "DELETE /api/v1/me/tokens/{id}" -> {
                long id = api.post("/api/v1/me/tokens", Map.of("name", "to-revoke")).body().get("id").asLong();
                yield api.delete("/api/v1/me/tokens/" + id).status();
            }
            case "GET /api/v1/audit" -> api.get("/api/v1/audit").status();
            case "GET /api/v1/audit/verify" -> api.get("/api/v1/audit/verify").status();
            case "GET /api/v1/audit/digest" -> api.get("/api/v1/audit/digest").status();
            case "POST /api/v1/samples" -> api.post("/api/v1/samples", Map.of("sampleCode", "M-" + serial.incrementAndGet(),
                    "personId", person(commune, inside), "testType", "PCR", "sampledAt", "2021-09-01 08:00")).status();
            case "POST /api/v1/pools" -> {
                String code = "MP-" + serial.incrementAndGet();
                yield api.post("/api/v1/pools", Map.of("poolCode", code, "sampledAt", "2021-09-01 08:00", "members", List.of(
                        Map.of("sampleCode", code + "-1", "personId", person(commune, inside)),
                        Map.of("sampleCode", code + "-2", "personId", person(commune, inside))))).status();
            }
            case "GET /api/v1/persons/{id}/tests" -> api.get("/api/v1/persons/" + person(commune, inside) + "/tests").status();
            case "GET /api/v1/retests" -> api.get("/api/v1/retests").status();
            case "POST /api/v1/lab-results" -> api.post("/api/v1/lab-results", Map.of("sampleCode", "L-" + serial.incrementAndGet(),
                    "personId", person(commune, inside), "testType", "PCR", "sampledAt", "2021-09-01 08:00", "result", "NEGATIVE")).status();
            case "POST /api/v1/lab-results/import" -> api.upload("/api/v1/lab-results/import", csv("Mã mẫu,Kết quả\nZ-1,Âm tính\n")).status();
            case "GET /api/v1/cases" -> api.get("/api/v1/cases").status();
            case "GET /api/v1/cases/export" -> api.get("/api/v1/cases/export").status();
            case "POST /api/v1/cases" -> api.post("/api/v1/cases", newCase(person(commune, inside))).status();
            case "GET /api/v1/cases/{id}" -> api.get("/api/v1/cases/" + covidCase(commune, inside)).status();
            case "PUT /api/v1/cases/{id}" -> api.put("/api/v1/cases/" + covidCase(commune, inside), Map.of("version", 0, "symptomatic", true)).status();
            case "POST /api/v1/cases/{id}/transfers" -> api.post("/api/v1/cases/" + covidCase(commune, inside) + "/transfers",
                    Map.of("careSetting", "HOSPITAL", "facility", "Bệnh viện tỉnh")).status();
            case "POST /api/v1/cases/{id}/outcome" -> api.post("/api/v1/cases/" + covidCase(commune, inside) + "/outcome",
                    Map.of("outcome", "RECOVERED", "on", "2021-09-20")).status();
            case "GET /api/v1/cases/{id}/timeline" -> api.get("/api/v1/cases/" + covidCase(commune, inside) + "/timeline").status();
            case "GET /api/v1/persons/{id}/cases" -> api.get("/api/v1/persons/" + person(commune, inside) + "/cases").status();
            case "GET /api/v1/case-counts" -> api.get("/api/v1/case-counts?from=2021-09-01&to=2021-09-30").status();
            case "POST /api/v1/campaigns" -> api.post("/api/v1/campaigns", newCampaign(commune)).status();
            case "GET /api/v1/campaigns" -> api.get("/api/v1/campaigns").status();
            case "GET /api/v1/campaigns/{id}" -> api.get("/api/v1/campaigns/" + campaign(commune)).status();
            case "GET /api/v1/campaigns/{id}/unsampled" -> api.get("/api/v1/campaigns/" + campaign(commune) + "/unsampled").status();
            case "GET /api/v1/campaigns/{id}/unsampled-households" ->
                    api.get("/api/v1/campaigns/" + campaign(commune) + "/unsampled-households").status();
            case "GET /api/v1/campaigns/{id}/unsampled/export" ->
                    api.get("/api/v1/campaigns/" + campaign(commune) + "/unsampled/export").status();
            case "GET /api/v1/enterprises/testing-compliance" -> api.get("/api/v1/enterprises/testing-compliance").status();
            // A fresh case each time: its first decision is issued, which needs DECISION_ISSUE besides CASE_READ.
            case "POST /api/v1/cases/{id}/decisions/isolation" ->
                    api.issue("/api/v1/cases/" + covidCase(commune, inside, false) + "/decisions/isolation").status();
            case "POST /api/v1/cases/{id}/decisions/end-of-isolation" ->
                    api.issue("/api/v1/cases/" + covidCase(commune, inside, true) + "/decisions/end-of-isolation").status();
            // Reading an issued decision (issued by the administrator first) needs CASE_READ only, and never issues.
            case "GET /api/v1/cases/{id}/decisions/isolation" -> {
                long id = covidCase(commune, inside, false);
                admin.issue("/api/v1/cases/" + id + "/decisions/isolation");
                yield api.download("/api/v1/cases/" + id + "/decisions/isolation").status();
            }
            case "GET /api/v1/cases/{id}/decisions/end-of-isolation" -> {
                long id = covidCase(commune, inside, true);
                admin.issue("/api/v1/cases/" + id + "/decisions/end-of-isolation");
                yield api.download("/api/v1/cases/" + id + "/decisions/end-of-isolation").status();
            }
            case "POST /api/v1/decisions/isolation" -> {
                // A day of its own: the batch must not issue the decisions of cases other endpoints are trying.
                new CaseFixture(admin, jdbc).confirmed(person(commune, inside), commune, inside ? village : null, TODAY.minusDays(11));
                yield api.issue("/api/v1/decisions/isolation?commune=" + commune + "&date=" + TODAY.minusDays(11)).status();
            }
            case "POST /api/v1/cases/{id}/readings" -> api.post("/api/v1/cases/" + covidCase(commune, inside, false) + "/readings",
                    Map.of("spo2", 98, "temperature", 37)).status();
            case "GET /api/v1/cases/{id}/readings" -> api.get("/api/v1/cases/" + covidCase(commune, inside, false) + "/readings").status();
            case "GET /api/v1/alerts" -> api.get("/api/v1/alerts").status();
            case "POST /api/v1/alerts/{id}/acknowledge" -> api.post("/api/v1/alerts/" + alert(commune, inside) + "/acknowledge", Map.of()).status();
            case "POST /api/v1/alerts/{id}/resolve" -> api.post("/api/v1/alerts/" + alert(commune, inside) + "/resolve",
                    Map.of("action", "PHONE_CALL")).status();
            case "GET /api/v1/home-care/non-reporting" -> api.get("/api/v1/home-care/non-reporting").status();
            case "GET /api/v1/quarantine/facilities" -> api.get("/api/v1/quarantine/facilities").status();
            case "GET /api/v1/quarantine/facilities/by-district" -> api.get("/api/v1/quarantine/facilities/by-district").status();
            case "POST /api/v1/quarantine/facilities" -> api.post("/api/v1/quarantine/facilities", Map.of("name",
                    "Khu cách ly " + serial.incrementAndGet(), "kind", "CONCENTRATED", "communeCode", commune, "capacity", 100)).status();
            case "GET /api/v1/quarantine/facilities/{id}" -> api.get("/api/v1/quarantine/facilities/" + facility(inside)).status();
            case "PUT /api/v1/quarantine/facilities/{id}" ->
                    api.put("/api/v1/quarantine/facilities/" + facility(inside), Map.of("rooms", 20)).status();
            case "GET /api/v1/quarantine/facilities/{id}/stays" ->
                    api.get("/api/v1/quarantine/facilities/" + facility(inside) + "/stays").status();
            case "POST /api/v1/quarantine/stays" -> {
                long person = person(commune, inside);
                yield api.post("/api/v1/quarantine/stays", Map.of("personId", person, "nationalId", nationalId(person),
                        "start", "2021-08-01", "facilityId", facility(inside))).status();
            }
            case "GET /api/v1/quarantine/stays" -> api.get("/api/v1/quarantine/stays").status();
            case "GET /api/v1/quarantine/stays/{id}" -> api.get("/api/v1/quarantine/stays/" + stay(commune, inside, false)).status();
            case "POST /api/v1/quarantine/stays/{id}/transfers" -> api.post("/api/v1/quarantine/stays/" + stay(commune, inside, false)
                    + "/transfers", Map.of("home", true, "homeApprovedBy", "UBND", "on", "2021-08-03")).status();
            case "POST /api/v1/quarantine/stays/{id}/release" -> api.post("/api/v1/quarantine/stays/" + stay(commune, inside, false)
                    + "/release", Map.of("on", "2021-09-01")).status();
            // A fresh released stay each time: its first decision is issued, which needs QUARANTINE_WRITE besides READ.
            case "POST /api/v1/quarantine/stays/{id}/decision" ->
                    api.issue("/api/v1/quarantine/stays/" + stay(commune, inside, true) + "/decision").status();
            case "GET /api/v1/quarantine/stays/{id}/decision" -> {
                long id = stay(commune, inside, true);
                admin.issue("/api/v1/quarantine/stays/" + id + "/decision");
                yield api.download("/api/v1/quarantine/stays/" + id + "/decision").status();
            }
            case "GET /api/v1/persons/{id}/stays" -> api.get("/api/v1/persons/" + person(commune, inside) + "/stays").status();
            case "GET /api/v1/quarantine/tests-due" -> api.get("/api/v1/quarantine/tests-due?date=2021-08-07").status();
            case "GET /api/v1/quarantine/tests-missed" -> api.get("/api/v1/quarantine/tests-missed?date=2021-08-09").status();
            case "GET /api/v1/quarantine/policies" -> api.get("/api/v1/quarantine/policies").status();
            case "POST /api/v1/quarantine/policies" -> {
                synchronized (policies) { // each new policy takes the next free day
                    yield api.post("/api/v1/quarantine/policies", newPolicy()).status();
                }
            }
            case "PUT /api/v1/quarantine/policies/{id}" -> {
                synchronized (policies) {
                    Map<String, Object> policy = newPolicy();
                    long id = admin.post("/api/v1/quarantine/policies", policy).body().get("id").asLong();
                    yield api.put("/api/v1/quarantine/policies/" + id, policy).status();
                }
            }
            case "POST /api/v1/quarantine/arrivals" -> {
                long person = person(commune, inside);
                yield api.post("/api/v1/quarantine/arrivals", Map.of("personId", person, "nationalId", nationalId(person),
                        "originKind", "ABROAD", "origin", "Lào", "arrivedOn", "2021-06-10")).status();
            }
            case "GET /api/v1/quarantine/arrivals" -> api.get("/api/v1/quarantine/arrivals").status();
            case "GET /api/v1/cases/{id}/home-care/eligibility" ->
                    api.get("/api/v1/cases/" + covidCase(commune, inside, false) + "/home-care/eligibility").status();
            case "GET /api/v1/cases/{id}/home-care/end-of-isolation" ->
                    api.get("/api/v1/cases/" + covidCase(commune, inside, false) + "/home-care/end-of-isolation").status();
            case "POST /api/v1/cases/{id}/home-care/end" -> {
                // Confirmed 20 days ago: even without a test, the longest isolation (14 days) is over.
                long id = new CaseFixture(admin, jdbc).confirmed(person(commune, inside), commune, inside ? village : null, TODAY.minusDays(20));
                yield api.post("/api/v1/cases/" + id + "/home-care/end", Map.of()).status();
            }
            case "POST /api/v1/cases/{id}/patient-link" -> api.post("/api/v1/cases/" + covidCase(commune, inside, false) + "/patient-link",
                    Map.of()).status();
            case "DELETE /api/v1/cases/{id}/patient-link" -> api.delete("/api/v1/cases/" + covidCase(commune, inside, false) + "/patient-link").status();
            case "POST /api/v1/cases/{id}/home-care/placement" -> api.post("/api/v1/cases/" + covidCase(commune, inside, false)
                    + "/home-care/placement", Map.of("breathingRate", 18, "spo2", 98, "canSelfCare", true)).status();
            case "GET /api/v1/cases/{id}/home-care/placements" ->
                    api.get("/api/v1/cases/" + covidCase(commune, inside, false) + "/home-care/placements").status();
            case "POST /api/v1/care-teams" -> api.post("/api/v1/care-teams", Map.of("communeCode", commune, "kind", "HOME_CARE_TEAM",
                    "name", "Tổ " + serial.incrementAndGet())).status();
            case "GET /api/v1/care-teams" -> api.get("/api/v1/care-teams").status();
            case "POST /api/v1/care-teams/{id}/workers" -> api.post("/api/v1/care-teams/" + careTeam(commune) + "/workers",
                    Map.of("fullName", "Cán bộ " + letters(serial.incrementAndGet()))).status();
            case "POST /api/v1/care-teams/{id}/workers/{worker}/villages" -> {
                long team = careTeam(commune);
                long worker = admin.post("/api/v1/care-teams/" + team + "/workers", Map.of("fullName", "Y sĩ " + letters(serial.incrementAndGet())))
                        .body().get("id").asLong();
                yield api.post("/api/v1/care-teams/" + team + "/workers/" + worker + "/villages", Map.of("villageIds", List.of())).status();
            }
            case "PUT /api/v1/cases/{id}/care-worker" -> {
                long team = careTeam(commune);
                long worker = admin.post("/api/v1/care-teams/" + team + "/workers", Map.of("fullName", "Y sĩ " + letters(serial.incrementAndGet())))
                        .body().get("id").asLong();
                yield api.put("/api/v1/cases/" + covidCase(commune, inside, false) + "/care-worker", Map.of("workerId", worker)).status();
            }
            case "POST /api/v1/cases/{id}/support-requests" -> api.post("/api/v1/cases/" + covidCase(commune, inside, false)
                    + "/support-requests", Map.of("kind", "FOOD", "detail", "Gạo, rau")).status();
            case "GET /api/v1/support-requests" -> api.get("/api/v1/support-requests").status();
            case "POST /api/v1/doses" -> api.post("/api/v1/doses", Map.of("personId", person(commune, inside), "givenOn", "2021-10-15",
                    "product", "COMIRNATY_30", "lot", "FK1234", "doseKind", "PRIMARY_1")).status();
            case "GET /api/v1/persons/{id}/vaccination" -> api.get("/api/v1/persons/" + person(commune, inside) + "/vaccination").status();
            // issue 15 §6–7: refusals and home vaccination (helper vpeople)
            case "POST /api/v1/persons/{id}/vaccination/refusals" -> api.post("/api/v1/persons/" + person(commune, inside)
                    + "/vaccination/refusals", Map.of("reason", "DISTRUST", "refusedOn", "2021-10-01")).status();
            case "GET /api/v1/vaccination/refused" -> api.get("/api/v1/vaccination/refused?commune=" + commune).status();
            case "POST /api/v1/persons/{id}/vaccination/home-need" -> api.post("/api/v1/persons/" + person(commune, inside)
                    + "/vaccination/home-need", Map.of("reason", "BEDRIDDEN")).status();
            case "GET /api/v1/vaccination/home-needs" -> api.get("/api/v1/vaccination/home-needs?commune=" + commune).status();
            // vaccination points, reconciliation page, point reports form, people exports (helper vpages)
            case "GET /api/v1/vaccination/points" -> api.get("/api/v1/vaccination/points?commune=" + commune).status();
            case "GET /api/v1/vaccination/points/export" -> api.download("/api/v1/vaccination/points/export?commune=" + commune).status();
            case "GET /api/v1/vaccination/points/{id}" -> api.get("/api/v1/vaccination/points/" + managedPoint(commune)).status();
            case "POST /api/v1/vaccination/points" -> api.post("/api/v1/vaccination/points", Map.of("communeCode", commune,
                    "name", "Điểm tiêm trường học " + POINT_RUN + "-" + serial.incrementAndGet(), "kind", "SCHOOL")).status();
            case "PUT /api/v1/vaccination/points/{id}" -> api.put("/api/v1/vaccination/points/" + managedPoint(commune), Map.of(
                    "name", "Điểm tiêm doanh nghiệp " + POINT_RUN + "-" + serial.incrementAndGet(), "kind", "ENTERPRISE")).status();
            case "GET /api/v1/pick/vaccination-points" -> api.get("/api/v1/pick/vaccination-points?q=tram").status();
            case "GET /api/v1/vaccination/refused/export" -> api.download("/api/v1/vaccination/refused/export?commune=" + commune).status();
            case "GET /api/v1/vaccination/home-needs/export" -> api.download("/api/v1/vaccination/home-needs/export?commune=" + commune).status();
            case "POST /api/v1/vaccination/home-needs/assign" -> {
                long person = person(commune, inside);
                jdbc.sql("insert into vaccination_home_need (person_id, noted_on, reason, recorded_by) values (?, current_date, 'ELDERLY', 'test')")
                        .param(person).update();
                long team = jdbc.sql("""
                        insert into vaccination_point (commune_code, name, kind) values (?, 'Đội tiêm tại nhà (ma trận)', 'HOME')
                        on conflict (commune_code, name) do update set active = true returning id""").param(commune).query(Long.class).single();
                yield api.post("/api/v1/vaccination/home-needs/assign", Map.of("pointId", team, "personIds", List.of(person))).status();
            }
            case "POST /api/v1/support-requests/{id}/take" -> api.post("/api/v1/support-requests/" + supportRequest(commune, inside, false)
                    + "/take", Map.of("handledBy", "Hội Phụ nữ phường")).status();
            case "POST /api/v1/support-requests/{id}/done" -> api.post("/api/v1/support-requests/" + supportRequest(commune, inside, true)
                    + "/done", Map.of("note", "Đã giao")).status();
            case "POST /api/v1/support-requests/{id}/cancel" -> api.post("/api/v1/support-requests/" + supportRequest(commune, inside, false)
                    + "/cancel", Map.of()).status();
            case "POST /api/v1/contacts" -> api.post("/api/v1/contacts", Map.of("sourcePersonId", person(commune, inside),
                    "exposedPersonId", person(INSIDE, true), "exposureDate", "2021-09-04", "proximity", "PHYSICAL")).status();
            case "POST /api/v1/contacts/import" -> api.upload("/api/v1/contacts/import",
                    csv("Mã người nguồn,Mã người tiếp xúc,Ngày tiếp xúc\n1,2,01/09/2021\n")).status();
            case "POST /api/v1/cases/{id}/contacts" -> api.post("/api/v1/cases/" + covidCase(commune, inside) + "/contacts", Map.of(
                    "details", Map.of("exposureDate", "2021-09-04", "proximity", "WITHIN_1M"),
                    "lines", List.of(Map.of("personId", person(INSIDE, true))))).status();
            // A community team traces but does not register persons (no PERSON_WRITE): a new person is refused at its field, 400.
            case "POST /api/v1/cases/{id}/contacts/persons" -> api.post("/api/v1/cases/" + covidCase(commune, inside) + "/contacts/persons",
                    Map.of("rows", List.of(Map.of("fullName", "Trần Thị Ma Trận", "birthYear", "1990", "sex", "FEMALE", "proximity", "PHYSICAL",
                            "phone", "09" + (10_000_000 + java.util.concurrent.ThreadLocalRandom.current().nextInt(89_999_999)),
                            "lastContactDate", "2021-09-04",
                            // in the village of the village-level team when the case is inside: its person must be in reach
                            "villageId", inside ? String.valueOf(village) : "")))).status();
            case "GET /api/v1/cases/{id}/contacts" -> api.get("/api/v1/cases/" + covidCase(commune, inside) + "/contacts").status();
            case "GET /api/v1/cases/{id}/chain" -> api.get("/api/v1/cases/" + covidCase(commune, inside) + "/chain").status();
            case "GET /api/v1/persons/{id}/tier" -> api.get("/api/v1/persons/" + person(commune, inside) + "/tier").status();
            case "POST /api/v1/tiers/recompute" -> api.post("/api/v1/tiers/recompute", Map.of()).status();
            case "GET /api/v1/chains" -> api.get("/api/v1/chains").status();
            case "GET /api/v1/clusters" -> api.get("/api/v1/clusters").status();
            case "POST /api/v1/clusters" -> api.post("/api/v1/clusters", newCluster(commune, inside, 0)).status();
            case "GET /api/v1/clusters/{id}" -> api.get("/api/v1/clusters/" + cluster(commune, inside)).status();
            case "POST /api/v1/clusters/{id}/cases" -> api.post("/api/v1/clusters/" + cluster(commune, inside) + "/cases",
                    Map.of("caseId", covidCase(commune, inside))).status();
            case "POST /api/v1/clusters/{id}/close" -> api.post("/api/v1/clusters/" + cluster(commune, inside) + "/close", Map.of()).status();
            case "GET /api/v1/follow-ups" -> api.get("/api/v1/follow-ups").status();
            case "GET /api/v1/pick/communes" -> api.get("/api/v1/pick/communes?q=nam").status();
            case "GET /api/v1/pick/villages" -> api.get("/api/v1/pick/villages?q=thon").status();
            case "GET /api/v1/pick/persons" -> api.get("/api/v1/pick/persons?q=tran").status();
            case "GET /api/v1/pick/cases" -> api.get("/api/v1/pick/cases?q=tran").status();
            case "GET /api/v1/pick/facilities" -> api.get("/api/v1/pick/facilities?q=khu").status();
            case "GET /api/v1/pick/workers" -> api.get("/api/v1/pick/workers?q=can").status();
            case "POST /api/v1/follow-ups" -> api.post("/api/v1/follow-ups", Map.of("personId", person(commune, inside),
                    "date", TODAY.minusDays(1).toString(), "kind", "CALL", "outcome", "WELL")).status();
            // issue 15 §8: vaccine stock. Each write has a fresh lot, held by the commune and its point, received by its district.
            case "GET /api/v1/vaccine/stock" -> api.get("/api/v1/vaccine/stock?unit=" + commune).status();
            case "GET /api/v1/vaccine/stock/export" -> api.download("/api/v1/vaccine/stock/export?unit=" + commune).status();
            case "GET /api/v1/vaccine/expiring" -> api.get("/api/v1/vaccine/expiring?days=60").status();
            case "POST /api/v1/vaccine/lots" -> api.post("/api/v1/vaccine/lots", newLot(districtOf(commune))).status();
            case "POST /api/v1/vaccine/allocations" -> api.post("/api/v1/vaccine/allocations", Map.of("lotId", stockedLot(commune),
                    "from", commune, "to", vaccinationPoint(commune), "doses", 5, "on", TODAY.toString())).status();
            case "POST /api/v1/vaccine/returns" -> api.post("/api/v1/vaccine/returns", Map.of("lotId", stockedLot(commune),
                    "from", commune, "doses", 5, "on", TODAY.toString())).status();
            case "POST /api/v1/vaccine/discards" -> api.post("/api/v1/vaccine/discards", Map.of("lotId", stockedLot(commune),
                    "unit", commune, "doses", 5, "reason", "DAMAGED", "on", TODAY.toString())).status();
            case "POST /api/v1/vaccine/vial-counts" -> api.post("/api/v1/vaccine/vial-counts", Map.of("lotId", stockedLot(commune),
                    "point", vaccinationPoint(commune), "openedVials", 1, "on", TODAY.toString())).status();
            case "GET /api/v1/pick/vaccine-holders" -> api.get("/api/v1/pick/vaccine-holders?q=nam").status();
            // issue 15 §2: reconciliation (a commune's points) and a point's report (each call a new count, so a correction: 201)
            case "GET /api/v1/vaccination/reconciliation" -> api.get("/api/v1/vaccination/reconciliation?unit=" + commune
                    + "&from=2021-09-01&to=2021-09-30").status();
            case "GET /api/v1/vaccination/reconciliation/export" -> api.download("/api/v1/vaccination/reconciliation/export?unit="
                    + commune + "&from=2021-09-01&to=2021-09-30").status();
            case "POST /api/v1/vaccination/point-reports" -> api.post("/api/v1/vaccination/point-reports", Map.of("pointId",
                    vaccinationPoint(commune).substring("point-".length()), "day", TODAY.minusDays(1).toString(), "product", "VERO_CELL",
                    "doses", POINT_REPORT_COUNT.incrementAndGet())).status();
            // issue 15 §7: sessions, each call with its own point holding a fresh lot (one session a day at a point)
            case "POST /api/v1/vaccination/sessions" -> {
                long[] held = pointWithLot(commune);
                yield api.post("/api/v1/vaccination/sessions", Map.of("pointId", held[0], "day", TODAY.toString(), "capacity", 5,
                        "lotIds", List.of(held[1]))).status();
            }
            case "GET /api/v1/vaccination/sessions" -> api.get("/api/v1/vaccination/sessions").status();
            case "GET /api/v1/vaccination/sessions/{id}" -> api.get("/api/v1/vaccination/sessions/" + session(commune)).status();
            case "PUT /api/v1/vaccination/sessions/{id}" -> {
                long id = session(commune);
                JsonNode s = admin.get("/api/v1/vaccination/sessions/" + id).body().get("session");
                yield api.put("/api/v1/vaccination/sessions/" + id, Map.of("pointId", s.get("pointId").asLong(), "day", TODAY.toString(),
                        "capacity", 6, "lotIds", List.of(s.get("lots").get(0).get("lotId").asLong()))).status();
            }
            case "POST /api/v1/vaccination/sessions/{id}/invitations" -> api.post("/api/v1/vaccination/sessions/" + session(commune)
                    + "/invitations", Map.of()).status();
            case "POST /api/v1/vaccination/sessions/{id}/check-ins" -> api.post("/api/v1/vaccination/sessions/" + session(commune)
                    + "/check-ins", Map.of("personId", person(commune, inside))).status();
            case "POST /api/v1/vaccination/sessions/{id}/close" -> api.post("/api/v1/vaccination/sessions/" + session(commune)
                    + "/close", Map.of()).status();
            case "POST /api/v1/doses/import" -> api.upload("/api/v1/doses/import", csv("Họ và tên,Tên vắc xin,Ngày tiêm,Mũi tiêm\n"
                    + "Người Thử An,AstraZeneca,01/09/2021,Mũi 1\n")).status();
            case "GET /api/v1/doses/import/unmatched" -> api.get("/api/v1/doses/import/unmatched").status();
            case "POST /api/v1/doses/import/unmatched/{id}/match" -> api.post("/api/v1/doses/import/unmatched/" + unmatchedLine(commune)
                    + "/match", Map.of("personId", person(commune, inside))).status();
            case "POST /api/v1/doses/import/unmatched/{id}/register" -> api.post("/api/v1/doses/import/unmatched/" + unmatchedLine(commune)
                    + "/register", Map.of("sex", "MALE")).status();
            // issue 15: the certificate of a person with one dose (written straight into the registry)
            case "GET /api/v1/persons/{id}/vaccination/certificate" -> {
                long id = person(commune, inside);
                new vn.phaodai.support.CertificateDoses(jdbc).dose(id, LocalDate.of(2021, 9, 1), "ASTRAZENECA", "PRIMARY_1", "NJ0342", null);
                yield api.download("/api/v1/persons/" + id + "/vaccination/certificate").status();
            }
            // issue 15 §6: the due list and the priority groups (vdue)
            case "GET /api/v1/vaccination/due" -> api.get("/api/v1/vaccination/due?commune=" + commune + "&on=2022-06-15&first=true").status();
            case "GET /api/v1/vaccination/priority-groups" -> api.get("/api/v1/vaccination/priority-groups").status();
            case "GET /api/v1/persons/{id}/vaccination/priority-groups" ->
                    api.get("/api/v1/persons/" + person(commune, inside) + "/vaccination/priority-groups").status();
            case "PUT /api/v1/persons/{id}/vaccination/priority-groups" ->
                    api.put("/api/v1/persons/" + person(commune, inside) + "/vaccination/priority-groups", Map.of("groups", List.of(9))).status();
            default -> throw new AssertionError("No call written for " + endpoint);
        };
    }

    private static String districtOf(String commune) {
        return commune.equals(INSIDE) ? "436" : "001";
    }

    /** A delivery of a lot never seen before. */
    private Map<String, Object> newLot(String district) {
        return Map.of("unit", district, "product", "ASTRAZENECA", "lot", "MT-" + serial.incrementAndGet(),
                "expiry", TODAY.plusDays(45).toString(), "doses", 200, "supplier", "Bộ Y tế", "on", TODAY.toString());
    }

    /** Points' names of this run: the test database outlives a run, and a point is named once in its commune. */
    static final String POINT_RUN = Long.toString(System.currentTimeMillis(), 36);

    /** A fresh vaccination point of the commune, for one call that reads or changes it. */
    private long managedPoint(String commune) {
        return jdbc.sql("insert into vaccination_point (commune_code, name, kind) values (?, ?, 'MOBILE') returning id")
                .params(commune, "Điểm tiêm lưu động (ma trận) " + POINT_RUN + "-" + serial.incrementAndGet()).query(Long.class).single();
    }

    /** The commune's health station as a vaccination point (made once). */
    private String vaccinationPoint(String commune) {
        return "point-" + jdbc.sql("""
                insert into vaccination_point (commune_code, name, kind) values (?, 'Trạm Y tế (ma trận)', 'HEALTH_STATION')
                on conflict (commune_code, name) do update set active = true returning id""").param(commune).query(Long.class).single();
    }

    /** issue 15 §7: a new point of the commune holding 5 doses of a fresh lot: {point id, lot id}. */
    private long[] pointWithLot(String commune) {
        long lot = stockedLot(commune);
        long point = jdbc.sql("insert into vaccination_point (commune_code, name, kind) values (?, ?, 'MOBILE') returning id")
                .params(commune, "Đội tiêm lưu động (ma trận) " + System.nanoTime()).query(Long.class).single();
        var moved = admin.post("/api/v1/vaccine/allocations", Map.of("lotId", lot, "from", commune, "to", "point-" + point, "doses", 5,
                "on", TODAY.toString()));
        assertThat(moved.status()).as(moved.text()).isEqualTo(201);
        return new long[] {point, lot};
    }

    /** A session of today at a new point of the commune, planned by the administrator. */
    private long session(String commune) {
        long[] held = pointWithLot(commune);
        var r = admin.post("/api/v1/vaccination/sessions", Map.of("pointId", held[0], "day", TODAY.toString(), "capacity", 5,
                "lotIds", List.of(held[1])));
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.body().get("id").asLong();
    }

    /** A fresh lot received by the commune's district: 100 doses allocated to the commune, 20 of them on to its point. */
    private long stockedLot(String commune) {
        var received = admin.post("/api/v1/vaccine/lots", newLot(districtOf(commune)));
        assertThat(received.status()).as(received.text()).isEqualTo(201);
        long lot = received.body().get("lotId").asLong();
        assertThat(admin.post("/api/v1/vaccine/allocations", Map.of("lotId", lot, "from", districtOf(commune), "to", commune, "doses", 100,
                "on", TODAY.toString())).status()).isEqualTo(201);
        assertThat(admin.post("/api/v1/vaccine/allocations", Map.of("lotId", lot, "from", commune, "to", vaccinationPoint(commune),
                "doses", 20, "on", TODAY.toString())).status()).isEqualTo(201);
        return lot;
    }

    /** A line of the platform's export that matched nobody, on the commune's list, with its own name and ID number. */
    private long unmatchedLine(String commune) {
        int n = serial.incrementAndGet();
        return jdbc.sql("""
                insert into vaccine_import_unmatched (line_key, job_id, line, full_name, date_of_birth, national_id, product_code,
                    given_on, dose_kind, commune_code, reason, created_by)
                values (?, gen_random_uuid(), 2, ?, '1980-01-01', ?, 'ASTRAZENECA', '2021-09-01', 'PRIMARY_1', ?, 'NONE', 'admin')
                returning id""").params("matrix-" + n, "Người Tiêm " + letters(n), String.format("042080%06d", n), commune)
                .query(Long.class).single();
    }

    /** A fresh adult; inside the community team's village when inside. */
    private Map<String, Object> newPerson(String commune, boolean inside) {
        int n = serial.incrementAndGet();
        Map<String, Object> p = new HashMap<>();
        p.put("fullName", "Người Thử " + letters(n));
        p.put("sex", "MALE");
        p.put("dateOfBirth", "01/01/1980");
        p.put("nationalId", String.format("042080%06d", n));
        p.put("communeCode", commune);
        if (inside) p.put("villageId", village);
        return p;
    }

    private long person(String commune, boolean inside) {
        var r = admin.post("/api/v1/persons", newPerson(commune, inside));
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.body().get("person").get("id").asLong();
    }

    private static Map<String, Object> newCase(long person) {
        return Map.of("personId", person, "confirmedOn", "2021-09-05", "evidence", "RT-PCR dương tính tại CDC tỉnh");
    }

    private long covidCase(String commune, boolean inside) {
        var r = admin.post("/api/v1/cases", newCase(person(commune, inside)));
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.body().get("id").asLong();
    }

    /** A confirmed case of a fresh person, in the community team's village when inside; recovered when asked. */
    private long covidCase(String commune, boolean inside, boolean recovered) {
        CaseFixture cases = new CaseFixture(admin, jdbc);
        long id = cases.confirmed(person(commune, inside), commune, inside ? village : null, TODAY.minusDays(10));
        if (recovered) cases.recovered(id, TODAY.minusDays(1));
        return id;
    }

    /** An open alert: a case whose reading shows oxygen at 94 %. */
    private long alert(String commune, boolean inside) {
        var r = admin.post("/api/v1/cases/" + covidCase(commune, inside, false) + "/readings", Map.of("spo2", 94));
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.body().get("alertId").asLong();
    }

    /** An open request for food of a case at home; taken by the women's union when asked. */
    private long supportRequest(String commune, boolean inside, boolean taken) {
        var r = admin.post("/api/v1/cases/" + covidCase(commune, inside, false) + "/support-requests", Map.of("kind", "FOOD"));
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        long id = r.body().get("id").asLong();
        if (taken) {
            var t = admin.post("/api/v1/support-requests/" + id + "/take", Map.of("handledBy", "Hội Phụ nữ phường"));
            assertThat(t.status()).as(t.text()).isEqualTo(200);
        }
        return id;
    }

    /** The facility of the facility users' jurisdiction (code LAB-1) inside, another one outside. */
    private long facility(boolean inside) {
        String code = inside ? "LAB-1" : "HN-MATRIX";
        return jdbc.sql("select id from quarantine_facility where code = ?").param(code).query(Long.class).optional().orElseGet(() -> {
            var r = admin.post("/api/v1/quarantine/facilities", Map.of("name", "Cơ sở " + code, "kind", "CONCENTRATED",
                    "communeCode", inside ? INSIDE : OUTSIDE, "capacity", 20_000, "code", code));
            assertThat(r.status()).as(r.text()).isEqualTo(201);
            return r.body().get("id").asLong();
        });
    }

    /** A fresh stay from 1 Aug 2021 (14 days by 5599/BYT-MT) of a fresh person; released on 1 Sep 2021 when asked. */
    private long stay(String commune, boolean inside, boolean released) {
        var r = admin.post("/api/v1/quarantine/stays", Map.of("personId", person(commune, inside), "start", "2021-08-01",
                "facilityId", facility(inside)));
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        long id = r.body().get("id").asLong();
        if (released) assertThat(admin.post("/api/v1/quarantine/stays/" + id + "/release", Map.of("on", "2021-09-01")).status()).isEqualTo(200);
        return id;
    }

    /** A policy of its own far-future day (after every earlier one: the table outlives the test), which ends no other. */
    private Map<String, Object> newPolicy() {
        String day = jdbc.sql("""
                select greatest(date '2030-01-01', max(valid_from)) + 1 from quarantine_policy
                where subject = 'ARRIVAL_PROVINCE' and vaccination = 'VACCINATED'""").query(LocalDate.class).single().toString();
        return Map.of("subject", "ARRIVAL_PROVINCE", "vaccination", "VACCINATED", "validFrom", day, "validTo", day, "place", "HOME",
                "quarantineDays", 1, "testDays", List.of(1), "document", "Thử quyền " + day);
    }

    /** A fresh home-care team of the commune, made by the administrator. */
    private long careTeam(String commune) {
        var r = admin.post("/api/v1/care-teams", Map.of("communeCode", commune, "kind", "MOBILE_STATION", "name", "Trạm " + serial.incrementAndGet()));
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.body().get("id").asLong();
    }

    /** A cluster of the commune (in the community team's village when inside), opened days ago without a case. */
    private Map<String, Object> newCluster(String commune, boolean inside, int daysAgo) {
        Map<String, Object> g = new HashMap<>(Map.of("name", "Ổ dịch " + serial.incrementAndGet(), "kind", "HAMLET", "communeCode", commune,
                "openedOn", TODAY.minusDays(daysAgo).toString()));
        if (inside) g.put("villageId", village);
        return g;
    }

    private long cluster(String commune, boolean inside) {
        var r = admin.post("/api/v1/clusters", newCluster(commune, inside, 20));
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.body().get("id").asLong();
    }

    private String nationalId(long person) {
        return jdbc.sql("select national_id from person where id = ?").param(person).query(String.class).single();
    }

    private long household(String commune, boolean inside) {
        Map<String, Object> h = new HashMap<>(Map.of("communeCode", commune, "code", "HH-" + serial.incrementAndGet()));
        if (inside) h.put("villageId", village);
        return admin.post("/api/v1/households", h).body().get("id").asLong();
    }

    /** A screening campaign over the whole commune (a fresh name: the same form twice gives back the first). */
    private Map<String, Object> newCampaign(String commune) {
        return Map.of("name", "Sàng lọc " + serial.incrementAndGet(), "communeCodes", List.of(commune),
                "startsOn", "2021-10-01", "endsOn", "2021-10-03", "testType", "RAPID");
    }

    private long campaign(String commune) {
        var r = admin.post("/api/v1/campaigns", newCampaign(commune));
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.body().get("id").asLong();
    }

    private Map<String, Object> newUser(String commune) {
        return Map.of("username", "nv-" + serial.incrementAndGet(), "password", "Mot-mat-khau-dai-9", "roles", List.of("COMMUNE_OFFICER"),
                "jurisdiction", Map.of("level", "COMMUNE", "codes", List.of(commune)));
    }

    /** Names without digits: a person's name is letters only. */
    private static String letters(int n) {
        StringBuilder s = new StringBuilder();
        for (int x = n; x > 0; x /= 20) s.append("ABCDEGHIKLMNOPQRSTUV".charAt(x % 20));
        return s.toString();
    }

    private Path csv(String text) {
        try {
            Path f = Files.createTempFile("matrix", ".csv");
            f.toFile().deleteOnExit();
            Files.writeString(f, text);
            return f;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, List<String>> matrix() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        for (String line : MATRIX.strip().split("\n")) {
            if (line.strip().startsWith("#")) continue; // a comment naming a block of rows
            String[] cells = line.split("\\|");
            List<String> codes = new ArrayList<>();
            for (int i = 1; i < cells.length; i++) codes.add(cells[i].strip());
            assertThat(codes).as(line).hasSize(ROLES.size());
            m.put(cells[0].strip(), codes);
        }
        return m;
    }
}
