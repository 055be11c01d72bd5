"""The warning-sign vocabularies compile their patterns on first use, not on import: a command
that reads the signs' result kept in the journal (signs, export text) needs none of them."""

from __future__ import annotations

import subprocess
import sys

CHECK = r"""
from journal.core.signs import vocab
every = [v for v in vars(vocab).values() if isinstance(v, vocab.Vocab)]
assert len(every) > 20, len(every)
assert not any(v._compiled for v in every), [v.name for v in every if v._compiled]
print(sorted(vocab.INTIMACY_STRONG.find("我们在谈恋爱, she is my girlfriend")))
print(vocab.INTIMACY_STRONG.matches("nothing here"), vocab.INTIMACY_STRONG._compiled)
"""


def test_importing_the_signs_compiles_no_vocabulary_and_first_use_finds_the_terms() -> None:
    out = subprocess.run([sys.executable, "-c", "import journal.core.signs\n" + CHECK],
                         capture_output=True, text=True, check=True).stdout.splitlines()
    assert out == ["['girlfriend*', '恋爱', '谈恋爱']", "False True"]
