#!/usr/bin/env python3
"""A small, deterministic training run: linear regression by mini-batch SGD.

Standard library only. It records what only the training code knows (the split,
the transformation steps, hyperparameters, metrics per epoch) by appending JSON
lines to .ml-provenance/records.jsonl, following schemas/record-event.schema.json.
"""
import csv
import json
import os
import platform
import random
import sys
from datetime import datetime, timezone

HERE = os.path.dirname(os.path.abspath(__file__))
RECORDS_DIR = os.environ.get("ML_PROVENANCE_DIR", os.path.join(HERE, ".ml-provenance"))


def record(event):
    """Append one event; one write per line so concurrent writers never interleave."""
    os.makedirs(RECORDS_DIR, exist_ok=True)
    event = {"v": 1, "ts": datetime.now(timezone.utc).isoformat(), **event}
    with open(os.path.join(RECORDS_DIR, "records.jsonl"), "a", encoding="utf-8") as f:
        f.write(json.dumps(event, sort_keys=True) + "\n")


def load_config(path):
    # The example avoids a YAML dependency: it reads the few scalars it needs.
    cfg = {}
    section = None
    for raw in open(path, encoding="utf-8"):
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        if not line.startswith(" ") and line.endswith(":"):
            section = line[:-1]
            continue
        key, _, value = line.strip().partition(":")
        cfg[f"{section}.{key}"] = value.strip().strip('"')
    return cfg


def main():
    cfg = load_config(os.path.join(HERE, "config", "train.yaml"))
    lr = float(cfg["optimizer.learning_rate"])
    epochs = int(cfg["optimizer.epochs"])
    batch = int(cfg["optimizer.batch_size"])
    seed = int(cfg["data.seed"])

    record({"kind": "command", "argv": ["python3", "train.py"]})
    record({"kind": "run", "purpose": "baseline linear regression on the points dataset",
            "flags": {"standardize_features": True}, "cluster": {"nodes": 1, "acceleratorsPerNode": 0}})
    record({"kind": "param", "params": {"learning_rate": lr, "epochs": epochs, "batch_size": batch, "optimizer": "sgd", "seed": seed}})
    record({"kind": "environment", "libraries": {"python": platform.python_version()}, "accelerators": []})

    with open(os.path.join(HERE, "data", "points.csv"), newline="", encoding="utf-8") as f:
        rows = [(float(r["x1"]), float(r["x2"]), float(r["y"])) for r in csv.DictReader(f)]

    rng = random.Random(seed)
    rng.shuffle(rows)
    cut = int(len(rows) * 0.8)
    train, test = rows[:cut], rows[cut:]
    record({"kind": "step", "name": "shuffle-split", "library": f"python-random@{platform.python_version()}",
            "parameters": {"seed": seed, "train": 0.8, "test": 0.2}, "inputs": ["points"], "outputs": ["points-train", "points-test"]})

    # Standardise features with statistics from the training split only.
    means = [sum(r[i] for r in train) / len(train) for i in (0, 1)]
    stds = [max(1e-9, (sum((r[i] - means[i]) ** 2 for r in train) / len(train)) ** 0.5) for i in (0, 1)]
    norm = lambda r: ((r[0] - means[0]) / stds[0], (r[1] - means[1]) / stds[1], r[2])
    train, test = [norm(r) for r in train], [norm(r) for r in test]
    record({"kind": "step", "name": "standardize", "library": "train.py@1",
            "parameters": {"fit_on": "train"}, "inputs": ["points-train"], "outputs": ["features"]})

    w = [0.0, 0.0]
    b = 0.0
    mse = lambda data: sum((w[0] * x1 + w[1] * x2 + b - y) ** 2 for x1, x2, y in data) / len(data)
    for epoch in range(1, epochs + 1):
        rng.shuffle(train)
        for i in range(0, len(train), batch):
            chunk = train[i:i + batch]
            gw = [0.0, 0.0]
            gb = 0.0
            for x1, x2, y in chunk:
                err = w[0] * x1 + w[1] * x2 + b - y
                gw[0] += 2 * err * x1 / len(chunk)
                gw[1] += 2 * err * x2 / len(chunk)
                gb += 2 * err / len(chunk)
            w = [w[0] - lr * gw[0], w[1] - lr * gw[1]]
            b -= lr * gb
        if epoch % 10 == 0 or epoch == epochs:
            record({"kind": "metric", "name": "mse", "value": round(mse(train), 6), "epoch": epoch, "split": "train"})
    test_mse = round(mse(test), 6)
    record({"kind": "metric", "name": "mse", "value": test_mse, "epoch": epochs, "split": "test"})

    os.makedirs(os.path.join(HERE, "model"), exist_ok=True)
    model = {"weights": [round(v, 8) for v in w], "bias": round(b, 8), "feature_means": means, "feature_stds": stds}
    with open(os.path.join(HERE, "model", "model.json"), "w", encoding="utf-8") as f:
        json.dump(model, f, indent=2, sort_keys=True)
        f.write("\n")
    print(f"trained: test mse {test_mse}", file=sys.stderr)


if __name__ == "__main__":
    main()
