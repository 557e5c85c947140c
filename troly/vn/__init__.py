"""Vietnamese language helpers: folding, syllables, document numbers, dates. One place."""
from troly.vn.docnum import DocRef, aliases, find_numbers, find_refs, normalize, parse_key, type_code, type_name
from troly.vn.text import collapse_ws, fold, folded_syllables, has_diacritics, nfc, normalize_query, syllables

__all__ = [
    "DocRef", "aliases", "find_numbers", "find_refs", "normalize", "parse_key", "type_code", "type_name",
    "collapse_ws", "fold", "folded_syllables", "has_diacritics", "nfc", "normalize_query", "syllables",
]
