"""One dialog a file; each builds a request and calls a use case."""
