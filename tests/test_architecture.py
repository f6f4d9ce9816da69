"""The layering rule (cli → services → storage | files | demo → domain) is checked, not just written down."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.unit


def test_import_contracts_hold() -> None:
    lint = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    assert lint is not None
    result = subprocess.run(
        [lint, "--no-cache"], capture_output=True, text=True, cwd=Path(__file__).resolve().parent.parent, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Contracts: 2 kept, 0 broken." in result.stdout
