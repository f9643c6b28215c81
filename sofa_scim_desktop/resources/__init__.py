"""Data files shipped with the package (mail templates, translations, the icon); read
through importlib.resources.
"""
