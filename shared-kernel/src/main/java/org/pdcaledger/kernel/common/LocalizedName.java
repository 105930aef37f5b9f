package org.pdcaledger.kernel.common;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A name in the two languages of the product: Chinese first (the working language of the units), English second.
 */
public record LocalizedName(
        @NotBlank @Size(max = 200) String zh,
        @NotBlank @Size(max = 200) String en) {

    public String in(String languageTag) {
        return languageTag != null && languageTag.toLowerCase().startsWith("en") ? en : zh;
    }
}
