"""Data files shipped with the package (mail templates); read through importlib.resources."""
