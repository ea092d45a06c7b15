"""A bilingual digital edition: read sources, clean and segment them, anchor, translate, annotate, write.

The package is cut along the pipeline (see ``edition.pipeline``):

* ``edition.read``      decode source files and load the editorial catalog;
* ``edition.clean``     normalise text, segment a source into blocks, split it into reports;
* ``edition.anchor``    give every translatable block a stable, citable id (the anchor ledger);
* ``edition.write``     write ``build/edition.json`` and the MkDocs pages, atomically.
"""
