/** Users, roles, rights and jurisdictions; the audit trail of every change and every view of personal data. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"geography", "shared"})
package vn.phaodai.security;
