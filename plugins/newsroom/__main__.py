"""`python -m newsroom`: the same as the `newsroom` command."""

import sys

from .cli import main

sys.exit(main())
