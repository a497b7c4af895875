"""Turn an agency's ITA report, kept as YAML data, into the pages of a bilingual site.

The package reads as its pipeline, one stage per folder, each importing only the stages below it:

    data/      read and check the files of data/ (YAML reader, schema, cross-file checks, loader)
    scoring    tool averages, totals, levels and changes; the report's stated figures checked against them
    site/      what the pages show: page plan and URL scheme, rendering, locale, charts, open data
    search/    Thai words in the search index, and the query worker that must cut them the same way
    build/     what a build needs around the pages: cache, provenance, compact HTML, the CSP header

`pipeline.py` runs data → scoring → site in one call. Nothing in this package knows about MkDocs:
`hooks/mkdocs_hooks.py` is the only bridge, so the data-to-page logic can outlive the build tool.
"""
