"""The user cache folder and the caches in it.

- store.py: the folder, the entry format and its checksum, the code stamp, writing, pruning, clearing;
- knowledge.py: the compiled knowledge base, so a command skips parsing the YAML;
- derived.py: values computed from a compiled knowledge base (the search index), kept beside it;
- pages.py: rendered pages, which warm.py prints before the framework loads.

`folder()` and `clear()` are what `hsm-guide cache path` and `hsm-guide cache clear` call.
"""

from .store import clear as clear
from .store import folder as folder
