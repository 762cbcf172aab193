import multiprocessing
import sys

from auditor.cli import main

# Guarded: a large audit starts worker processes with "spawn", which import this module
# again; they must not run the command line a second time.
if __name__ == "__main__":
    multiprocessing.freeze_support()
    sys.exit(main())
