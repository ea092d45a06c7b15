"""The live preview (``edition serve``, ``make serve``): the edition built once, served, and kept up to date.

A saved change reruns only what it affects: a PO file its report's translations and the pages that
show them (:mod:`edition.preview.incremental`); anything else the whole pipeline. MkDocs then renders
only the pages whose Markdown changed, with the configuration, files, navigation and templates of the
first build kept in memory (:mod:`edition.preview.site`), and the browser reloads itself
(:mod:`edition.preview.server`). The preview site is written to ``build/preview``, never to
``build/site``: a published build stays a full, strict ``mkdocs build``.
"""
