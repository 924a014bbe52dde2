/**
 * The registry of doses: a dose recorded by hand or through the API (judged by the rules; one that breaks a rule is
 * kept only with a reason), and a person's doses.
 */
package vn.phaodai.vaccination.doses;
