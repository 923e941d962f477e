"""PyTorch CPU peer of `pnpm bench recurrent` and `pnpm bench conv1d`, at its best configuration here.

Usage: /usr/bin/python3 bench/src/torch_peer.py WARMUP RUNS MODEL [MODEL...]
       /usr/bin/python3 bench/src/torch_peer.py --serve
Run by bench/src/torch-peer.ts with OPENBLAS_NUM_THREADS=1 (pthread OpenBLAS would otherwise start its
own threads next to torch's) and BENCH_TORCH_THREADS (default 2: torch.set_num_threads(2)).

Prints the configuration on stderr and one JSON line on stdout:
  {"config": {...}, "models": {name: {"ms": median wall ms, "cpuMs": median CPU ms (all threads)}}}
With --serve it prints {"config": {...}} and then answers one JSON request per stdin line,
{"model": name, "warmup": n, "runs": n}, with one line {"wall": [ms...], "cpu": [ms...]} (or {"error": ...}):
the bench interleaves these rounds with its own, so that both sides see the same machine. A model is built
once and kept (its optimizer state too) for the next request.
Every model gets its own WARMUP untimed steps before its timed ones (a cold first model used to measure
25x slower). Same models, shapes and optimizer as the tensorseq side (one step = forward, backward and an
RMSprop update on one batch of 128). PyTorch's cells use sigmoid gates and the resetAfter GRU variant; the
cost per step is the same as the book's Keras 2 variants. nn.GRU has no recurrent dropout, so the dropout
rows drop only the inputs (noted in the table). "imdb-lstm-predict" is inference on 128 reviews.
"""
import json
import os
import statistics
import sys
import time

import torch
from torch import nn

torch.manual_seed(0)
THREADS = int(os.environ.get("BENCH_TORCH_THREADS", "2"))
torch.set_num_threads(THREADS)


class InputDropout(nn.Module):
    """Keras-style input dropout: one mask per sequence and feature, shared over time (training only)."""

    def __init__(self, rate, channels_last=True):
        super().__init__()
        self.rate = rate

    def forward(self, h):
        if not self.training or not self.rate:
            return h
        mask = torch.bernoulli(torch.full((h.shape[0], 1, h.shape[2]), 1 - self.rate)) / (1 - self.rate)
        return h * mask


class Recurrent(nn.Module):
    def __init__(self, kind):
        super().__init__()
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
        else:  # stacked-gru (nn.GRU has no relu option: tanh, same cost)
            self.rnns = nn.ModuleList([nn.GRU(features, 32, batch_first=True), nn.GRU(32, 64, batch_first=True)])
        last = 64 if kind in ("bilstm", "stacked-gru") else 32
        self.dense = nn.Linear(last, 1)
        self.drop = InputDropout({"gru-dropout": 0.2, "stacked-gru": 0.1}.get(kind, 0.0))

    def forward(self, x):
        h = self.embedding(x) if self.embedding is not None else x
        for i, rnn in enumerate(self.rnns):
            out, _ = rnn(self.drop(h))
            h = out if i < len(self.rnns) - 1 else out[:, -1, :]
        return self.dense(h)


class ImdbConv1d(nn.Module):
    """Listing 6.45: Embedding(10000,128), Conv1D(32,7,relu), MaxPooling1D(5), Conv1D(32,7,relu), GlobalMax, Dense."""

    def __init__(self):
        super().__init__()
        self.embedding = nn.Embedding(10000, 128)
        self.conv1 = nn.Conv1d(128, 32, 7)
        self.pool = nn.MaxPool1d(5)
        self.conv2 = nn.Conv1d(32, 32, 7)
        self.dense = nn.Linear(32, 1)

    def forward(self, x):
        h = self.embedding(x).transpose(1, 2)  # [B, C, T]
        h = self.pool(torch.relu(self.conv1(h)))
        h = torch.relu(self.conv2(h))
        return self.dense(h.amax(dim=2))


class JenaConvGru(nn.Module):
    """Listing 6.47: Conv1D(32,5,relu), MaxPooling1D(3), Conv1D(32,5,relu), GRU(32, input dropout 0.1), Dense."""

    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv1d(14, 32, 5)
        self.pool = nn.MaxPool1d(3)
        self.conv2 = nn.Conv1d(32, 32, 5)
        self.drop = InputDropout(0.1)
        self.gru = nn.GRU(32, 32, batch_first=True)
        self.dense = nn.Linear(32, 1)

    def forward(self, x):
        h = x.transpose(1, 2)
        h = torch.relu(self.conv2(self.pool(torch.relu(self.conv1(h))))).transpose(1, 2)
        out, _ = self.gru(self.drop(h))
        return self.dense(out[:, -1, :])


