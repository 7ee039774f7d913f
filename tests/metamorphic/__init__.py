"""Metamorphic test of the reading layer: one known workbook, written down the ways real people write records."""
