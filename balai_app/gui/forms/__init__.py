"""Generated Qt Designer forms (pyside6-uic output of ui/*.ui); never edited by hand."""
