/** F0 cared for at home: the monitoring log, warning signs by age band, alerts and their escalation, non-reporting. */
package vn.phaodai.homecare;
