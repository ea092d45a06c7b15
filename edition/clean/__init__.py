"""Stage 2: clean and segment a source into reports, paratext and omissions."""
