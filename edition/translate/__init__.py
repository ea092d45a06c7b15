"""Pipeline stage "attach translations": the English of every block, kept in gettext PO files.

* :mod:`~edition.translate.po` – one PO file per report (``translations/en/<slug>.po``): its grammar
  (flags, translator comments), states, reading and writing;
* :mod:`~edition.translate.sync` – merge a report's current blocks into its PO file;
* :mod:`~edition.translate.attach` – the build stage: PO files -> ``en``/``status``/``provenance`` on blocks.

Editors' and translators' tools sit above the stages: quality checks in :mod:`edition.qa`, machine
drafts and translation memory in :mod:`edition.drafting`, the commands in :mod:`edition.commands`.
"""
