"""Stage 6: write the edition's data and pages. Every write is atomic and skipped when unchanged."""
