"""Table models: thin adapters over rows of plain display values (the record id first)."""
