"""Live Python peer of `pnpm bench text`: keras_preprocessing's Tokenizer on the same reviews.

Usage: /usr/bin/python3 bench/text/keras_tokenizer.py REVIEWS_JSON RUNS
REVIEWS_JSON is a JSON array of the review texts (written by tokenizer.bench.ts, so both sides read the
same strings). Times fit_on_texts + texts_to_sequences + pad_sequences(maxlen=500) with num_words=10000,
and texts_to_matrix(tfidf) on the first 5,000 reviews; prints one JSON line with the median wall and CPU
seconds of each, and the package version.
"""
import json
import statistics
import sys
import time

import keras_preprocessing
from keras_preprocessing.sequence import pad_sequences
from keras_preprocessing.text import Tokenizer

texts = json.load(open(sys.argv[1], encoding="utf-8"))
runs = int(sys.argv[2])


def timed(fn):
    wall, cpu = [], []
    for _ in range(runs):
        c0, t0 = time.process_time(), time.perf_counter()
        fn()
        wall.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
    return {"wallS": statistics.median(wall), "cpuS": statistics.median(cpu)}


state = {}


def pipeline():
    tokenizer = Tokenizer(num_words=10000)
    tokenizer.fit_on_texts(texts)
    pad_sequences(tokenizer.texts_to_sequences(texts), maxlen=500)
    state["tokenizer"] = tokenizer


result = {"version": keras_preprocessing.__version__, "pipeline": timed(pipeline)}
sample = texts[:5000]
result["tfidf5000"] = timed(lambda: state["tokenizer"].texts_to_matrix(sample, mode="tfidf"))
print(json.dumps(result))
