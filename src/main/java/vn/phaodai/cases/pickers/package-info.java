/** Cases chosen by typing part of the patient's name, inside the user's area; audited, as they name people. */
@org.springframework.modulith.NamedInterface("pickers")
package vn.phaodai.cases.pickers;
