package org.pdcaledger.support.problem;

import java.util.List;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;

/**
 * Request bodies are read strictly: an unknown field, a number where text belongs or a missing value for a Java
 * primitive is a 400 that names the field, never silently ignored. Only the HTTP edge is strict; the event
 * serializer keeps the tolerant reader that event evolution needs.
 */
@Configuration(proxyBeanMethods = false)
public class StrictJsonInput implements WebMvcConfigurer {

    @Override
    public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        for (HttpMessageConverter<?> converter : converters) {
            if (converter instanceof MappingJackson2HttpMessageConverter json) {
                json.setObjectMapper(json.getObjectMapper().copy()
                        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                        .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS));
            }
        }
    }
}
