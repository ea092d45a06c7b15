"""Drafting by machine (``edition translate``): an editor's tool, apart from the build stages.

* :mod:`~edition.drafting.providers` – google and mymemory (deep-translator), deepl (its official client,
  with a DeepL glossary), openai and anthropic: language codes, limits, keys, models, engines, provenance;
* :mod:`~edition.drafting.llm` – the language models through their official clients: instructions, answers;
* :mod:`~edition.drafting.terms` – the edition's glossary as engines are given it (preferred renderings);
* :mod:`~edition.drafting.secrets` – redaction: no API key leaves the process, in any encoding;
* :mod:`~edition.drafting.errors` – what the libraries' exceptions mean to a run;
* :mod:`~edition.drafting.split` – a block too long for an engine, cut at sentence ends;
* :mod:`~edition.drafting.transport` – timeouts, back-off and retries, the shared throttle, the worker pool;
* :mod:`~edition.drafting.cache` – what was asked -> machine translation, so nothing is sent twice;
* :mod:`~edition.drafting.run` – the drafting run over PO files, saving answers as they come in.

API keys come from environment variables only, and are never written to a file, a log or the terminal.
"""
