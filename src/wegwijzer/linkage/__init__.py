"""Privacy-preserving record linkage: keyed encodings of identifiers and the matcher.

Plain Python (no Django): `encoding` turns identifiers into keyed encodings at intake,
`matcher` links encoded registrations into persons. See docs/identifiers.md.
"""
