package org.vigie.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.vigie.core.Location;
import org.vigie.core.StructureDirectory;
import org.vigie.doctrine.OrganisationFile;
import org.vigie.doctrine.OrganisationFileReader;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The syntax of the organisation file of {@code vigie plan}: YAML or JSON (same structure), at most
 * {@link #MAX_BYTES}, parsed with Jackson into the plain tree {@link OrganisationFileReader} reads, with the line of
 * each value. What the file says is the doctrine module's business; this class only reads it.
 */
final class OrganisationFileParser {

    /** Largest organisation file read, in bytes. */
    static final long MAX_BYTES = 1L << 20;

    private OrganisationFileParser() {
    }

    /**
     * Reads, parses and checks a file.
     *
     * @param file      the file
     * @param directory the FINESS directory, or null
     * @return the organisation when usable, and every problem
     * @throws IOException when the file cannot be read
     */
    static OrganisationFile read(Path file, StructureDirectory directory) throws IOException {
        return read(file, directory, Locale.FRENCH);
    }

    /** {@link #read(Path, StructureDirectory)}, the problems written in {@code locale}'s language. */
    static OrganisationFile read(Path file, StructureDirectory directory, Locale locale) throws IOException {
        long size = Files.size(file);
        if (size > MAX_BYTES) {
            return unusable(0, CliText.get(locale, "org.too-large", size, MAX_BYTES));
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes((int) MAX_BYTES + 1);
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean json = name.endsWith(".json") || (!name.endsWith(".yaml") && !name.endsWith(".yml") && looksJson(bytes));
        return read(bytes, json, directory, locale);
    }

    /**
     * Parses and checks file content.
     *
     * @param json      true for JSON, false for YAML
     * @param directory the FINESS directory, or null
     * @return the organisation when usable, and every problem
     */
    static OrganisationFile read(byte[] bytes, boolean json, StructureDirectory directory) {
        return read(bytes, json, directory, Locale.FRENCH);
    }

    /** {@link #read(byte[], boolean, StructureDirectory)}, the problems written in {@code locale}'s language. */
    static OrganisationFile read(byte[] bytes, boolean json, StructureDirectory directory, Locale locale) {
        JsonFactory factory = json ? JsonFactory.builder().build() : YAMLFactory.builder().build();
        factory.setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(32)
                .maxStringLength(64 * 1024).build());
        factory.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        Map<String, Integer> lines;
        JsonNode root;
        try {
            lines = locate(factory, bytes);
            root = new ObjectMapper(factory).readTree(bytes);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            return unusable(line, CliText.get(locale, "org.unreadable", json ? "JSON" : "YAML",
                    firstLine(e.getOriginalMessage())));
        } catch (IOException e) {
            return unusable(0, CliText.get(locale, "org.read-failed", e.getMessage()));
        }
        OrganisationFileReader reader = directory == null ? new OrganisationFileReader()
                : new OrganisationFileReader(directory);
        return reader.locale(locale).read(plain(root), l -> lines.getOrDefault(OrganisationFile.pointerOf(l), 0));
    }

    private static OrganisationFile unusable(int line, String message) {
        return new OrganisationFile(Optional.empty(), List.of(new OrganisationFile.Problem(Location.NONE, line,
                message)));
    }

    /** The tree as plain Java values: maps in file order, lists, strings, numbers, booleans, null. */
    private static Object plain(JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode()) {
            return null;
        }
        if (n.isObject()) {
            Map<String, Object> out = new LinkedHashMap<>();
            Iterator<Map.Entry<String, JsonNode>> it = n.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                out.put(e.getKey(), plain(e.getValue()));
            }
            return out;
        }
        if (n.isArray()) {
            List<Object> out = new ArrayList<>(n.size());
            n.forEach(x -> out.add(plain(x)));
            return out;
        }
        if (n.isBoolean()) {
            return n.booleanValue();
        }
        if (n.isNumber()) {
            return n.numberValue();
        }
        return n.asText();
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        String t = s.strip();
        int nl = t.indexOf('\n');
        return nl < 0 ? t : t.substring(0, nl);
    }

    private static boolean looksJson(byte[] bytes) {
        for (byte b : bytes) {
            if (b == '{' || b == '[') {
                return true;
            }
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t' && (b & 0xFF) != 0xEF && (b & 0xFF) != 0xBB
                    && (b & 0xFF) != 0xBF) {
                return false;
            }
        }
        return false;
    }

    /** The line of each value, by JSON pointer. */
    private static Map<String, Integer> locate(JsonFactory factory, byte[] bytes) throws IOException {
        Map<String, Integer> out = new HashMap<>();
        try (JsonParser p = factory.createParser(bytes)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t == JsonToken.FIELD_NAME || t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                    continue;
                }
                out.putIfAbsent(p.getParsingContext().pathAsPointer().toString(), p.currentTokenLocation().getLineNr());
            }
        }
        return out;
    }
}
