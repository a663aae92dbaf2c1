"""Use cases: each a function over (context or session, processor, clock) returning plain results."""
