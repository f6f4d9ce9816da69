"""Spreadsheet adapters: read messy agency files into typed records, write lists back out."""
