package vn.phaodai;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Fails when a capability reaches into another's internals, uses a module it does not declare, or the modules
 * form a cycle; writes the module documentation (docs/modules: a canvas per module, the component diagram).
 */
class ModularityTest {

    static final ApplicationModules MODULES = ApplicationModules.of(Application.class);

    @Test
    void modulesRespectTheirWalls() {
        MODULES.verify();
    }

    /** Regenerated on every run: a change of the modules shows in the diff of docs/modules. */
    @Test
    void writesTheModuleDocumentation() {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder("docs/modules"))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
    }
}
