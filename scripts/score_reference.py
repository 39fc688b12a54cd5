#!/usr/bin/env python3
"""A straightforward Python implementation of Kompass's scoring rule, the
yardstick for issue 7 ("at least 5x faster than Python on the same files").

    python3 scripts/score_reference.py DIR...               # exact (fractions.Fraction)
    python3 scripts/score_reference.py --float DIR...       # plain floats
    python3 scripts/score_reference.py --verify BIN DIR...  # compare with `BIN score --by-municipality`
    python3 scripts/score_reference.py --merge OUT DIR...   # also write each merge, as `kompass merge`

Reads the bank and every session file under DIR with the json module, groups
the sessions by municipality and, per municipality:
  - merges the interviews: per question and dimension, the median of the
    values given (for an even count the mean of the two middle ones);
  - scores: a question's max = its sub-area's max x weight / sum of weights
    in the sub-area; a question with all three dimensions set gives
    max x (system + extent + results) / (3 x scale max); sub-area, area and
    total are sums.
Prints one line per municipality: its name, interviews and total points.
With --verify it runs `BIN score --json --by-municipality DIR...` once and
checks that it scores the same municipalities and that every sub-area
agrees to 1e-9 (the Rust side is exact too).

With --merge OUT it also does what `kompass merge` does with the rule: per
municipality it writes OUT/<municipality>.json, durably (temporary file,
fsync, rename), holding every session with the sha256 of its file, and per
question every interview's scores and their median. (Kompass's assessment
holds findings and grouped priorities too; leaving them out makes this
reference faster, not slower.)

Only the standard library is used; Python 3.8 or newer.
"""

import argparse
import hashlib
import json
import os
import statistics
import subprocess
import sys
from fractions import Fraction

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_BANK = os.path.join(ROOT, "assets", "banks", "kommunekompasset.json")
DIMS = ("system", "extent", "results")


def load_json(path, exact):
    with open(path, encoding="utf-8") as f:
        # parse_float=Fraction reads "2.5" as exactly 5/2, as Kompass does.
        return json.load(f, parse_float=Fraction) if exact else json.load(f)


def question_maxima(bank, number):
    """(sub-area id, question id, question max) in bank order."""
    out = []
    for area in bank["areas"]:
        for sub in area["subareas"]:
            weights = sum(number(q.get("weight", 1)) for q in sub["questions"])
            for q in sub["questions"]:
                qmax = number(sub["max_points"]) * number(q.get("weight", 1)) / weights
                out.append((sub["id"], q["id"], qmax))
    return out


def session_files(paths):
    for path in paths:
        if os.path.isfile(path):
            yield path
            continue
        for dirpath, dirnames, filenames in os.walk(path):
            dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
            for name in sorted(filenames):
                if name.endswith(".json") and not name.startswith("."):
                    yield os.path.join(dirpath, name)


def medians(docs, qid, number):
    """The default merge of one question: per dimension, the median of the
    values the sessions give it (dimensions nobody scored are left out)."""
    out = {}
    for d in DIMS:
        values = []
        for doc in docs:
            v = ((doc["answers"].get(qid) or {}).get("scores") or {}).get(d)
            if v is not None:
                values.append(number(v))
        if values:
            out[d] = statistics.median(values)
    return out


def score(suggested, maxima, scale_max, number):
    """Points per sub-area from each question's merged values (`suggested`:
    question id -> dimension -> value)."""
    range_ = 3 * number(scale_max)
    points = {}
    for sub_id, qid, qmax in maxima:
        values = suggested[qid]
        points.setdefault(sub_id, number(0))
        if all(d in values for d in DIMS):
            points[sub_id] += qmax * sum(values[d] for d in DIMS) / range_
    return points


def merged(name, sessions, maxima, number):
    """The merge of one municipality's sessions ((path, sha256, doc) each)."""
    docs = [doc for _, _, doc in sessions]
    questions = {}
    for _, qid, _ in maxima:
        interviews = {}
        for doc in docs:
            scores = (doc["answers"].get(qid) or {}).get("scores") or {}
            if scores:
                interviews[doc["id"]] = scores
        questions[qid] = {"interviews": interviews, "suggested": medians(docs, qid, number)}
    return {
        "municipality": name,
        "sessions": [{"id": doc["id"], "sha256": sha, "path": path} for path, sha, doc in sessions],
        "questions": questions,
    }


def write_durably(path, document):
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        json.dump(document, f, indent=2, ensure_ascii=False, default=float)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)
    fd = os.open(os.path.dirname(path) or ".", os.O_RDONLY)
    os.fsync(fd)
    os.close(fd)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("paths", nargs="+", help="session files or directories")
    ap.add_argument("--bank", default=DEFAULT_BANK)
    ap.add_argument("--float", action="store_true", help="use floats instead of fractions")
    ap.add_argument("--verify", metavar="BIN",
                    help="compare with `BIN score --json --by-municipality DIR...`")
    ap.add_argument("--merge", metavar="OUT",
                    help="also write each municipality's merge to OUT/<municipality>.json")
    args = ap.parse_args()

    exact = not args.float
    number = Fraction if exact else float
    bank = load_json(args.bank, exact)
    maxima = question_maxima(bank, number)

    by_municipality = {}
    for path in session_files(args.paths):
        if args.merge:
            with open(path, "rb") as f:
                data = f.read()
            sha = hashlib.sha256(data).hexdigest()
            doc = json.loads(data, parse_float=Fraction) if exact else json.loads(data)
        else:
            sha, doc = None, load_json(path, exact)
        if doc.get("format") != "kompass.session":
            continue
        by_municipality.setdefault(doc["municipality"], []).append((path, sha, doc))
    if args.merge:
        os.makedirs(args.merge, exist_ok=True)

    theirs = kompass_points(args.verify, args.paths) if args.verify else {}
    failures = 0
    for name in sorted(by_municipality):
        sessions = by_municipality[name]
        if args.merge:
            document = merged(name, sessions, maxima, number)
            out = os.path.join(args.merge, name.replace(os.sep, "_") + ".json")
            write_durably(out, document)
            suggested = {qid: q["suggested"] for qid, q in document["questions"].items()}
        else:
            docs = [doc for _, _, doc in sessions]
            suggested = {qid: medians(docs, qid, number) for _, qid, _ in maxima}
        points = score(suggested, maxima, bank["scale"]["max"], number)
        total = sum(points.values())
        print(f"{name}\t{len(sessions)}\t{float(total):.6f}")
        if args.verify:
            failures += verify(name, points, theirs.pop(name, None))
    for name in theirs:
        print(f"  {name}: scored by {args.verify} only", file=sys.stderr)
        failures += 1
    if failures:
        sys.exit(f"{failures} municipalities disagree with {args.verify}")


def kompass_points(binary, paths):
    """Points per sub-area of every municipality, from one run of
    `BINARY score --json --by-municipality PATHS`."""
    out = subprocess.run(
        [binary, "score", "--json", "--by-municipality", *paths],
        check=True, capture_output=True, text=True,
    ).stdout
    return {
        card["municipality"]: {s["id"]: s["points"] for a in card["areas"] for s in a["subareas"]}
        for card in json.loads(out)["municipalities"]
    }


def verify(name, points, theirs):
    if theirs is None:
        print(f"  {name}: not scored by kompass", file=sys.stderr)
        return 1
    wrong = [k for k in points if abs(float(points[k]) - theirs[k]) > 1e-9]
    if wrong:
        print(f"  {name}: sub-areas {', '.join(wrong)} differ", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    main()
