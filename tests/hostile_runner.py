"""Runs every hostile input through check and render (PDF, DOCX) in one process that
records, with a Python audit hook, every file it opens and every socket it connects.
Started by test_hostile.py in a subprocess (an audit hook cannot be removed again).

    python hostile_runner.py CORPUS_DIR OUT_DIR REPORT.json
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

opened: set[str] = set()
connects: list[str] = []
spawned: list[str] = []


def hook(event, args):
    if event == "open" and args and isinstance(args[0], (str, bytes)):
        path = args[0].decode(errors="replace") if isinstance(args[0], bytes) else args[0]
        opened.add(path)
    elif event == "socket.connect":
        connects.append(repr(args[1]) if len(args) > 1 else repr(args))
    elif event in ("subprocess.Popen", "os.system", "os.exec", "os.posix_spawn"):
        spawned.append(repr(args)[:200])


def main() -> None:
    corpus, out, report_path = (Path(a) for a in sys.argv[1:4])
    from click.testing import CliRunner

    from packetgen.cli import cli

    sys.addaudithook(hook)
    runner = CliRunner()
    report = {}
    for case in sorted(corpus.glob("*.yaml")):
        entry = {}
        for step, args in (("check", ["check", str(case)]),
                           ("pdf", ["render", str(case), "-o", str(out / f"{case.stem}.pdf")]),
                           ("docx", ["render", str(case), "-o", str(out / f"{case.stem}.docx")])):
            target = out / f"{case.stem}.{step}"
            if step != "check":
                target = Path(args[-1])
                target.write_bytes(b"SENTINEL")
            result = runner.invoke(cli, args, catch_exceptions=True)
            data = target.read_bytes() if step != "check" and target.exists() else b""
            entry[step] = {
                "exit": result.exit_code,
                "stdout": result.stdout[-2000:],
                "stderr": result.stderr[-4000:],
                "exception": repr(result.exception) if result.exception and not isinstance(result.exception, SystemExit) else None,
                "sentinel_kept": data == b"SENTINEL",
                "output_size": len(data),
                "output_has_secret": b"TOP-SECRET" in data,
            }
        report[case.name] = entry
    report["_opened"] = sorted(opened)
    report["_connects"] = connects
    report["_spawned"] = spawned
    report_path.write_text(json.dumps(report, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
