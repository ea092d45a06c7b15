"""Pipeline stage "attach translations": the English of every block, kept in gettext PO files.

* :mod:`~edition.translate.po` – one PO file per report (``translations/en/<slug>.po``), states, comments;
* :mod:`~edition.translate.sync` – merge a report's current blocks into its PO file;
* :mod:`~edition.translate.attach` – the build stage: PO files -> ``en``/``status``/``provenance`` on blocks;
* :mod:`~edition.translate.memory` – translation memory across the edition;
* :mod:`~edition.translate.simulate` – an in-process engine with latency and faults, for the drafting benchmark;
* :mod:`~edition.translate.qa` – quality checks (``edition check``);
* :mod:`~edition.translate.import_drafts` – import the editorial drafts (JSON) into the PO files.

Machine drafting (``edition translate``) is its own package, :mod:`edition.drafting`.
"""
