"""Ambacht's domain and services: items, visits, categories, users and what may happen to them.

Nothing in this package imports Qt; it runs (and is tested) from the command line and from the
touchscreen app alike. Storage is reached only through the `db` package.
"""
