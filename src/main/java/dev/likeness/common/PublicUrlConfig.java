package dev.likeness.common;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The address end users and backends reach this service at; session and media links start with it. */
@ConfigMapping(prefix = "likeness.public")
public interface PublicUrlConfig {

    /** Base URL without a trailing slash, e.g. {@code https://verify.example.com} ({@code LIKENESS_PUBLIC_URL}). */
    @WithDefault("http://localhost:8080")
    String url();

    default String link(String path) {
        String base = url().endsWith("/") ? url().substring(0, url().length() - 1) : url();
        return base + path;
    }
}
