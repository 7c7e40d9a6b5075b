"""The teacher's view of a whole class: saves gathered from a folder (a network share, or
exports copied from each PC), the tables of the class report, and its HTML and CSV forms.

Read-only by design: nothing here writes into the class folder. No pygame.
"""
