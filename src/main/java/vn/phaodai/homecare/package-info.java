/**
 * F0 cared for at home: the monitoring log, warning signs by age band, alerts and their escalation, non-reporting;
 * support to F0 households (food, medicine, waste collection) handled by the commune's mass organisations.
 */
package vn.phaodai.homecare;
