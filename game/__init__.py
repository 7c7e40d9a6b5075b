"""长征 · The Long March: an educational turn-based game whose rules are pure Python."""

#: The release; pyproject.toml reads it from here (``changzheng --version`` prints it).
__version__ = "0.1.0"
