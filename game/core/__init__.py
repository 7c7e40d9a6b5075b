"""The rules: terrain, state, actions and step. Pure Python: no pygame, no I/O."""
