#!/usr/bin/env python3
"""Turns a readable migration source (function bodies in $$ … $$) into the migration the runner accepts.

The runner (adapter-pg's executeScript) splits a script at every semicolon, so each $$ body becomes an E'' string
whose semicolons are written \\073. Usage: python3 prisma/migration-sources/build.py NAME (without .sql)."""
import pathlib
import re
import sys

here = pathlib.Path(__file__).resolve().parent
name = sys.argv[1]
source = (here / f"{name}.sql").read_text()


def escape(match: re.Match) -> str:
    body = match.group(1).replace("\\", "\\\\").replace("'", "\\'").replace(";", "\\073")
    return f"E'{body}'"


if source.count("$$") % 2:
    sys.exit("unbalanced $$: keep dollar quotes for function bodies only")
script = re.sub(r"\$\$(.*?)\$\$", escape, source, flags=re.S)
# Outside bodies, a semicolon may only end a statement: none in comments.
for line in script.splitlines():
    if line.lstrip().startswith("--") and ";" in line:
        sys.exit(f"a comment holds a semicolon, which the runner would split at: {line}")
target = here.parent / "migrations" / name / "migration.sql"
target.write_text(script)
print(f"wrote {target.relative_to(here.parent.parent)}")
