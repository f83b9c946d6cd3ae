"""Pure rules and vocabularies of the PAL domain: no Qt, no SQL."""
