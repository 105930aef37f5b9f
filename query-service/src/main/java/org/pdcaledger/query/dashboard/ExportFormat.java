package org.pdcaledger.query.dashboard;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * The three forms a dashboard table can be read in: JSON (default), CSV and XLSX, chosen with {@code ?format=csv|xlsx}
 * or the {@code Accept} header.
 */
enum ExportFormat {
    JSON(MediaType.APPLICATION_JSON, "json"),
    CSV(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8), "csv"),
    XLSX(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"), "xlsx");

    private final MediaType mediaType;
    private final String extension;

    ExportFormat(MediaType mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    MediaType mediaType() {
        return mediaType;
    }

    String extension() {
        return extension;
    }

    /**
     * {@code ?format=} wins; otherwise the first of JSON, CSV or XLSX that the {@code Accept} header names, in the
     * order of its quality values; otherwise JSON.
     */
    static ExportFormat choose(String format, String accept) {
        if (format != null && !format.isBlank()) {
            return switch (format.trim().toLowerCase(Locale.ROOT)) {
                case "csv" -> CSV;
                case "xlsx" -> XLSX;
                case "json" -> JSON;
                default -> throw new org.pdcaledger.kernel.common.RuleViolationException("format-unknown",
                        "format", "format must be csv, xlsx or json");
            };
        }
        return fromAccept(accept).orElse(JSON);
    }

    private static Optional<ExportFormat> fromAccept(String accept) {
        if (accept == null || accept.isBlank()) {
            return Optional.empty();
        }
        List<MediaType> types;
        try {
            types = MediaType.parseMediaTypes(accept);
        } catch (InvalidMediaTypeException e) {
            return Optional.empty();
        }
        List<MediaType> ordered = types.stream()
                .sorted(java.util.Comparator.comparingDouble(MediaType::getQualityValue).reversed())
                .toList();
        for (MediaType type : ordered) {
            for (ExportFormat format : values()) {
                if (!type.isWildcardType() && !type.isWildcardSubtype()
                        && type.getType().equals(format.mediaType.getType())
                        && type.getSubtype().equals(format.mediaType.getSubtype())) {
                    return Optional.of(format);
                }
            }
        }
        return Optional.empty();
    }
}
