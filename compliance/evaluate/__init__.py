"""Evaluate: one case file per worker, its facts, the rule engine and the reference evaluator, unknowns."""
