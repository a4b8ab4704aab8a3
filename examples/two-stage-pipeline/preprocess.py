#!/usr/bin/env python3
"""Stage 1 of the two-stage example: clean and standardise raw data into work/features.csv.

Standard library only. Records what it did to the records log of its own stage
(ML_PROVENANCE_DIR), following schemas/record-event.schema.json: the raw dataset with its
quality checks, the step with its command and its output path (hashed at build, so the
training stage that reads the same bytes links to this run).
"""
import csv
import json
import os
from datetime import datetime, timezone

HERE = os.path.dirname(os.path.abspath(__file__))
RECORDS_DIR = os.environ.get("ML_PROVENANCE_DIR", os.path.join(HERE, ".ml-provenance", "preprocess"))


def record(event):
    os.makedirs(RECORDS_DIR, exist_ok=True)
    event = {"v": 1, "ts": datetime.now(timezone.utc).isoformat(), **event}
    with open(os.path.join(RECORDS_DIR, "records.jsonl"), "a", encoding="utf-8") as f:
        f.write(json.dumps(event, sort_keys=True) + "\n")


def main():
    with open(os.path.join(HERE, "data", "raw.csv"), newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    missing = [r for r in rows if any(v == "" for v in r.values())]
    clean = [r for r in rows if r not in missing]
    labels = {}
    for r in clean:
        labels[r["label"]] = labels.get(r["label"], 0) + 1
    record({"kind": "run", "purpose": "clean and standardise the raw points for training"})
    record({"kind": "dataset", "id": "raw", "uri": "https://example.com/datasets/raw-points", "version": "1",
            "path": "data/raw.csv", "license": "CC0-1.0",
            "source": {"repository": "https://example.com/datasets", "access": "public"},
            "quality": {"rows": len(rows), "columns": 3, "missingRate": round(len(missing) / (len(rows) * 3), 6),
                        "labelDistribution": labels,
                        "checks": [{"name": "label_is_binary", "passed": set(labels) <= {"0", "1"}, "tool": "preprocess.py"}]}})

    xs = [[float(r["x1"]), float(r["x2"])] for r in clean]
    means = [sum(v[i] for v in xs) / len(xs) for i in (0, 1)]
    stds = [max(1e-9, (sum((v[i] - means[i]) ** 2 for v in xs) / len(xs)) ** 0.5) for i in (0, 1)]
    os.makedirs(os.path.join(HERE, "work"), exist_ok=True)
    with open(os.path.join(HERE, "work", "features.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["z1", "z2", "label"])
        for v, r in zip(xs, clean):
            w.writerow([f"{(v[0] - means[0]) / stds[0]:.6f}", f"{(v[1] - means[1]) / stds[1]:.6f}", r["label"]])
    record({"kind": "step", "name": "clean-standardize", "library": "preprocess.py@1",
            "parameters": {"drop_missing": True, "standardize": "z-score"},
            "inputs": ["raw"], "outputs": ["features"], "command": ["python3", "preprocess.py"]})
    # The output, by path: hashed at build time, so its content is its identity across runs.
    record({"kind": "dataset", "id": "features", "path": "work/features.csv"})


if __name__ == "__main__":
    main()
