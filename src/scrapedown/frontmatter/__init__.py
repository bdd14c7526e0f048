"""Stages 1, 8 and 9: the front matter block split off and written back minimally (`block`),
its image keys unwrapped (`meta`). Importing this package loads none of its modules."""
