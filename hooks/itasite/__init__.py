"""Turn an agency's ITA report, kept as YAML data, into the pages of a bilingual site.

Nothing in this package knows about MkDocs: `hooks/mkdocs_hooks.py` is the only bridge, so the
data-to-page logic can outlive the build tool.
"""
