"""Autogenerate the next Alembic migration from the tables in src/parley/store, then tidy it.

    .venv/bin/python scripts/new_migration.py 0003_search "search: query stats"

Review the result before committing: autogenerate is a draft, the migration is the truth."""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
from pathlib import Path

from alembic import command

from parley.store.migrate import alembic_config, upgrade

VERSIONS = Path(__file__).resolve().parents[1] / "src/parley/store/migrations/versions"


def main() -> None:
    rev_id, message = sys.argv[1], sys.argv[2]
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{tmp}/draft.db"
        upgrade(url)
        command.revision(alembic_config(url), message=message, autogenerate=True, rev_id=rev_id)
    (path,) = VERSIONS.glob(f"{rev_id}_*.py")
    text = path.read_text()
    text = text.replace("sa.text('1')", "sa.true()").replace("sa.text('0')", "sa.false()")
    text = text.replace("astext_type=Text()", "astext_type=sa.Text()")
    text = re.sub(r"\n\s*# ### (commands auto generated|end Alembic commands).*", "", text)
    target = VERSIONS / f"{rev_id}.py"
    path.rename(target)
    target.write_text(text)
    venv = Path(sys.executable).parent
    subprocess.run([venv / "ruff", "format", str(target)], check=True)
    subprocess.run([venv / "ruff", "check", "--fix", str(target)], check=False)
    print(target)


if __name__ == "__main__":
    main()
