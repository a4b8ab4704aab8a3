#!/usr/bin/env python3
"""Stage 2 of the two-stage example: logistic regression on work/features.csv.

It declares its input by path only: the build hashes it, and because the bytes are the
ones stage 1 wrote, `ml-provenance lineage` links this run to the preprocessing run
without either stage repeating the other's ids.
"""
import csv
import json
import math
import os
import random
from datetime import datetime, timezone

HERE = os.path.dirname(os.path.abspath(__file__))
RECORDS_DIR = os.environ.get("ML_PROVENANCE_DIR", os.path.join(HERE, ".ml-provenance", "train"))


def record(event):
    os.makedirs(RECORDS_DIR, exist_ok=True)
    event = {"v": 1, "ts": datetime.now(timezone.utc).isoformat(), **event}
    with open(os.path.join(RECORDS_DIR, "records.jsonl"), "a", encoding="utf-8") as f:
        f.write(json.dumps(event, sort_keys=True) + "\n")


def main():
    seed, lr, epochs = 3, 0.1, 20
    record({"kind": "run", "purpose": "train the classifier on the standardised points"})
    record({"kind": "command", "argv": ["python3", "train.py"]})
    record({"kind": "param", "params": {"learning_rate": lr, "epochs": epochs, "seed": seed}})
    record({"kind": "dataset", "id": "train-input", "path": "work/features.csv",
            "splits": {"train": 0.75, "test": 0.25}, "seed": seed,
            "sampling": {"strategy": "random", "fraction": 1, "seed": seed}})
    with open(os.path.join(HERE, "work", "features.csv"), newline="", encoding="utf-8") as f:
        rows = [(float(r["z1"]), float(r["z2"]), int(r["label"])) for r in csv.DictReader(f)]
    rng = random.Random(seed)
    rng.shuffle(rows)
    cut = int(len(rows) * 0.75)
    train, test = rows[:cut], rows[cut:]
    w, b = [0.0, 0.0], 0.0
    sig = lambda z: 1 / (1 + math.exp(-z))
    for epoch in range(1, epochs + 1):
        for x1, x2, y in train:
            p = sig(w[0] * x1 + w[1] * x2 + b)
            w = [w[0] - lr * (p - y) * x1, w[1] - lr * (p - y) * x2]
            b -= lr * (p - y)
    acc = sum((sig(w[0] * x1 + w[1] * x2 + b) > 0.5) == bool(y) for x1, x2, y in test) / len(test)
    record({"kind": "metric", "name": "accuracy", "value": round(acc, 6), "epoch": epochs, "split": "test"})
    os.makedirs(os.path.join(HERE, "model"), exist_ok=True)
    with open(os.path.join(HERE, "model", "model.json"), "w", encoding="utf-8") as f:
        json.dump({"weights": [round(v, 8) for v in w], "bias": round(b, 8)}, f, indent=2, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main()