RECURRENT = {
    "imdb-simplernn": "simplernn",
    "imdb-lstm": "lstm",
    "imdb-bilstm": "bilstm",
    "jena-gru": "gru",
    "jena-gru-dropout": "gru-dropout",
    "jena-stacked-gru": "stacked-gru",
}


def build(name):
    base = name[: -len("-predict")] if name.endswith("-predict") else name
    if base in RECURRENT:
        model = Recurrent(RECURRENT[base])
        imdb = base.startswith("imdb")
    elif base == "imdb-conv1d":
        model, imdb = ImdbConv1d(), True
    elif base == "jena-conv-gru":
        model, imdb = JenaConvGru(), False
    else:
        return None
    if imdb:
        x = torch.randint(1, 10000, (128, 500))
        y = torch.randint(0, 2, (128, 1)).float()
        loss_fn = nn.BCEWithLogitsLoss()
    else:
        x = torch.randn(128, 240, 14)
        y = torch.randn(128, 1)
        loss_fn = nn.L1Loss()
    return model, x, y, loss_fn


def make_step(name):
    built = build(name)
    if built is None:
        return None
    model, x, y, loss_fn = built
    if name.endswith("-predict"):
        model.eval()

        def step():
            with torch.no_grad():
                torch.sigmoid(model(x))

    else:
        opt = torch.optim.RMSprop(model.parameters(), lr=1e-3, alpha=0.9, eps=1e-7)

        def step():
            opt.zero_grad()
            loss = loss_fn(model(x), y)
            loss.backward()
            opt.step()

    return step


def run_steps(step, warmup, runs):
    """Wall and CPU milliseconds of each of `runs` timed steps, after `warmup` untimed ones."""
    for _ in range(warmup):
        step()
    wall, cpu = [], []
    for _ in range(runs):
        c0, t0 = time.process_time(), time.perf_counter()
        step()
        wall.append((time.perf_counter() - t0) * 1000)
        cpu.append((time.process_time() - c0) * 1000)
    return wall, cpu


def time_model(name, warmup, runs):
    step = make_step(name)
    if step is None:
        return None
    wall, cpu = run_steps(step, warmup, runs)
    return {"ms": statistics.median(wall), "cpuMs": statistics.median(cpu)}


def serve():
    print(json.dumps({"config": config()}), flush=True)
    steps = {}
    for line in sys.stdin:
        request = json.loads(line)
        name = request["model"]
        if name not in steps:
            steps[name] = make_step(name)
        if steps[name] is None:
            print(json.dumps({"error": f"unknown model {name}"}), flush=True)
            continue
        wall, cpu = run_steps(steps[name], int(request["warmup"]), int(request["runs"]))
        print(json.dumps({"wall": wall, "cpu": cpu}), flush=True)


def config():
    blas = [line.strip() for line in torch.__config__.show().splitlines() if "BLAS_INFO" in line]
    return {
        "torch": torch.__version__,
        "threads": torch.get_num_threads(),
        "interopThreads": torch.get_num_interop_threads(),
        "OPENBLAS_NUM_THREADS": os.environ.get("OPENBLAS_NUM_THREADS"),
        "MALLOC_MMAP_THRESHOLD_": os.environ.get("MALLOC_MMAP_THRESHOLD_"),
        "mkldnn": torch.backends.mkldnn.is_available(),
        "build": blas[0][:120] if blas else "",
    }


if __name__ == "__main__" and sys.argv[1:] == ["--serve"]:
    serve()
elif __name__ == "__main__":
    warmup, runs = int(sys.argv[1]), int(sys.argv[2])
    cfg = config()
    print(f"PyTorch peer: {json.dumps(cfg)}", file=sys.stderr)
    models = {}
    for name in sys.argv[3:]:
        r = time_model(name, warmup, runs)
        if r is not None:
            models[name] = r
            print(f"  torch {name}: {r['ms']:.1f} ms wall, {r['cpuMs']:.1f} ms cpu", file=sys.stderr)
    print(json.dumps({"config": cfg, "models": models}))
