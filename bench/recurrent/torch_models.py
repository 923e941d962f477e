"""PyTorch CPU column of `pnpm bench recurrent` (optional: run only when `import torch` works).

Usage: /usr/bin/python3 bench/recurrent/torch_models.py RUNS MODEL [MODEL...]
Prints one JSON line {model: median ms per training step}. Same models and shapes as recurrent.bench.ts
(one step = forward, backward, RMSprop update on one batch). PyTorch's cells use sigmoid gates and the
resetAfter GRU variant; the cost per step is the same as the Keras 2 variants'.
"""
import json
import os
import statistics
import sys
import time

import torch
from torch import nn

torch.manual_seed(0)
# Debian's torch starts with one intra-op thread here, which is also its fastest setting for these small
# models on this machine (2 threads measured slower); BENCH_TORCH_THREADS overrides it.
if os.environ.get("BENCH_TORCH_THREADS"):
    torch.set_num_threads(int(os.environ["BENCH_TORCH_THREADS"]))


class Model(nn.Module):
    def __init__(self, kind):
        super().__init__()
        self.kind = kind
        self.embedding = nn.Embedding(10000, 32) if kind in ("simplernn", "lstm", "bilstm") else None
        features = 32 if self.embedding is not None else 14
        if kind == "simplernn":
            self.rnns = nn.ModuleList([nn.RNN(features, 32, batch_first=True)])
        elif kind == "lstm":
            self.rnns = nn.ModuleList([nn.LSTM(features, 32, batch_first=True)])
        elif kind == "bilstm":
            self.rnns = nn.ModuleList([nn.LSTM(features, 32, batch_first=True, bidirectional=True)])
        elif kind in ("gru", "gru-dropout"):
            self.rnns = nn.ModuleList([nn.GRU(features, 32, batch_first=True)])
        else:  # stacked-gru (PyTorch GRU has no relu option: tanh, same cost)
            self.rnns = nn.ModuleList([nn.GRU(features, 32, batch_first=True), nn.GRU(32, 64, batch_first=True)])
        last = 64 if kind in ("bilstm", "stacked-gru") else 32
        self.dense = nn.Linear(last, 1)
        self.drop = {"gru-dropout": 0.2, "stacked-gru": 0.1}.get(kind, 0.0)

    def forward(self, x):
        h = self.embedding(x) if self.embedding is not None else x
        for i, rnn in enumerate(self.rnns):
            if self.drop:
                # input dropout with one mask per sequence, like Keras (recurrent dropout has no cuDNN-free
                # equivalent in nn.GRU; this column therefore omits it)
                mask = torch.bernoulli(torch.full((h.shape[0], 1, h.shape[2]), 1 - self.drop)) / (1 - self.drop)
                h = h * mask
            out, _ = rnn(h)
            h = out if i < len(self.rnns) - 1 else out[:, -1, :]
        return self.dense(h)


SPECS = {
    "imdb-simplernn": ("simplernn", "bce"),
    "imdb-lstm": ("lstm", "bce"),
    "imdb-bilstm": ("bilstm", "bce"),
    "jena-gru": ("gru", "mae"),
    "jena-gru-dropout": ("gru-dropout", "mae"),
    "jena-stacked-gru": ("stacked-gru", "mae"),
}


def time_model(name, runs):
    kind, loss_name = SPECS[name]
    model = Model(kind)
    if model.embedding is not None:
        x = torch.randint(1, 10000, (128, 500))
        y = torch.randint(0, 2, (128, 1)).float()
        loss_fn = nn.BCEWithLogitsLoss()
    else:
        x = torch.randn(128, 240, 14)
        y = torch.randn(128, 1)
        loss_fn = nn.L1Loss()
    opt = torch.optim.RMSprop(model.parameters(), lr=1e-3, alpha=0.9, eps=1e-7)

    def step():
        opt.zero_grad()
        loss = loss_fn(model(x), y)
        loss.backward()
        opt.step()

    step()
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        step()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


if __name__ == "__main__":
    runs = int(sys.argv[1])
    print(json.dumps({name: time_model(name, runs) for name in sys.argv[2:] if name in SPECS}))
