"""The level editor's model: an editable level document, edits as values, the YAML writer
and validation through the real loader. No pygame here: the screen lives in ``game.ui``.
"""
