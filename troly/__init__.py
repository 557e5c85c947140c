"""troly: answers about Vietnamese Party and government directives, on the apps people use."""
__version__ = "0.1.0"
