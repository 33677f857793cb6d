"""The statistics core runs without Django (only apps.py touches it)."""

import subprocess
import sys

CORE = ["records", "tables", "disclosure", "publication", "kanon", "charts", "downloads", "demo"]


def test_core_modules_import_without_django():
    imports = "; ".join(f"import wegwijzer.stats.{name}" for name in CORE)
    check = f"import sys; {imports}; print('django' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", check], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"
