"""Brand Touchpoint Auditor: the engine (storage, import/export, audit, report).

This package never imports Qt; the desktop app lives in ``ui``.
"""

__version__ = "0.1.0"
