"""Documents written with reportlab (certificates, lists, recaps). No Qt here.

Import reportlab only inside this package, and import this package only where
a document is made: it is heavy and must not slow start-up.
"""
