package vn.phaodai.shared;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How large an imported file may be ({@code phaodai.import.*}). Imports that run as a job (persons, laboratory
 * results, contacts) take files of up to {@code maxRows} rows and {@code maxUploadSize} bytes; imports answered in
 * the request itself (the GSO list, villages) take far smaller ones, so that no request reads a huge file for
 * minutes.
 *
 * @param maxRows           rows (the header included) of a file imported as a job
 * @param maxUploadSize     size of a file imported as a job
 * @param syncMaxRows       rows of a file imported within the request
 * @param syncMaxUploadSize size of a file imported within the request
 */
@ConfigurationProperties("phaodai.import")
public record ImportLimits(@DefaultValue("2000000") long maxRows, @DefaultValue("512MB") DataSize maxUploadSize,
                           @DefaultValue("100000") long syncMaxRows, @DefaultValue("20MB") DataSize syncMaxUploadSize) {
}
