/**
 * The person directory: people, households and their relations, imports and exports.
 *
 * <p>This package is the module's public face: {@link vn.phaodai.population.Persons}, {@link vn.phaodai.population.Person}
 * and its values, {@link vn.phaodai.population.Households}, {@link vn.phaodai.population.PersonImport},
 * {@link vn.phaodai.population.Residents} and the event {@code Persons.PersonsMerged}. The rest is internal, by job:
 * {@code registry} (the rules of a record, its storage and the directory's search), {@code residence} (moves, arrivals,
 * deaths), {@code spreadsheets} (the import layout, the Excel list and template) and {@code web} (pages, API, menu).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {
        "geography", "jobs", "security :: api", "shared"})
package vn.phaodai.population;
