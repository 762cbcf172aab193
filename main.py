"""Start the desktop app from a clone: ``python main.py [PROJECT]``."""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
if str(ROOT) not in sys.path:  # run from a clone without installing
    sys.path.insert(0, str(ROOT))

from ui.app import main  # noqa: E402  (needs the path above)

if __name__ == "__main__":
    import multiprocessing

    multiprocessing.freeze_support()  # a packaged app's audit workers start through here
    sys.exit(main())
