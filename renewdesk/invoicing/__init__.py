"""IV-4: an issued invoice or credit note made into its Factur-X PDF (PDF/A-3 with its CII XML)."""
