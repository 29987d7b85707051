"""The README's first command: the whole path on the embedded default, with no servers."""
from __future__ import annotations

import subprocess
import sys


def test_demo_runs_the_whole_path_and_prints_the_signed_by_list(tmp_path):
    done = subprocess.run([sys.executable, "-m", "mailer.cli", "demo", "--dir", str(tmp_path / "demo")],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    out = done.stdout
    signed = out.split("=== Signed by: ===", 1)[1]
    assert "  1. Parti Sosialis Malaysia (PSM), Malaysia" in signed
    assert "Europe solidaire sans frontières (ESSF), France" in signed
    assert "Out of Office" not in signed                      # the auto-reply is not a signatory
    assert "[confirm c-" in out                                # the confirmation requests were shown
    assert (tmp_path / "demo" / "endorse.db").exists()
