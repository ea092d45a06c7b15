"""Layout-fuzzing evaluation of the cleaning stage (issue 11).

The edition's own reports, as the pipeline cleans them from the seeds, are the reference. Each is
written out again in the layouts new sources arrive in (PDF hard-wraps with page furniture, Word
exports, web pages of other sites, WeChat articles; several encodings and line endings) and the
pipeline's blocks for the rendered file are scored against the reference blocks it was written
from. Modules:

* :mod:`evaluation.vocab`: the chrome, page furniture and paratext vocabulary of several plausible
  sites, split into a development set (what the cleaning rules were written against) and a
  held-out set (what they were not);
* :mod:`evaluation.layouts`: renderers, reference blocks -> a source file and what it should give;
* :mod:`evaluation.corpus`: the sweep, a fixed list of cases drawn with a fixed random seed;
* :mod:`evaluation.score`: block F1, kind accuracy, titles found and leaks, per case and per family;
* ``python -m evaluation`` (``make eval``): the whole sweep, one table per layout family.
"""
