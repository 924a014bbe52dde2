package vn.phaodai;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** Fails when a capability reaches into another's internals or the modules form a cycle. */
class ModularityTest {

    @Test
    void modulesRespectTheirWalls() {
        ApplicationModules.of(Application.class).verify();
    }
}
