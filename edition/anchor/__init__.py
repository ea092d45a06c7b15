"""Stage 3: stable, citable anchor ids for every translatable block (the anchor ledger)."""
