"""Rules: the rule language (conditions), rule files and rulesets, their translations."""
