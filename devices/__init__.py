"""Devices at the gate that talk over a serial line: scales and serial barcode scanners.

No Qt here: the readers run on plain Python threads and hand what they read to a callback;
`ui/devices.py` carries it over to the UI thread.
"""
