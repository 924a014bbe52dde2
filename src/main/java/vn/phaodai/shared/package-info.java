/** The few types every capability needs: paging, errors, spreadsheets, bulk copy, the web frame. */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN,
        allowedDependencies = {})
package vn.phaodai.shared;
