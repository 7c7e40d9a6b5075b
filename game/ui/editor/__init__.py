"""The level editor's shell pieces beside its screen (``game/ui/scenes/editor.py``): the map
and palette drawing (``view``), the settings list (``fields``), its texts in both languages
(``strings``), test play (``play``), opening a level (``open``) and its own window (``app``).

The editing itself (documents, edits with undo, the YAML writer, validation, the verdict)
is pygame-free, in ``game/editor/``.
"""
