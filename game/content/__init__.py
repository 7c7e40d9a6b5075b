"""YAML content (levels, quizzes, campaign) to validated, immutable models."""
