"""长征 · The Long March: an educational turn-based game whose rules are pure Python."""
