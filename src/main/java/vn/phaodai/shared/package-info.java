/**
 * The few types every capability needs: paging, errors, texts, the clock, spreadsheets, bulk copy, navigation
 * entries. The root package is what the modules use; {@code shared.web} is the web frame itself (the language,
 * error pages and problem answers, the input filter, upload set-up), which no module calls.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN,
        allowedDependencies = {})
package vn.phaodai.shared;
