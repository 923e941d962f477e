"""One training step of the core bench models in PyTorch (CPU), for the ratio column of core.bench.ts.

Run by core.bench.ts: /usr/bin/python3 bench/core/torch_step.py <model> <warmup> <runs>; prints JSON
{"median_ms": ...}. Same shapes, RMSprop (alpha 0.9, eps 1e-7) and BCE as the tensorseq models.
"""
import json
import os
import statistics
import sys
import time

import torch

torch.manual_seed(0)
# Debian's torch starts with one intra-op thread here, which is also its fastest setting for these small
# models on this machine (2 threads measured slower); BENCH_TORCH_THREADS overrides it.
if os.environ.get("BENCH_TORCH_THREADS"):
    torch.set_num_threads(int(os.environ["BENCH_TORCH_THREADS"]))
name, warmup, runs = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
if name == "A":
    vocab, dim, maxlen, hidden = 10000, 8, 20, None
else:
    vocab, dim, maxlen, hidden = 10000, 100, 100, 32
layers = [torch.nn.Embedding(vocab, dim), torch.nn.Flatten()]
if hidden:
    layers += [torch.nn.Linear(maxlen * dim, hidden), torch.nn.ReLU(), torch.nn.Linear(hidden, 1)]
else:
    layers += [torch.nn.Linear(maxlen * dim, 1)]
layers.append(torch.nn.Sigmoid())
model = torch.nn.Sequential(*layers)
opt = torch.optim.RMSprop(model.parameters(), lr=1e-3, alpha=0.9, eps=1e-7)
x = torch.randint(1, vocab, (32, maxlen))
y = torch.randint(0, 2, (32, 1)).float()
loss_fn = torch.nn.BCELoss()


def step():
    opt.zero_grad()
    loss = loss_fn(model(x), y)
    loss.backward()
    opt.step()
    return loss.item()


for _ in range(warmup):
    step()
times = []
for _ in range(runs):
    t0 = time.perf_counter()
    step()
    times.append((time.perf_counter() - t0) * 1000)
print(json.dumps({"median_ms": statistics.median(times), "threads": torch.get_num_threads()}))
