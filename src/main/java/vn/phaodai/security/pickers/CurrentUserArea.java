package vn.phaodai.security.pickers;

import org.springframework.stereotype.Component;
import vn.phaodai.security.CurrentUser;
import vn.phaodai.security.Scope;
import vn.phaodai.shared.UserArea;

import java.util.HashSet;
import java.util.Set;

/** The acting user's jurisdiction as the pickers of other capabilities read it. */
@Component
class CurrentUserArea implements UserArea {

    @Override
    public Set<String> communes() {
        Scope scope = CurrentUser.scope();
        if (scope.everything()) return null;
        Set<String> communes = new HashSet<>(scope.communes());
        communes.addAll(scope.villageCommunes());
        return communes;
    }

    @Override
    public Set<Long> villages() {
        return CurrentUser.scope().villages();
    }
}
