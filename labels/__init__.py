"""Label rendering (PDF with a Code128 barcode) and printing (CUPS or a folder of PDFs).

Knows nothing of the database or of Qt: it is handed the texts to print, already translated.
"""
