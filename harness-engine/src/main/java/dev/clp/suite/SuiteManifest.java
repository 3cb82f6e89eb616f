package dev.clp.suite;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The contents of {@code suite.json}.
 *
 * @param id short stable name, used in test ids ({@code [suite:<id>]})
 * @param version suite version, recorded in every run
 * @param title human title
 * @param description free text, may be null
 * @param licence licence of the suite's content
 * @param sources datasets the pairs come from
 * @param provenance who or what wrote the suite and how it was reviewed
 */
@API(status = API.Status.STABLE, since = "0.1")
public record SuiteManifest(String id, String version, String title, String description, String licence,
        List<Source> sources, Map<String, Object> provenance) {

    /** The only format this reader and writer speak. */
    public static final String FORMAT = "clp-suite/v1";

    public SuiteManifest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(version, "version");
        sources = sources == null ? List.of() : List.copyOf(sources);
        provenance = provenance == null ? Map.of() : Map.copyOf(provenance);
    }

    /** A dataset pairs were taken or derived from. */
    public record Source(String name, String url, String licence) {
    }
}
