package vn.gov.hanoi.lienthong.archive.retention;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The retention period of each document type ({@code config/retention.yaml}): years, or permanent (empty). A period
 * runs from 1 January of the year after the document's date, so a document of 2015 kept 5 years expires on
 * 1 January 2021.
 */
public final class RetentionSchedule {

    private static final String PERMANENT = "permanent";

    private final Integer defaultYears;
    private final Map<Integer, Integer> byType;

    RetentionSchedule(Integer defaultYears, Map<Integer, Integer> byType) {
        this.defaultYears = defaultYears;
        this.byType = byType;
    }

    public static RetentionSchedule read(InputStream yaml, String location) throws IOException {
        JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(yaml);
        if (root == null || !root.has("default")) throw new IllegalStateException(location + ": no default retention");
        Map<Integer, Integer> byType = new TreeMap<>();
        root.path("types").fields().forEachRemaining(entry -> {
            int type;
            try {
                type = Integer.parseInt(entry.getKey());
            } catch (NumberFormatException e) {
                throw new IllegalStateException(location + ": type " + entry.getKey() + " is not a type number");
            }
            byType.put(type, years(entry.getValue(), location + " type " + type));
        });
        return new RetentionSchedule(years(root.get("default"), location + " default"), byType);
    }

    private static Integer years(JsonNode value, String where) {
        if (value.isTextual() && value.asText().equals(PERMANENT)) return null;
        if (value.isInt() && value.asInt() >= 1) return value.asInt();
        throw new IllegalStateException(where + ": a number of years (at least 1) or \"permanent\", not " + value);
    }

    /** The years a document of this type is kept (its own override first); empty: permanently. */
    public Optional<Integer> yearsOf(Integer typeNumber, Integer override) {
        if (override != null) return Optional.of(override);
        if (typeNumber != null && byType.containsKey(typeNumber)) return Optional.ofNullable(byType.get(typeNumber));
        return Optional.ofNullable(defaultYears);
    }

    /** The shortest period of any type (the default's included): no document younger than this can have expired. */
    public int shortestYears() {
        int shortest = defaultYears == null ? Integer.MAX_VALUE : defaultYears;
        for (Integer years : byType.values()) if (years != null) shortest = Math.min(shortest, years);
        return shortest == Integer.MAX_VALUE ? 1000 : shortest;
    }

    /** The first day on which a document of this date, kept this many years, may be destroyed. */
    public static LocalDate expiresOn(LocalDate documentDate, int years) {
        return LocalDate.of(documentDate.getYear() + years + 1, 1, 1);
    }
}
