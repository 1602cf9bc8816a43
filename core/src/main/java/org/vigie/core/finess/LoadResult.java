package org.vigie.core.finess;

import java.util.List;

import org.vigie.core.InMemoryStructureDirectory;

/**
 * The outcome of loading one or several FINESS files.
 *
 * @param directory the directory built from every accepted line or record
 * @param sources what each file brought, in load order
 * @param rejections the rejected lines or records, in load order (at most the loader's limit; see
 *                   {@link #rejectionCount()})
 * @param rejectionCount every rejection, including those beyond the kept list
 */
public record LoadResult(InMemoryStructureDirectory directory, List<SourceSummary> sources,
                         List<Rejection> rejections, long rejectionCount) {

    /** Copies the lists. */
    public LoadResult {
        sources = List.copyOf(sources);
        rejections = List.copyOf(rejections);
    }
}
