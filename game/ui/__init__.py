"""The pygame shell: the only package that imports pygame."""

import os

# pygame prints a greeting on import; pupils and teachers should not see it.
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
