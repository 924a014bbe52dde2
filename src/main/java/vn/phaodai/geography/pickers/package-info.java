/**
 * Communes and villages chosen by typing part of their name (accent-insensitive, inside the user's jurisdiction),
 * and the typed name resolved on the server when a page is sent without script.
 */
@org.springframework.modulith.NamedInterface("pickers")
package vn.phaodai.geography.pickers;
