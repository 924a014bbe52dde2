/**
 * The commune's register of official decisions (sổ đăng ký văn bản): one numbering per commune and year for every
 * capability that issues decisions (cases, quarantine), and their printed form of Nghị định 30/2020/NĐ-CP.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"geography"})
package vn.phaodai.decisions;
