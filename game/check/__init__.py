"""Headless checks of levels and quizzes, and their reports."""
