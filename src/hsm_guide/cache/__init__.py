"""Everything that makes a run fast, in the guide's own cache folder.

- folder.py: the folder (mode 0700, its marker, claiming, clearing), writing and pruning in it:
  only the guide's own entries are removed;
- store.py: an entry's framing, and reading it (this user's files only);
- stamp.py: the one code-stamp rule every key holds;
- warm.py: the warm path, which prints a stored page before the framework loads;
- pages.py: storing those pages;
- knowledge.py: the compiled knowledge base, so a command skips parsing the YAML;
- derived.py: values computed from a compiled knowledge base (the search index), kept beside it.

Nothing here is imported at package level: the warm path imports only what it uses.
"""
