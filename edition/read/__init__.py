"""Stage 1: read the sources in ``seeds/`` and the editorial catalog."""
