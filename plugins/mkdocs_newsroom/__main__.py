"""`python -m mkdocs_newsroom`: the same as the `newsroom` command."""

import sys

from .cli.main import main

sys.exit(main())
