/** One-off administrative commands run from the application jar. */
package vn.phaodai.commandline;
