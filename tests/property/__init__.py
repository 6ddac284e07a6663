"""Property tests: the guarantees of DESIGN.md and the rules of CLINICAL.md, by hypothesis."""
